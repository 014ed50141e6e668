package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.project.Project;
import org.diptych.review.Fixtures;
import org.diptych.review.ReviewStore;

/** {@code replace-text}: dry run, the replace across the project, its undo, and usage errors. */
class ReplaceTextCommandTest {
    @TempDir
    Path tmp;

    @Test
    void dryRunThenReplaceInOneLanguageThenUndo() {
        Path dir = Fixtures.project(tmp.resolve("p"));
        String d = dir.toString();
        CliTestSupport.Result dry = CliTestSupport.run("replace-text", "--project", d, "--find", "порта", "--with", "гавани",
                "--lang", "ru", "--whole-word", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains(Fixtures.STATEMENT + " [ru] ").contains("→ Докеры гавани бастуют уже три недели.")
                .contains("Would replace 1 occurrences in 1 paragraphs of 1 versions (dry run: nothing written)");
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "ru")).isEqualTo(Fixtures.russian());
        }

        CliTestSupport.Result r = CliTestSupport.run("replace-text", "--project", d, "--find", "порта", "--with", "гавани",
                "--lang", "ru", "--whole-word", "--reviewer", "Ana");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Replaced 1 occurrences");
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.loadEdits(p, Fixtures.STATEMENT, "ru")).singleElement()
                    .satisfies(e -> assertThat(e.reviewer()).isEqualTo("Ana"));
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "en")).isEqualTo(Fixtures.english());
        }

        CliTestSupport.Result u = CliTestSupport.run("replace-text", "--project", d, "--undo");
        assertThat(u.code()).as(u.err()).isZero();
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "ru")).isEqualTo(Fixtures.russian());
            assertThat(ReviewStore.loadEdits(p, Fixtures.STATEMENT, "ru")).isEmpty();
        }
        CliTestSupport.Result again = CliTestSupport.run("replace-text", "--project", d, "--undo");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().strip()).contains("no replace to undo").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void usageErrorsExitTwo() {
        Path dir = Fixtures.project(tmp.resolve("p"));
        assertThat(CliTestSupport.run("replace-text", "--project", dir.toString(), "--find", "x").code()).isEqualTo(2);
        assertThat(CliTestSupport.run("replace-text", "--project", dir.toString(), "--undo", "--find", "x").code()).isEqualTo(2);
        assertThat(CliTestSupport.run("replace-text", "--project", dir.toString(), "--find", "x", "--with", "y", "--lang", "xx").code())
                .isEqualTo(2);
        CliTestSupport.Result none = CliTestSupport.run("replace-text", "--project", dir.toString(), "--find", "x", "--with", "y",
                "--statement", "2000-01-01-nope");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no statement '2000-01-01-nope'");
    }
}
