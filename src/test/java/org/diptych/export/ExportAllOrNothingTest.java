package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.DiptychException;

/**
 * The posts of one export are written all or nothing (bench/kill9.sh killed an export between its posts and
 * found one post written and the others not): a failure on a later post leaves the folder as it was, and a
 * change interrupted after it was decided is finished by the next export into the folder.
 */
class ExportAllOrNothingTest {
    @TempDir
    Path tmp;

    @AfterEach
    void noSeam() {
        ExportWrite.afterRename = () -> {};
    }

    private static ExportOptions options(Path out) {
        return new ExportOptions(Fixtures.ID, out, false, null, true);
    }

    @Test
    void aPostThatCannotBeWrittenLeavesTheOthersUnwritten() throws IOException {
        Path dir = Fixtures.project(tmp.resolve("p"), null);
        Path out = Files.createDirectories(tmp.resolve("site"));
        // the pt post's folder cannot be made: its place is taken by a file (the ru and en posts come first)
        Files.writeString(out.resolve("pt"), "a file where the pt folder would go\n");
        String before = tree(out);
        assertThatThrownBy(() -> Fixtures.export(dir, options(out))).isInstanceOf(DiptychException.class)
                .hasMessageContaining("none of the 3 files was changed");
        assertThat(tree(out)).isEqualTo(before);
    }

    @Test
    void aChangeInterruptedBetweenItsRenamesIsFinishedByTheNextExport() throws IOException {
        Path dir = Fixtures.project(tmp.resolve("p"), null);
        Path reference = tmp.resolve("reference");
        Fixtures.export(dir, options(reference));
        String after = tree(reference);

        Path out = tmp.resolve("site");
        int[] renames = {0};
        ExportWrite.afterRename = () -> {
            if (++renames[0] == 1) throw new IllegalStateException("killed after the first rename");
        };
        assertThatThrownBy(() -> Fixtures.export(dir, options(out))).hasMessageContaining("killed");
        assertThat(Files.exists(out.resolve(ExportWrite.PLAN))).isTrue();
        ExportWrite.afterRename = () -> {};

        ExportWrite.recover(out); // what the next export does first
        assertThat(tree(out)).isEqualTo(after);
        Fixtures.export(dir, options(out));
        assertThat(tree(out)).isEqualTo(after);
    }

    @Test
    void aPlanThatWouldMoveTheSitesOwnFilesIsRefusedAndMovesNothing() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("checkout"));
        Files.writeString(out.resolve("index.md"), "the site's front page\n");
        Files.writeString(out.resolve("about.md"), "about the site\n");
        // a plan committed to a shared checkout, naming an ordinary file as its "temporary file"
        Files.writeString(out.resolve(ExportWrite.PLAN), "{\"renames\":[[\"about.md\",\"index.md\"]]}\n");
        String before = tree(out);
        assertThatThrownBy(() -> ExportWrite.recover(out)).isInstanceOf(DiptychException.class)
                .hasMessageContaining(ExportWrite.PLAN).hasMessageContaining("is not a temporary file of index.md")
                .hasMessageNotContaining("\n");
        assertThat(tree(out)).isEqualTo(before);
        assertThat(ExportWrite.isTempOf(out.resolve(".index.md.1a2b.tmp"), out.resolve("index.md"))).isTrue();
        assertThat(ExportWrite.isTempOf(out.resolve("sub/.index.md.1a2b.tmp"), out.resolve("index.md"))).isFalse();
    }

    /** Paths and contents of a folder, the hidden temporary files included. */
    static String tree(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                sb.append(root.relativize(p)).append(Files.isRegularFile(p)
                        ? " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) : "/").append('\n');
            }
        }
        return sb.toString();
    }
}
