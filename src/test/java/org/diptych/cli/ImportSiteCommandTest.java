package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSiteCommandTest {
    @TempDir
    Path tmp;

    private Path site() throws Exception {
        Path s = tmp.resolve("site");
        write(s.resolve("_config.yml"), "url: https://s.example.org\nlang: ru\n");
        write(s.resolve("_posts/2020-01-02-zov.md"), "---\ntitle: Зов\n---\n\n[English](https://s.example.org/en/2020/01/02/zov.html)\n\n"
                + "Мы зовём всех на собрание профсоюза в субботу.\n\nПриходите с друзьями и семьями.\n");
        write(s.resolve("en/_posts/2020-01-02-zov.md"), "---\ntitle: The call\n---\n\n[Русский](https://s.example.org/2020/01/02/zov.html)\n\n"
                + "We call everyone to the union meeting on Saturday.\n\nCome with friends and families.\n");
        write(s.resolve("_drafts/2020-02-02-x.md"), "---\ntitle: x\n---\n\nНе готово.\n");
        return s;
    }

    private static void write(Path f, String text) throws Exception {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void dryRunThenImportThenNothingToDo() throws Exception {
        Path site = site();
        Path proj = tmp.resolve("p");
        assertThat(CliTestSupport.run("new", proj.toString(), "--languages", "ru,en").code()).isZero();
        CliTestSupport.Result dry = CliTestSupport.run("import-site", "--project", proj.toString(), "--dry-run", site.toString());
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("1 statements, 1 with translations", "2 new", "drafts",
                "en: url https://s.example.org/en/:year/:month/:day/:slug.html, path en/_posts/:year-:month-:day-:slug.md, links top-line");
        assertThat(Files.exists(proj.resolve("statements/2020-01-02-zov"))).isFalse();

        CliTestSupport.Result run = CliTestSupport.run("import-site", "--project", proj.toString(), site.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 2 new and 0 changed versions", "aligned 1 pairs", "site profiles set for en, ru");
        assertThat(proj.resolve("statements/2020-01-02-zov/align.ru-en.json")).exists();

        CliTestSupport.Result json = CliTestSupport.run("import-site", "--project", proj.toString(), "--json", site.toString());
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"action\" : \"UNCHANGED\"", "\"aligned\" : 0");
    }

    @Test
    void aMissingSiteIsOneLine() throws Exception {
        Path proj = tmp.resolve("p");
        CliTestSupport.run("new", proj.toString());
        CliTestSupport.Result r = CliTestSupport.run("import-site", "--project", proj.toString(), tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no such site folder");
    }
}
