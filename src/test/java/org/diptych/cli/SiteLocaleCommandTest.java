package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diptych site --locale}: set, kept when another field changes, shown, refused with one line. */
class SiteLocaleCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void aPtProfilesLocaleIsSetKeptAndShown() {
        Path proj = tmp.resolve("p");
        assertThat(run("new", proj.toString()).code()).isZero();
        assertThat(run("site", "--project", proj.toString(), "--lang", "pt", "--url", "https://e.org/pt/:year/:slug/",
                "--path", "pt/_posts/:year-:month-:day-:slug.md", "--locale", "pt_BR").code()).isZero();
        assertThat(run("site", "--project", proj.toString(), "--lang", "pt", "--link-style", "none").code()).isZero();
        try (Project p = Project.open(proj, false)) {
            assertThat(p.manifest().sites().get("pt").locale()).isEqualTo("pt_BR");
            assertThat(p.manifest().sites().get("pt").linkStyle()).isEqualTo("none");
        }
        assertThat(run("site", "--project", proj.toString(), "--lang", "pt").out()).contains("locale pt_BR");
        Run bad = run("site", "--project", proj.toString(), "--lang", "pt", "--locale", "en_GB");
        assertThat(bad.code()).isEqualTo(Main.FAILURE);
        assertThat(bad.err().strip()).endsWith("site profile pt: locale 'en_GB' is not a locale of pt");
    }
}
