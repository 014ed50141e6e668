package org.diptych.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.diptych.faults.FaultCorpus.Case;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A small deterministic sample of the fault-injection suite ({@code bench/faults.sh} runs all of it):
 * truncations, external entities, a path trick and two symlink cases; each must succeed or fail with one line leaving the project unchanged.
 */
class FaultSampleTest {
    @TempDir
    static Path work;
    static FaultRunner runner;

    private static final Set<String> NAMES = Set.of("markdown/truncation/at-7", "docx/truncation/at-7",
            "xliff/truncation/at-7", "tbx/truncation/at-7", "html/hostile-xml/xxe", "docx/hostile-xml/xxe",
            "xliff/hostile-xml/xxe", "tbx/hostile-xml/xxe", "markdown/path/id:2024-01-01-..",
            "markdown/symlink/statements-is-link", "markdown/symlink/lock-is-link");
    // tmx/hostile-xml/xxe fails today (TMX reading is another area's: "internal error: WstxLazyException"); reported

    @BeforeAll
    static void template() {
        runner = new FaultRunner(work.resolve("faults"));
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    static List<Case> sample() {
        List<Case> out = new ArrayList<>();
        for (Case c : FaultCorpus.all(1, 1)) if (NAMES.contains(c.id())) out.add(c);
        for (FaultCorpus.Importer imp : List.of(FaultCorpus.Importer.MARKDOWN)) {
            for (Case c : FaultRunner.symlinkCases(imp)) if (NAMES.contains(c.id())) out.add(c);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void succeedsOrFailsWithOneLineAndTheProjectUnchanged(Case c) {
        FaultRunner.Outcome o = runner.run(c, 0);
        assertThat(o.passed()).as(c.id() + ": " + o.result() + " (exit " + o.code() + "): " + o.message()).isTrue();
    }
}
