package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The CLI's progress lines on stderr: none for short work, percentages for long work, the last at 100%. */
class StderrProgressTest {
    @Test
    void longWorkPrintsPercentagesEndingAtOneHundred() {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), "reading long.txt", 0); // every update is "long"
        p.update(0, 2000, null);
        p.update(1000, 2000, null);
        p.update(2000, 2000, null);
        assertThat(w.toString().lines()).containsExactly("    0% reading long.txt (0/2,000)",
                "   50% reading long.txt (1,000/2,000)", "  100% reading long.txt (2,000/2,000)");
        assertThat(p.printed()).isTrue();
    }

    @Test
    void shortWorkPrintsNothingNotEvenTheEnd() {
        StringWriter w = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(w), "reading short.txt", 60_000_000_000L);
        p.update(0, 10, null);
        p.update(10, 10, null);
        assertThat(w.toString()).isEmpty();
        assertThat(p.printed()).isFalse();
    }

    @Test
    void aSmallImportKeepsStderrEmpty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        {
            java.nio.file.Path proj = dir.resolve("p");
            assertThat(CliTestSupport.run("new", proj.toString(), "--languages", "ru,en").code()).isZero();
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("a.txt"),
                    "Профсоюз требует повысить зарплату.\n\nВторой абзац заявления.\n");
            CliTestSupport.Result r = CliTestSupport.run("import", "--project", proj.toString(), "--statement", "2024-05-01-a",
                    f.toString());
            assertThat(r.code()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("2 paragraphs");
        }
    }
}
