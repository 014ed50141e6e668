package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diptych.Progress;
import org.diptych.bench.TmBenchData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookup passes over candidates whose {@link MatchScorer#upperBound} is below its minimum score or below
 * the worst of the matches it already holds: the matches must be exactly those of scoring every candidate,
 * for every query class of the TM benchmark's generated data (families of near-duplicates, edits, numbers,
 * swapped clauses, unrelated sentences), one match and several, two minimum scores.
 */
class LookupPruningTest {
    @TempDir
    Path tmp;

    @Test
    void passingOverHopelessCandidatesChangesNoMatch() throws Exception {
        TmBenchData.generate(5, 2000, 15, tmp);
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("queries-2000.tsv"), StandardCharsets.UTF_8)) {
            queries.add(line.split("\t", -1));
        }
        assertThat(queries).hasSizeGreaterThan(60);
        int compared = 0;
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            tm.importTmx(tmp.resolve("en-ru-2000.tmx"), Progress.NONE);
            for (String[] f : queries) {
                for (int[] maxMin : new int[][] {{1, 60}, {3, 40}}) {
                    for (String[] dir : new String[][] {{"en-US", "ru-RU"}, {"ru-RU", "en-US"}}) {
                        String text = dir[0].startsWith("en") ? f[1] : null;
                        if (text == null) {
                            // the Russian side of a query's unit: take the best English match's target
                            List<TmMatch> en = tm.lookup(new TmQuery(f[1], "", "en-US", "ru-RU", null, 60, 1));
                            if (en.isEmpty()) continue;
                            text = en.get(0).target().text();
                        }
                        TmQuery q = new TmQuery(text, "", dir[0], dir[1], null, maxMin[1], maxMin[0]);
                        List<String> pruned = describe(tm.lookup(q));
                        TmBackendSupport.PRUNE = false;
                        List<String> all;
                        try {
                            all = describe(tm.lookup(q));
                        } finally {
                            TmBackendSupport.PRUNE = true;
                        }
                        assertThat(pruned).as(f[0] + ": " + text).isEqualTo(all);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    private static List<String> describe(List<TmMatch> matches) {
        List<String> out = new ArrayList<>();
        for (TmMatch m : matches) out.add(m.score() + " " + m.unit().id() + " " + m.source().text() + " | " + m.description());
        return out;
    }
}
