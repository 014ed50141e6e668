package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step of many puts and deletes reaches the index as one delete of all its ids and the documents of the
 * last put of each: the same units as one change at a time, whether applied at once or replayed from the
 * journal at the next open.
 */
class TmBatchUpdateTest {
    @TempDir
    Path tmp;

    private static TmUnit fed(String key, String en, String ru) {
        return new TmUnit("k:" + key, Map.of(), List.of(TmMeta.prop(TmUnit.PROP_KEY, key)),
                List.of(TmVariant.plain("en", en), TmVariant.plain("ru", ru)));
    }

    @Test
    void aStepOfPutsAndDeletesLeavesTheLastStateOfEachUnit() throws Exception {
        Path f = new Tmx("en").tu("keep", "en", "The assembly approved the budget.", "ru", "Собрание утвердило бюджет.")
                .write(tmp.resolve("a.tmx"));
        Path dir = tmp.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(f, Progress.NONE);
            List<TmUnit> first = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                first.add(fed("s|en|ru|p" + i, "Paragraph number " + i + " was confirmed by the editors.",
                        "Абзац номер " + i + " подтверждён редакторами."));
            }
            tm.update(first, List.of());
            assertThat(tm.stats().units()).isEqualTo(301);

            // One step: 0..99 changed, 100..149 deleted, 150 put then deleted, one new unit.
            List<TmUnit> puts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                puts.add(fed("s|en|ru|p" + i, "Paragraph number " + i + " was corrected by the editors.",
                        "Абзац номер " + i + " исправлен редакторами."));
            }
            puts.add(fed("s|en|ru|p150", "Changed before its deletion.", "Изменён перед удалением."));
            puts.add(fed("s|en|ru|new", "A new paragraph about the strike.", "Новый абзац о забастовке."));
            List<String> deletes = new ArrayList<>();
            for (int i = 100; i <= 150; i++) deletes.add("k:s|en|ru|p" + i);
            tm.update(puts, deletes);
            check(tm);
        }
        // The index's commit holds the steps; an index that lost them replays them from the journal.
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            check(tm);
        }
        deleteTree(dir.resolve(TranslationMemory.INDEX));
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.wasRebuilt()).isTrue();
            check(tm);
        }
    }

    @Test
    void anImportFindsTheUnitsTheTmHasABatchAtATime() throws Exception {
        Tmx first = new Tmx("en");
        Tmx second = new Tmx("en");
        for (int i = 0; i < 1200; i++) {
            String en = "Resolution " + i + " of the assembly was published.";
            String ru = "Резолюция " + i + " собрания опубликована.";
            first.tu(null, "en", en, "ru", ru);
            second.tu(null, "en", en, "ru", ru);
            if (i % 100 == 0) second.tu(null, "en", "New resolution " + i + ".", "ru", "Новая резолюция " + i + ".");
        }
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            assertThat(tm.importTmx(first.write(tmp.resolve("first.tmx")), Progress.NONE).added()).isEqualTo(1200);
            ImportReport r = tm.importTmx(second.write(tmp.resolve("second.tmx")), Progress.NONE);
            assertThat(r.read()).isEqualTo(1212);
            assertThat(r.duplicates()).isEqualTo(1200);
            assertThat(r.added()).isEqualTo(12);
            assertThat(tm.stats().units()).isEqualTo(1212);
            assertThat(tm.lookup("New resolution 700.", "en", "ru", 1).get(0).score()).isEqualTo(100);
        }
    }

    private static void check(TranslationMemory tm) {
        assertThat(tm.stats().units()).isEqualTo(301 - 51 + 1);
        assertThat(tm.get("k:s|en|ru|p7").variant("en").text()).isEqualTo("Paragraph number 7 was corrected by the editors.");
        assertThat(tm.get("k:s|en|ru|p200").variant("en").text()).isEqualTo("Paragraph number 200 was confirmed by the editors.");
        assertThat(tm.get("k:s|en|ru|p120")).isNull();
        assertThat(tm.get("k:s|en|ru|p150")).isNull();
        assertThat(tm.get("k:s|en|ru|new")).isNotNull();
        assertThat(tm.lookup("Paragraph number 7 was corrected by the editors.", "en", "ru", 3).get(0).score()).isEqualTo(100);
        assertThat(tm.lookup("Paragraph number 7 was confirmed by the editors.", "en", "ru", 3).get(0).score()).isLessThan(100);
        assertThat(tm.lookup("The assembly approved the budget.", "en", "ru", 1).get(0).score()).isEqualTo(100);
    }

    private static void deleteTree(Path p) throws Exception {
        try (var s = java.nio.file.Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
