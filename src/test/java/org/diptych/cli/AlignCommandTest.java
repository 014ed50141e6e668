package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.diptych.bench.OwnStatements;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code diptych align} contract, end to end through {@link Main#run}. */
class AlignCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** One paragraph per line: the markup of each paragraph with its line breaks turned into spaces. */
    private Path linesOf(String id, String lang) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : OwnStatements.paragraphs(id, lang)) sb.append(p.markup().replace('\n', ' ')).append('\n');
        return write(id + "." + lang + ".txt", sb.toString());
    }

    @Test
    void linesModePrintsEveryLineInExactlyOneBeadInOrder() throws Exception {
        Path ru = linesOf("strike", "ru"), en = linesOf("strike", "en");
        Result r = run("align", "--lines", "--source-lang", "ru", "--target-lang", "en", ru.toString(), en.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        int s = 0, t = 0;
        boolean sawEmptySource = false, sawEmptyTarget = false;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            assertThat(f).hasSize(3);
            for (String x : f[0].isEmpty() ? new String[0] : f[0].split(",")) assertThat(Integer.parseInt(x)).isEqualTo(s++);
            for (String x : f[1].isEmpty() ? new String[0] : f[1].split(",")) assertThat(Integer.parseInt(x)).isEqualTo(t++);
            sawEmptySource |= f[0].isEmpty();
            sawEmptyTarget |= f[1].isEmpty();
            assertThat(Double.parseDouble(f[2])).isBetween(0.0, 1.0);
            assertThat(f[2]).matches("\\d\\.\\d{3}");
        }
        assertThat(s).isEqualTo(OwnStatements.paragraphs("strike", "ru").size());
        assertThat(t).isEqualTo(OwnStatements.paragraphs("strike", "en").size());
        assertThat(sawEmptySource).as("the translator's note is a 0:1 bead").isTrue();
        assertThat(sawEmptyTarget).as("the dropped paragraph is a 1:0 bead").isTrue();
        // the beads are the gold ones
        List<String> gold = OwnStatements.read("strike.ru-en.tsv").lines().toList();
        assertThat(lines.stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList()).isEqualTo(gold);
    }

    @Test
    void linesReadAnInlineBulletRunAsTheListItIs() throws Exception {
        // the translator wrote the list in one line; the original has one line per item
        Path ru = write("run.ru.txt", "Мы требуем от городского совета трёх простых вещей, и требуем их немедленно:\n"
                + "* **Хлеб** по честной цене * **Жильё** без выселений * **Работу** с безопасными условиями\n"
                + "Подписи собираются в каждом районе города до конца месяца.\n");
        Path en = write("run.en.txt", "We demand three simple things from the city council, and we demand them now:\n"
                + "* **Bread** at a fair price\n* **Housing** without evictions\n* **Work** in safe conditions\n"
                + "Signatures are being collected in every district of the city until the end of the month.\n");
        Result r = run("align", "--lines", "--source-lang", "ru", "--target-lang", "en", ru.toString(), en.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().map(l -> l.substring(0, l.lastIndexOf('\t')))).containsExactly("0\t0", "1\t1,2,3", "2\t4");
    }

    @Test
    void linesKeepLinkReferenceLinesApartWhereTheyCross() throws Exception {
        // the link definitions come after the first paragraph in one version, at the end in the other
        Path en = write("defs.en.txt", "The dockers have been on strike for three weeks, see the [union statement][1].\n"
                + "[1]: https://example.org/union/statement\n"
                + "We call on every union of the region to support them with money and with presence.\n");
        Path pt = write("defs.pt.txt", "Os estivadores estão em greve há três semanas, veja a [nota do sindicato][1].\n"
                + "Apelamos a todos os sindicatos da região que os apoiem com dinheiro e com presença.\n"
                + "[1]: https://example.org/union/statement\n");
        Result r = run("align", "--lines", "--source-lang", "en", "--target-lang", "pt", en.toString(), pt.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().map(l -> l.substring(0, l.lastIndexOf('\t')))).containsExactly("0\t0", "1\t", "2\t1", "\t2");
    }

    @Test
    void emptyAndCrlfFilesAreFine() throws Exception {
        Path a = write("a.txt", "Первая строка.\r\nВторая строка, 2020 год.\r\n"), b = write("b.txt", "");
        Result r = run("align", "--lines", "--source-lang", "ru", "--target-lang", "pt", a.toString(), b.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("0\t\t1.000\n1\t\t1.000\n");
    }

    @Test
    void badInputIsOneLineAndExitOne() throws Exception {
        Path ok = write("ok.txt", "Hello.\n");
        Path binary = tmp.resolve("bin.txt");
        Files.write(binary, new byte[] {'a', 0, 'b', 10});
        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'a', (byte) 0xE7, 'b', 10});
        for (String[] args : new String[][] {
                {"align", "--lines", "--source-lang", "ru", "--target-lang", "en", tmp.resolve("missing.txt").toString(), ok.toString()},
                {"align", "--lines", "--source-lang", "ru", "--target-lang", "en", ok.toString(), binary.toString()},
                {"align", "--lines", "--source-lang", "ru", "--target-lang", "en", ok.toString(), latin1.toString()},
                {"align", "--lines", "--source-lang", "xx", "--target-lang", "en", ok.toString(), ok.toString()},
                {"align", "--lines", "--source-lang", "ru", "--target-lang", "english", ok.toString(), ok.toString()}}) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("diptych: ").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("align", "--lines", "--source-lang", "ru", "--target-lang", "en", tmp.resolve("missing.txt").toString(), ok.toString()).err())
                .contains("missing.txt").contains("no such file");
        assertThat(run("align", "--lines", "--source-lang", "ru", "--target-lang", "en", ok.toString(), binary.toString()).err())
                .contains("bin.txt").contains("binary");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path ok = write("ok.txt", "Hello.\n");
        assertThat(run("align", "--lines", "--source-lang", "ru", "--target-lang", "en", ok.toString()).code()).isEqualTo(2);
        assertThat(run("align", "--source-lang", "ru", "--target-lang", "en").code()).isEqualTo(2);
        assertThat(run("align", "--lines", "--target-lang", "en", ok.toString(), ok.toString()).code()).isEqualTo(2);
        assertThat(run("align", "--project", tmp.toString(), "--lines", "--source-lang", "ru", "--target-lang", "en",
                ok.toString(), ok.toString()).code()).isEqualTo(2);
    }

    private Path project() {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "test", List.of("ru", "en", "pt"))) {
            for (String lang : new String[] {"ru", "en"}) {
                String md = OwnStatements.read("strike." + lang + ".md");
                DocumentVersion v = new DocumentVersion(lang, "strike." + lang + ".md", "markdown", "UTF-8", FrontMatter.NONE,
                        OwnStatements.paragraphs("strike", lang));
                p.saveVersion("2021-03-15-strike", v, md.getBytes(StandardCharsets.UTF_8));
            }
        }
        return dir;
    }

    @Test
    void projectModeStoresTheAlignmentAndKeepsAnExistingOne() throws Exception {
        Path dir = project();
        Result r = run("align", "--project", dir.toString(), "--statement", "2021-03-15-strike", "--source-lang", "ru",
                "--target-lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Aligned 2021-03-15-strike ru-en").contains("14 beads");
        Alignment a;
        DocumentVersion ru, en;
        try (Project p = Project.open(dir, false)) {
            a = p.loadAlignment("2021-03-15-strike", "ru", "en").orElseThrow();
            ru = p.loadVersion("2021-03-15-strike", "ru").orElseThrow();
            en = p.loadVersion("2021-03-15-strike", "en").orElseThrow();
        }
        a.validate(ru, en);
        assertThat(a.beads()).hasSize(14);
        // the alignment went into the project's TM as drafts, as the desk does: a Russian paragraph finds its English
        assertThat(r.out()).contains("Translation memory: 0 approved and");
        Bead oneToOne = a.beads().stream().filter(x -> x.source().size() == 1 && x.target().size() == 1).findFirst().orElseThrow();
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(dir.resolve("tm"))) {
            List<org.diptych.tm.TmMatch> m = tm.lookup(org.diptych.tm.TmQuery.of(ru.paragraph(oneToOne.source().get(0)).text(), "ru", "en"));
            assertThat(m).isNotEmpty();
            assertThat(m.get(0).target().text()).isEqualTo(en.paragraph(oneToOne.target().get(0)).text());
            assertThat(m.get(0).unit().isDraft()).isTrue();
        }

        // a reviewer confirms a bead the engine did not propose: ru p3 with en p5 and p6 … and one real bead
        List<Bead> beads = new ArrayList<>();
        Bead odd = new Bead(List.of("p3"), List.of("p5", "p6"), 0.3, BeadStatus.CONFIRMED, "lead", Instant.EPOCH, "checked");
        beads.add(a.beads().get(0).withStatus(BeadStatus.CONFIRMED, "lead", Instant.EPOCH));
        beads.add(odd);
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(new Alignment("2021-03-15-strike", "ru", "en", beads, Instant.EPOCH));
        }
        Result kept = run("align", "--project", dir.toString(), "--statement", "2021-03-15-strike", "--source-lang", "ru",
                "--target-lang", "en");
        assertThat(kept.code()).isZero();
        assertThat(kept.out()).contains("exists").contains("--realign");
        try (Project p = Project.open(dir, false)) {
            assertThat(p.loadAlignment("2021-03-15-strike", "ru", "en").orElseThrow().beads()).hasSize(2);
        }

        Result re = run("align", "--project", dir.toString(), "--statement", "2021-03-15-strike", "--source-lang", "ru",
                "--target-lang", "en", "--realign");
        assertThat(re.code()).as(re.err()).isZero();
        assertThat(re.out()).contains("2 confirmed kept");
        try (Project p = Project.open(dir, false)) {
            Alignment again = p.loadAlignment("2021-03-15-strike", "ru", "en").orElseThrow();
            again.validate(ru, en);
            assertThat(again.beads()).contains(odd, beads.get(0));
        }
    }

    @Test
    void noTmLeavesTheTranslationMemoryAlone() throws Exception {
        Path dir = project();
        Result r = run("align", "--project", dir.toString(), "--statement", "2021-03-15-strike", "--source-lang", "ru",
                "--target-lang", "en", "--no-tm");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Translation memory");
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(dir.resolve("tm"))) {
            assertThat(tm.stats().units()).isZero();
        }
    }

    @Test
    void projectModeErrors() {
        Path dir = project();
        Result noStatement = run("align", "--project", dir.toString(), "--statement", "nope", "--source-lang", "ru", "--target-lang", "en");
        assertThat(noStatement.code()).isEqualTo(1);
        assertThat(noStatement.err()).contains("nope").hasLineCount(1);
        Result noVersion = run("align", "--project", dir.toString(), "--statement", "2021-03-15-strike", "--source-lang", "ru", "--target-lang", "pt");
        assertThat(noVersion.code()).isEqualTo(1);
        assertThat(noVersion.err()).contains("'pt'").hasLineCount(1);
        Result notProject = run("align", "--project", tmp.resolve("none").toString(), "--statement", "x", "--source-lang", "ru", "--target-lang", "en");
        assertThat(notProject.code()).isEqualTo(1);
        assertThat(notProject.err()).hasLineCount(1);
    }
}
