package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "writes that survive", for the TM: a process refused the lock changes nothing, a step of the
 * journal is all or nothing, a damaged record is refused on open and repaired from the index, and imports
 * add segments instead of rewriting the record.
 */
class TmWritesSurviveTest {
    @TempDir
    Path tmp;

    private static TmUnit fed(int i) {
        String key = "s|en|ru|p" + i + "|p" + i;
        return new TmUnit("k:" + key, Map.of(), List.of(TmMeta.prop(TmUnit.PROP_KEY, key)),
                List.of(TmVariant.plain("en", "Review step " + i + " of the delegates was saved."),
                        TmVariant.plain("ru", "Шаг проверки " + i + " делегатов сохранён.")));
    }

    private Path twoUnits(String name) throws IOException {
        return new Tmx().tu("a1", "en", "The housing congress opened on Monday.", "ru", "Жилищный съезд открылся в понедельник.")
                .tu("a2", "en", "The delegates approved the statement.", "ru", "Делегаты одобрили заявление.")
                .write(tmp.resolve(name));
    }

    @Test
    void anOpenerRefusedTheLockLeavesTheJournalAndTemporaryFilesAlone() throws Exception {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.update(List.of(fed(1)), List.of());
            // As if the holder were in the middle of an append, and had a temporary record being written.
            Files.writeString(dir.resolve(TranslationMemory.JOURNAL), "P 2 0badc0de AAAA", StandardOpenOption.APPEND);
            Path importing = Files.writeString(dir.resolve(".memory.tmx.123.tmp"), "<tmx");
            byte[] journal = Files.readAllBytes(dir.resolve(TranslationMemory.JOURNAL));
            assertThatThrownBy(() -> TranslationMemory.open(dir)).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("already open in this Diptych window");
            assertThat(Files.readAllBytes(dir.resolve(TranslationMemory.JOURNAL))).isEqualTo(journal);
            assertThat(importing).exists();
        }
    }

    @Test
    void updatesAcknowledgedWhileAnotherOpenerPollsAreAllKept() throws Exception {
        Path dir = tmp.resolve("tm");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        int acknowledged = 0;
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            java.util.concurrent.Semaphore stepped = new java.util.concurrent.Semaphore(0);
            Thread poller = new Thread(() -> {
                while (!stop.get()) {
                    stepped.acquireUninterruptibly();
                    try (TranslationMemory other = TranslationMemory.open(dir)) {
                        throw new AssertionError("a second holder");
                    } catch (DiptychException e) {
                        refused.incrementAndGet();
                    }
                }
            });
            poller.start();
            // One try to open per update, while the next update is being written.
            for (int i = 1; i <= 15; i++) {
                tm.update(List.of(fed(i)), List.of());
                acknowledged++;
                stepped.release();
            }
            stop.set(true);
            stepped.release();
            poller.join();
        }
        assertThat(refused.get()).isPositive();
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.stats().units()).isEqualTo(acknowledged);
        }
    }

    @Test
    void aStepCutShortIsDroppedWhole() throws Exception {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.update(List.of(fed(1)), List.of());
        }
        Path file = dir.resolve(TranslationMemory.JOURNAL);
        long before = Files.size(file);
        try (Journal j = Journal.open(file)) {
            j.append(List.of(fed(2), fed(3), fed(4)), List.of());
        }
        // The disk filled up before the step's last line: cut it in the middle of that line.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Files.size(file) - last.length() / 2);
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.stats().units()).as("none of the three units of the torn step").isEqualTo(1);
            assertThat(tm.stats().journalOps()).isEqualTo(1);
        }
        assertThat(Files.size(file)).isEqualTo(before);
        // A missing newline after a complete step's last line: that line may be torn too.
        try (Journal j = Journal.open(file)) {
            j.append(List.of(fed(5)), List.of());
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Files.size(file) - 1);
        }
        assertThat(Journal.read(file).ops()).hasSize(1);
    }

    @Test
    void importsAddSegmentsAndLeaveTheRecordAsItWas() throws Exception {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(twoUnits("a.tmx"), Progress.NONE);
            tm.compact();
            byte[] record = Files.readAllBytes(dir.resolve(TranslationMemory.RECORD));
            ImportReport r = tm.importTmx(new Tmx().tu("b1", "en", "A new unit arrives.", "ru", "Приходит новая единица.")
                    .tu("a1", "en", "The housing congress opened on Monday.", "ru", "Жилищный съезд открылся в понедельник.")
                    .write(tmp.resolve("b.tmx")), Progress.NONE);
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.duplicates()).isEqualTo(1);
            assertThat(Files.readAllBytes(dir.resolve(TranslationMemory.RECORD))).isEqualTo(record);
            assertThat(dir.resolve("seg-1-1.tmx")).exists();
            // Changes after the segment: a unit of the record deleted, the segment's unit replaced, one fed.
            TmUnit b1 = tm.lookup("A new unit arrives.", "en", "ru", 1).get(0).unit();
            String a2 = tm.lookup("The delegates approved the statement.", "en", "ru", 1).get(0).unit().id();
            tm.update(List.of(b1.withAttributes(Map.of("tuid", "b1", "usagecount", "7")), fed(1)), List.of(a2));
            assertThat(tm.exportTmx(tmp.resolve("out.tmx"), false)).isEqualTo(3);
        }
        String out = Files.readString(tmp.resolve("out.tmx"));
        assertThat(out).contains("tuid=\"a1\"", "usagecount=\"7\"", "Review step 1").doesNotContain("tuid=\"a2\"");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isFalse();
            assertThat(tm.stats().units()).isEqualTo(3);
            assertThat(TmSample.pairs(dir, "en", "ru", 10)).extracting(p -> p[0])
                    .contains("The housing congress opened on Monday.", "A new unit arrives.");
        }
    }

    @Test
    void aRecordCutInHalfIsRefusedOnOpenAndRepairedFromTheIndex() throws Exception {
        Path dir = tmp.resolve("tm");
        Tmx t = new Tmx();
        for (int i = 0; i < 13; i++) {
            t.tu("u" + i, "en", "Paragraph " + i + " of the open letter.", "ru", "Абзац " + i + " открытого письма.");
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(t.write(tmp.resolve("13.tmx")), Progress.NONE);
            tm.compact();
            tm.update(List.of(fed(1)), List.of());
        }
        Path record = dir.resolve(TranslationMemory.RECORD);
        byte[] whole = Files.readAllBytes(record);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(record, half);
        assertThatThrownBy(() -> TranslationMemory.open(dir)).isInstanceOf(DiptychException.class)
                .hasMessageStartingWith(record.toString()).hasMessageContaining("damaged").hasMessageContaining("tm repair")
                .hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(record)).as("never rewritten from the readable half").isEqualTo(half);
        // An import refused the same way changes nothing either.
        assertThat(TranslationMemory.repair(dir)).isEqualTo(14);
        assertThat(dir.resolve(TranslationMemory.RECORD + ".damaged")).exists();
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isFalse();
            assertThat(tm.stats().units()).isEqualTo(14);
            assertThat(tm.lookup("Paragraph 12 of the open letter.", "en", "ru", 1).get(0).score()).isEqualTo(100);
        }
    }

    private Path withHeader(String name, String note, String tuid, String en, String ru) throws IOException {
        return Files.writeString(tmp.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
                + "<header creationtool=\"Other Tool\" creationtoolversion=\"3\" segtype=\"sentence\" o-tmf=\"x\""
                + " adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\">\n  <note>" + note + "</note>\n</header>\n<body>\n"
                + "<tu tuid=\"" + tuid + "\"><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"ru\"><seg>" + ru
                + "</seg></tuv></tu>\n</body>\n</tmx>\n");
    }

    @Test
    void aRepairKeepsTheHeadersOfTheImportedFiles() throws Exception {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(withHeader("first.tmx", "Letters of the dockers, 2021.", "f1",
                    "The dockers stopped work at dawn.", "Докеры остановили работу на рассвете."), Progress.NONE);
            tm.compact(); // the first file's header is in the record now
            tm.importTmx(withHeader("second.tmx", "Appeals of the teachers, 2022.", "s1",
                    "The teachers demand a fair wage.", "Учителя требуют справедливой зарплаты."), Progress.NONE);
        }
        Path record = dir.resolve(TranslationMemory.RECORD);
        byte[] whole = Files.readAllBytes(record);
        Files.write(record, java.util.Arrays.copyOf(whole, whole.length - 40)); // its last unit cut short
        assertThat(TranslationMemory.repair(dir)).isEqualTo(2);
        Path out = tmp.resolve("out.tmx");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.exportTmx(out, false);
        }
        assertThat(Files.readString(out)).contains("<note>Letters of the dockers, 2021.</note>")
                .contains("<note>Appeals of the teachers, 2022.</note>");
        // and the repaired record carries them into the next merge
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.compact();
            tm.exportTmx(out, false);
        }
        assertThat(Files.readString(out)).contains("<note>Letters of the dockers, 2021.</note>")
                .contains("<note>Appeals of the teachers, 2022.</note>");
    }

    @Test
    void aRecordChangedInPlaceIsRefusedWhenTheIndexIsRebuilt() throws Exception {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(twoUnits("a.tmx"), Progress.NONE);
            tm.compact();
        }
        Path record = dir.resolve(TranslationMemory.RECORD);
        String s = Files.readString(record);
        Files.writeString(record, s.replace("Monday", "Sunday"));
        deleteIndex(dir);
        assertThatThrownBy(() -> TranslationMemory.open(dir)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("damaged").hasMessageContaining("checksum");
        assertThat(Files.readString(record)).contains("Sunday");
    }

    private static void deleteIndex(Path dir) throws IOException {
        try (var s = Files.walk(dir.resolve(TranslationMemory.INDEX))) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) Files.delete(p);
        }
    }
}
