package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code diptych tm} contract end to end, through {@link Main#run}. */
class TmCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path tmx() throws Exception {
        Path f = tmp.resolve("in.tmx");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4">
                <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
                <body>
                <tu tuid="t1"><tuv xml:lang="en"><seg>The strike committee meets every Tuesday.</seg></tuv><tuv xml:lang="ru"><seg>Стачечный комитет собирается каждый вторник.</seg></tuv><tuv xml:lang="pt"><seg>O comitê de greve se reúne toda terça-feira.</seg></tuv></tu>
                <tu tuid="t2"><tuv xml:lang="en"><seg>Workers have the right to form unions.</seg></tuv><tuv xml:lang="ru"><seg>Работники имеют право создавать профсоюзы.</seg></tuv></tu>
                <tu><tuv xml:lang="en"><seg>Solidarity has no borders.</seg></tuv><tuv xml:lang="ru"><seg>У солидарности нет границ.</seg></tuv></tu>
                <tu tuid="bad"><tuv xml:lang="en"><seg></seg></tuv><tuv xml:lang="ru"><seg>Пусто.</seg></tuv></tu>
                </body>
                </tmx>
                """, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aDamagedRecordIsOneLineAndRepairWritesItAgain() throws Exception {
        Path tm = tmp.resolve("tm");
        assertThat(run("tm", "import", "--tm", tm.toString(), tmx().toString()).code()).isZero();
        Result compact = run("tm", "compact", "--tm", tm.toString());
        assertThat(compact.code()).isZero();
        assertThat(compact.out()).contains("generation 1");
        Path record = tm.resolve("memory.tmx");
        byte[] b = java.nio.file.Files.readAllBytes(record);
        java.nio.file.Files.write(record, java.util.Arrays.copyOf(b, b.length / 2));
        Result stats = run("tm", "stats", "--tm", tm.toString());
        assertThat(stats.code()).isEqualTo(1);
        assertThat(stats.err().strip()).doesNotContain("\n").contains("memory.tmx").contains("damaged").contains("tm repair");
        Result repair = run("tm", "repair", "--tm", tm.toString());
        assertThat(repair.code()).isZero();
        assertThat(run("tm", "stats", "--tm", tm.toString()).out()).contains("generation 2");
    }

    @Test
    void importLookupConcordanceStatsExport() throws Exception {
        Path tm = tmp.resolve("tm");
        Result imp = run("tm", "import", "--tm", tm.toString(), tmx().toString());
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("Imported 3 units").contains("1 skipped as malformed");
        assertThat(imp.err()).contains("warning: ").contains("in.tmx:8:").contains("empty <seg>");

        Path q = tmp.resolve("queries.txt");
        Files.writeString(q, "The strike committee meets every Tuesday.\nThe strike committee meets every Friday.\n"
                + "Bananas are yellow.\n\nSolidarity has no borders.\n", StandardCharsets.UTF_8);
        Result look = run("tm", "lookup", "--tm", tm.toString(), "--source-lang", "en", "--target-lang", "ru", "--queries", q.toString());
        assertThat(look.code()).isZero();
        assertThat(look.out().split("\n", -1)).containsExactly(
                "1\t100\tt1\tThe strike committee meets every Tuesday.\tСтачечный комитет собирается каждый вторник.",
                "2\t83\tt1\tThe strike committee meets every Tuesday.\tСтачечный комитет собирается каждый вторник.",
                "3\t\t\t\t",
                "4\t\t\t\t",
                "5\t100\t\tSolidarity has no borders.\tУ солидарности нет границ.",
                "");

        Result strict = run("tm", "lookup", "--tm", tm.toString(), "--source-lang", "en", "--target-lang", "ru",
                "--min-score", "90", "--queries", q.toString());
        assertThat(strict.out()).startsWith("1\t100\t").contains("\n2\t\t\t\t\n");

        Result text = run("tm", "lookup", "--tm", tm.toString(), "--source-lang", "ru", "--target-lang", "pt",
                "Стачечный комитет собирается каждый вторник!");
        assertThat(text.code()).isZero();
        assertThat(text.out()).isEqualTo("99\tnear_exact\tt1\tСтачечный комитет собирается каждый вторник.\t"
                + "O comitê de greve se reúne toda terça-feira.\tdiffers only in punctuation\n");

        Result conc = run("tm", "concordance", "--tm", tm.toString(), "--lang", "ru", "права");
        assertThat(conc.code()).isZero();
        assertThat(conc.out()).isEqualTo("t2\tРаботники имеют [право] создавать профсоюзы.\ten: Workers have the right to form unions.\n");

        Result stats = run("tm", "stats", "--tm", tm.toString());
        assertThat(stats.out()).contains("Units: 3 (approved 3, draft 0)").contains("Languages: en 3, pt 1, ru 3");

        Path out = tmp.resolve("out.tmx");
        Result exp = run("tm", "export", "--tm", tm.toString(), out.toString(), "--approved-only");
        assertThat(exp.code()).isZero();
        assertThat(exp.out()).isEqualTo("Exported 3 units to " + out + "\n");
        assertThat(Files.readString(out)).contains("<tu tuid=\"t2\"").contains("Работники имеют право создавать профсоюзы.");
    }

    @Test
    void projectTm() throws Exception {
        Path project = tmp.resolve("project");
        assertThat(run("new", project.toString(), "--languages", "ru,en,pt").code()).isZero();
        assertThat(run("tm", "import", "--project", project.toString(), tmx().toString()).code()).isZero();
        assertThat(Files.exists(project.resolve("tm").resolve("journal.log"))).isTrue();
        Result look = run("tm", "lookup", "--project", project.toString(), "--source-lang", "en", "--target-lang", "pt",
                "The strike committee meets every Tuesday.");
        assertThat(look.out()).startsWith("100\texact\tt1\t");
    }

    @Test
    void errorsAreOneLineAndUsageErrorsExitTwo() throws Exception {
        Result missing = run("tm", "stats", "--tm", tmp.resolve("nothing").toString());
        assertThat(missing.code()).isEqualTo(Main.FAILURE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("no translation memory here");

        Path notTmx = tmp.resolve("notes.tmx");
        Files.writeString(notTmx, "just some notes\n");
        Result bad = run("tm", "import", "--tm", tmp.resolve("tm").toString(), notTmx.toString());
        assertThat(bad.code()).isEqualTo(Main.FAILURE);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("notes.tmx: not a TMX file");

        assertThat(run("tm", "lookup", "--tm", tmp.resolve("tm").toString(), "--source-lang", "en", "hello").code())
                .isEqualTo(Main.USAGE);
        assertThat(run("tm", "stats", "--tm", "a", "--project", "b").code()).isEqualTo(Main.USAGE);
        assertThat(run("tm").code()).isEqualTo(Main.USAGE);
        Result help = run("tm", "lookup", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("numbered from 1");
    }
}
