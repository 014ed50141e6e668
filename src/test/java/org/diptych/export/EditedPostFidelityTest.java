package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.markdown.Markdown;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's fidelity corpus: thirty unusual posts ({@link UnusualPosts}) imported with the real importer,
 * exported unchanged (their bytes exactly), then with one paragraph edited (the original with only that
 * paragraph's text changed: line ends, byte order mark, encoding, blank and white-space lines, final newline
 * all kept).
 */
class EditedPostFidelityTest {
    @TempDir
    static Path tmp;
    static Path projectDir;

    @BeforeAll
    static void importAll() throws IOException {
        projectDir = tmp.resolve("proj");
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (Project p = Project.create(projectDir, "fidelity", List.of("ru", "en", "pt"))) {
            for (UnusualPosts.Post post : UnusualPosts.all()) {
                Path f = Files.write(in.resolve(post.id() + ".md"), post.bytes());
                Importer.importInto(p, post.id(), f, new ImportOptions(post.lang(), null, null), false);
            }
        }
    }

    static byte[] export(UnusualPosts.Post post, Path out) throws IOException {
        try (Project p = Project.open(projectDir, false)) {
            new Exporter(p).export(ExportOptions.posts(post.id(), out), null);
        }
        return Files.readAllBytes(out.resolve(post.lang()).resolve(post.id() + ".md"));
    }

    static void edit(UnusualPosts.Post post) {
        try (Project p = Project.open(projectDir, true)) {
            DocumentVersion v = p.loadVersion(post.id(), post.lang()).orElseThrow();
            List<Paragraph> ps = new ArrayList<>();
            int found = 0;
            for (Paragraph par : v.paragraphs()) {
                if (par.markup().equals(post.edit())) {
                    found++;
                    par = par.withText(post.edited(), Markdown.plainText(post.edited()));
                }
                ps.add(par);
            }
            assertThat(found).as(post.name() + ": the paragraph to edit, among " + v.paragraphs()).isEqualTo(1);
            p.saveVersion(post.id(), v.withParagraphs(ps), null);
        }
    }

    @Test
    void thirtyUnusualPostsComeBackExactlyUnchangedAndDifferOnlyInTheEditedParagraph() throws IOException {
        List<UnusualPosts.Post> posts = UnusualPosts.all();
        assertThat(posts).hasSize(30);
        List<String> unchangedDiffer = new ArrayList<>(), editedDiffer = new ArrayList<>();
        for (UnusualPosts.Post post : posts) {
            byte[] same = export(post, tmp.resolve("out-same-" + post.name()));
            if (!Arrays.equals(same, post.bytes())) unchangedDiffer.add(post.name());
            edit(post);
            byte[] edited = export(post, tmp.resolve("out-edited-" + post.name()));
            if (!Arrays.equals(edited, post.expectedAfterEdit())) {
                editedDiffer.add(post.name() + ":\n" + new String(edited, post.charset()).replace("\r", "\\r"));
            }
        }
        assertThat(unchangedDiffer).as("unchanged posts that came back different").isEmpty();
        assertThat(editedDiffer).as("edited posts that differ outside the edited paragraph").isEmpty();
    }
}
