package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.diptych.formats.Posts;
import org.diptych.formats.TestDocs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path tmp;
    Path project;

    /** The outcome of one CLI run. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void newProject() {
        project = tmp.resolve("proj");
        assertThat(run("new", project.toString(), "--name", "Test", "--languages", "ru,en,pt").code()).isZero();
    }

    /** Every file and folder of a tree with the hash of its content: equal strings mean byte-for-byte equal trees. */
    static String treeHash(Path root) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                String rel = root.relativize(p).toString();
                // the lock file is not project state (git-ignored; it names the last holder)
                if (rel.equals(org.diptych.project.ProjectLock.FILE)) continue;
                entries.add(Files.isDirectory(p) ? rel + "/" : rel + " " + sha256(Files.readAllBytes(p)));
            }
        }
        return String.join("\n", entries);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        return f;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Run importing(Path f, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "--project", project.toString(), "--statement",
                "2018-07-02-pension-age"));
        args.addAll(Arrays.asList(extra));
        args.add(f.toString());
        return run(args.toArray(String[]::new));
    }

    @Test
    void importReportsParagraphsEncodingAndLanguage() throws IOException {
        Run r = importing(file("ru.md", Posts.RU.getBytes(java.nio.charset.Charset.forName("KOI8-R"))));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Imported ru.md as the ru version of 2018-07-02-pension-age: ")
                .contains("paragraphs (markdown), title \"Заявление о повышении пенсионного возраста\"")
                .contains("  encoding: KOI8-R (not UTF-8; Russian letter frequencies fit KOI8-R better than windows-1251")
                .contains("  language: ru (front matter 'lang')");
        assertThat(project.resolve("statements/2018-07-02-pension-age/ru/ru.md")).exists();

        Run en = importing(file("en.md", Posts.EN), "--lang", "en");
        assertThat(en.code()).as(en.err()).isZero();
        assertThat(en.out()).contains("  encoding: UTF-8 (valid UTF-8)").contains("  language: en (given with --lang)");

        Run info = run("info", "--project", project.toString());
        assertThat(info.out()).contains("2018-07-02-pension-age  [en, ru]");
    }

    @Test
    void replaceSwapsTheVersion() throws IOException {
        assertThat(importing(file("ru.md", Posts.RU)).code()).isZero();
        Run again = importing(file("ru.txt", "Новая редакция заявления.\n\nВторой абзац.\n"), "--replace");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("as the ru version").contains("2 paragraphs (text)");
        assertThat(project.resolve("statements/2018-07-02-pension-age/ru/ru.txt")).exists();
        assertThat(project.resolve("statements/2018-07-02-pension-age/ru/ru.md")).doesNotExist();
    }

    @Test
    void everyBadInputFailsWithOneLineAndLeavesTheProjectUnchanged() throws IOException {
        assertThat(importing(file("ru.md", Posts.RU)).code()).isZero();
        byte[] docx = TestDocs.docx(List.of("Заявление Исполкома о выборах.", "Второй абзац заявления."));
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        Path folder = Files.createDirectory(tmp.resolve("a-folder"));

        record Bad(Path file, String reason, String[] extra) {}
        List<Bad> bad = List.of(
                new Bad(tmp.resolve("missing.md"), "no such file", new String[0]),
                new Bad(folder, "is a folder, not a file", new String[0]),
                new Bad(file("empty.md", new byte[0]), "file is empty", new String[0]),
                new Bad(file("random.docx", random), "not a DOCX file", new String[0]),
                new Bad(file("truncated.docx", Arrays.copyOf(docx, docx.length / 2)), "damaged or truncated DOCX file", new String[0]),
                new Bad(file("unclosed.md", "---\ntitle: Заявление\n\nТекст без конца front matter.\n"),
                        "front matter opened with '---' on line 1 is never closed", new String[0]),
                new Bad(file("bad-yaml.md", "---\ntitle: Заявление\nстрока без двоеточия\n---\nТекст.\n"),
                        "front matter is not valid YAML at line 3", new String[0]),
                new Bad(file("bad-toml.md", "+++\ntitle = Заявление\n+++\nТекст.\n"),
                        "front matter is not valid TOML at line 2", new String[0]),
                new Bad(file("statement.pdf", "%PDF-1.4 not really"), "unsupported file type '.pdf'", new String[0]),
                new Bad(file("second.md", Posts.RU), "statement '2018-07-02-pension-age' already has a version in ru"
                        + " (from ru.md); use --replace to replace it", new String[0]),
                new Bad(file("enc.txt", "Текст заявления."), "unknown encoding 'klingon'", new String[] {"--encoding", "klingon"})); // --lang xx is a usage error (exit 2): ReplaceCommandTest

        for (Bad b : bad) {
            String before = treeHash(project);
            Run r = importing(b.file(), b.extra());
            assertThat(r.code()).as(b.file() + ": " + r.err()).isEqualTo(Main.FAILURE);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("diptych: " + b.file()).contains(b.reason())
                    .doesNotContain("Exception", "\tat ");
            assertThat(treeHash(project)).as("project changed by " + b.file()).isEqualTo(before);
        }
    }

    @Test
    void okapiDoesNotWriteToStandardError() throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String html = "<html><body><h1>Declaração</h1><p>O comitê <b>condena</b> a decisão.<p>Sem fechar"
                    + "<table><tr><td>célula</td></table><font><span>texto</font></span></body>";
            assertThat(importing(file("pt.html", html)).code()).isZero();
            assertThat(importing(file("en.docx", TestDocs.docx(List.of("The committee condemns the decision.")))).code()).isZero();
            assertThat(importing(file("random.docx", "PK\u0003\u0004garbage"), "--lang", "ru").code()).isEqualTo(Main.FAILURE);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("import", "--project", project.toString(), "x.md").code()).isEqualTo(Main.USAGE);
        Run help = run("import", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--statement=ID", "--lang=LL", "--encoding=E", "--format=F", "--replace");
    }
}
