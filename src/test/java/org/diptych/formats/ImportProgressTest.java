package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.Progress;
import org.diptych.project.Project;

/**
 * A long plain-text import (issue 11: 850,000 paragraphs showed nothing and could not be stopped) reports how
 * far it got and stops at a cancel, leaving the project as it was. Small files here: the same code path.
 */
class ImportProgressTest {
    @TempDir
    Path tmp;

    /** {@code n} paragraphs of Russian text, blank lines between. */
    private Path text(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("Абзац ").append(i).append(": профсоюз требует повысить зарплату и пенсии работникам.\n\n");
        }
        return Files.writeString(tmp.resolve("long.txt"), sb, StandardCharsets.UTF_8);
    }

    /** Records every update; cancels once {@code cancelAt} updates were seen (0: never). */
    static final class Recorder implements Progress {
        final List<long[]> updates = new ArrayList<>();
        final int cancelAt;

        Recorder(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void update(long done, long total, String message) {
            updates.add(new long[] {done, total});
        }

        @Override
        public boolean isCancelled() {
            return cancelAt > 0 && updates.size() >= cancelAt;
        }
    }

    @Test
    void aTextFileReportsItsParagraphsAsItReadsThem() throws IOException {
        Path f = text(2000);
        Recorder r = new Recorder(0);
        ImportResult res = Importer.importFile(f, ImportOptions.DEFAULTS, r);
        assertThat(res.version().paragraphs()).hasSize(2000);
        // one update every 256 paragraphs and the last at the end, never backwards, never past the total
        assertThat(r.updates.size()).isGreaterThanOrEqualTo(8);
        long total = r.updates.get(0)[1];
        long prev = -1;
        for (long[] u : r.updates) {
            assertThat(u[1]).isEqualTo(total);
            assertThat(u[0]).isBetween(prev, total);
            prev = u[0];
        }
        assertThat(r.updates.get(r.updates.size() - 1)[0]).isEqualTo(total);
        assertThat(r.updates.get(r.updates.size() / 2)[0]).isStrictlyBetween(0L, total);
    }

    @Test
    void aCancelWhileReadingStopsTheImportAndChangesNothing() throws IOException {
        Path f = text(3000);
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, "t", List.of("ru", "en"))) {
            // nothing
        }
        String before = tree(dir);
        Recorder r = new Recorder(3); // cancelled after the third report, in the middle of the file
        try (Project p = Project.open(dir, true)) {
            assertThatThrownBy(() -> Importer.importInto(p, "2024-05-01-long", f, ImportOptions.DEFAULTS, false, false, r))
                    .isInstanceOf(Progress.Cancelled.class);
            assertThat(p.statementIds()).isEmpty();
        }
        assertThat(r.updates.size()).isEqualTo(3);
        assertThat(r.updates.get(2)[0]).isLessThan(r.updates.get(2)[1]);
        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void linesFormatReportsToo() throws IOException {
        Path f = text(600);
        Recorder r = new Recorder(0);
        ImportResult res = Importer.importFile(f, new ImportOptions("ru", null, "lines"), r);
        assertThat(res.version().paragraphs()).hasSize(600);
        assertThat(r.updates).isNotEmpty();
        assertThat(r.updates.get(r.updates.size() - 1)[0]).isEqualTo(r.updates.get(0)[1]);
    }

    static String tree(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.getFileName().toString().equals(".diptych.lock")) continue;
                sb.append(root.relativize(p)).append(Files.isRegularFile(p) ? " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) : "/")
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
