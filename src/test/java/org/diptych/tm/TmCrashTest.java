package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a process killed (SIGKILL) in the middle of an import leaves the last committed TM, and
 * each window between the steps of an update is recovered at the next open.
 */
class TmCrashTest {
    @TempDir
    Path tmp;

    private Path bigTmx(int n) throws IOException {
        Tmx t = new Tmx();
        for (int i = 0; i < n; i++) {
            t.tu("big" + i, "en", "Resolution " + i + " of the housing congress was adopted by the delegates.",
                    "ru", "Резолюция " + i + " жилищного съезда была принята делегатами.");
        }
        return t.write(tmp.resolve("big.tmx"));
    }

    private Path tmWithTwoUnits() throws IOException {
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(new Tmx().tu("o1", "en", "The old unit stays.", "ru", "Старая единица остаётся.")
                    .tu("o2", "en", "Nothing is half imported.", "ru", "Ничего не импортировано наполовину.")
                    .write(tmp.resolve("old.tmx")), Progress.NONE);
        }
        return dir;
    }

    private Process child(Path dir, Path file, double pauseAt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TmImportProcess.class.getName(), dir.toString(), file.toString(), String.valueOf(pauseAt))
                .redirectErrorStream(true).start();
    }

    private static String waitForLine(Process p, String wanted) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            all.append(line).append('\n');
            if (line.equals(wanted)) return line;
        }
        throw new AssertionError("child ended without '" + wanted + "':\n" + all);
    }

    @Test
    void aTmHeldByAnotherProcessSaysSoAndOneHeldHereSaysThisWindow() throws Exception {
        Path dir = tmWithTwoUnits();
        Process p = child(dir, bigTmx(2_000), 0.5);
        try {
            waitForLine(p, "paused");
            assertThatThrownBy(() -> TranslationMemory.open(dir)).isInstanceOf(DiptychException.class)
                    .hasMessage(dir + ": the translation memory is open in another Diptych process");
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThatThrownBy(() -> TranslationMemory.open(dir)).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("already open in this Diptych window")
                    .hasMessageNotContaining("another");
        }
        // Closed here, it opens again.
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.stats().units()).isEqualTo(2);
        }
    }

    @Test
    void importKilledMidwayLeavesTheLastCommittedTm() throws Exception {
        Path dir = tmWithTwoUnits();
        Path big = bigTmx(20_000);
        for (double at : new double[] {0.2, 0.8}) {
            Process p = child(dir, big, at);
            waitForLine(p, "paused");
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            try (TranslationMemory tm = TranslationMemory.open(dir)) {
                assertThat(tm.wasRebuilt()).as("the index commit still matches the record").isFalse();
                assertThat(tm.stats().units()).isEqualTo(2);
                assertThat(tm.lookup("The old unit stays.", "en", "ru", 1)).hasSize(1);
                assertThat(tm.lookup("Resolution 17 of the housing congress was adopted by the delegates.", "en", "ru", 1))
                        .isEmpty();
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
        // The same import, not killed, completes.
        Process p = child(dir, big, -1);
        waitForLine(p, "done");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.stats().units()).isEqualTo(20_002);
            assertThat(tm.lookup("Resolution 17 of the housing congress was adopted by the delegates.", "en", "ru", 1)
                    .get(0).score()).isEqualTo(100);
        }
    }

    @Test
    void crashAfterTheJournalNamedTheSegmentButBeforeTheIndexCommitReplaysIt() throws Exception {
        Path dir = tmWithTwoUnits();
        Path oldIndex = tmp.resolve("index-before");
        copyTree(dir.resolve(TranslationMemory.INDEX), oldIndex);
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(new Tmx().tu("n1", "en", "A new unit arrives.", "ru", "Приходит новая единица.")
                    .write(tmp.resolve("new.tmx")), Progress.NONE);
        }
        // Put back the index as it was before the import's commit: the journal is one step ahead.
        deleteTree(dir.resolve(TranslationMemory.INDEX));
        copyTree(oldIndex, dir.resolve(TranslationMemory.INDEX));
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isFalse();
            assertThat(tm.stats().units()).isEqualTo(3);
            assertThat(tm.lookup("A new unit arrives.", "en", "ru", 1)).hasSize(1);
            copyTree(dir.resolve(TranslationMemory.INDEX), oldIndex.resolveSibling("index-before-merge"));
            tm.compact();
        }
        // And before a merge's commit: the record is one generation ahead of the index.
        deleteTree(dir.resolve(TranslationMemory.INDEX));
        copyTree(oldIndex.resolveSibling("index-before-merge"), dir.resolve(TranslationMemory.INDEX));
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isTrue();
            assertThat(tm.stats().units()).isEqualTo(3);
            assertThat(tm.stats().generation()).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("merged segments are gone").noneMatch(n -> n.startsWith("seg-"));
        }
    }

    @Test
    void journalChangesMissingFromTheIndexAreReplayedAndATornLineIsDropped() throws Exception {
        Path dir = tmWithTwoUnits();
        TmUnit u = new TmUnit("k:s|en|ru|p1|p1", Map.of(), List.of(TmMeta.prop(TmUnit.PROP_KEY, "s|en|ru|p1|p1")),
                List.of(TmVariant.plain("en", "Written to the journal only."), TmVariant.plain("ru", "Записано только в журнал.")));
        // As if the process died after the journal append, before the index commit.
        try (Journal j = Journal.open(dir.resolve(TranslationMemory.JOURNAL))) {
            j.append(List.of(u), List.of());
        }
        // And as if a second append was cut short by the crash.
        Files.writeString(dir.resolve(TranslationMemory.JOURNAL), "P 3 0badc0de AAAA", StandardOpenOption.APPEND);
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isFalse();
            assertThat(tm.stats().units()).isEqualTo(3);
            assertThat(tm.lookup("Written to the journal only.", "en", "ru", 1).get(0).score()).isEqualTo(100);
            assertThat(tm.stats().journalOps()).as("the import's segment and the put").isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve(TranslationMemory.JOURNAL))).doesNotContain("0badc0de");
        // Compaction folds the journal into the record.
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.compact();
            assertThat(tm.stats().journalOps()).isZero();
            assertThat(tm.stats().generation()).isEqualTo(1);
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isFalse();
            assertThat(tm.stats().units()).isEqualTo(3);
        }
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheRecord() throws Exception {
        Path dir = tmWithTwoUnits();
        try (Stream<Path> files = Files.list(dir.resolve(TranslationMemory.INDEX))) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) Files.write(f, new byte[] {1, 2, 3});
            }
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isTrue();
            assertThat(tm.stats().units()).isEqualTo(2);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().equals("write.lock")) Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) Files.delete(p);
        }
    }
}
