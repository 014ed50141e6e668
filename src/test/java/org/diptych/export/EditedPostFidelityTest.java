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

    /** A post of the corpus imported again as a statement of its own (the corpus test edits the others). */
    static UnusualPosts.Post post(String name, String as) throws IOException {
        UnusualPosts.Post x = UnusualPosts.all().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        UnusualPosts.Post post = new UnusualPosts.Post(as, x.lang(), x.text(), x.charset(), x.bom(), x.edit(), x.edited(), x.eol());
        Path f = Files.write(tmp.resolve(post.id() + ".md"), post.bytes());
        try (Project p = Project.open(projectDir, true)) {
            Importer.importInto(p, post.id(), f, new ImportOptions(post.lang(), null, null), false);
        }
        return post;
    }

    static void replaceVersion(UnusualPosts.Post post, java.util.function.UnaryOperator<DocumentVersion> change) {
        try (Project p = Project.open(projectDir, true)) {
            p.saveVersion(post.id(), change.apply(p.loadVersion(post.id(), post.lang()).orElseThrow()), null);
        }
    }

    @Test
    void anEditedWindows1251PostIsWrittenInUtf8OnlyWhenAsked() throws IOException {
        UnusualPosts.Post post = post("cp1251-crlf", "cp-utf8");
        replaceVersion(post, v -> v.withParagraphs(v.paragraphs().stream()
                .map(x -> x.markup().equals("Подробности позже.") ? x.withText("Подробности завтра.", "Подробности завтра.") : x).toList()));
        String expected = post.text().replace("Подробности позже.", "Подробности завтра.");
        byte[] kept = export(post, tmp.resolve("cp-kept"));
        assertThat(kept).isEqualTo(expected.getBytes(UnusualPosts.CP1251));
        Path out = tmp.resolve("cp-utf8");
        try (Project p = Project.open(projectDir, false)) {
            new Exporter(p).export(ExportOptions.posts(post.id(), out).inUtf8(true), null);
        }
        assertThat(Files.readAllBytes(out.resolve("ru").resolve(post.id() + ".md")))
                .isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anEditedTitleInsertedAndRemovedParagraphsKeepTheRestOfTheFile() throws IOException {
        UnusualPosts.Post post = post("bom-crlf", "fm-edit");
        replaceVersion(post, v -> {
            List<Paragraph> ps = new ArrayList<>();
            for (Paragraph x : v.paragraphs()) {
                if (x.markup().startsWith(">")) continue; // the quote removed
                ps.add(x);
                if (x.markup().startsWith("Совет")) ps.add(new Paragraph("p9", org.diptych.model.BlockKind.PARAGRAPH, 0,
                        "Новый абзац\nв две строки.", "Новый абзац в две строки."));
            }
            return new DocumentVersion(v.lang(), v.originalFile(), v.format(), v.encoding(),
                    v.frontMatter().withValue("title", "Заявление совета профсоюза"), ps);
        });
        String expected = post.text().replace("title: \"Заявление совета\"", "title: \"Заявление совета профсоюза\"")
                .replace("> Солидарность — это касса.\r\n\r\n", "")
                .replace("Совет собрался в пятницу.\r\n\r\n", "Совет собрался в пятницу.\r\n\r\nНовый абзац\r\nв две строки.\r\n\r\n");
        byte[] bytes = export(post, tmp.resolve("fm-edit"));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + expected);
    }
}
