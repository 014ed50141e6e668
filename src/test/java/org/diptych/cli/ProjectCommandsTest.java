package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsEveryCommand() {
        Result r = CliTestSupport.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("new", "import", "info", "align", "tm", "site", "export");
    }

    @Test
    void newThenInfo() {
        Path dir = tmp.resolve("proj");
        Result created = CliTestSupport.run("new", dir.toString(), "--name", "Заявления", "--languages", "ru,en,pt-br");
        assertThat(created.code()).isZero();
        assertThat(created.out()).contains("Заявления", "ru, en, pt-BR");
        Result info = CliTestSupport.run("info", "--project", dir.toString());
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("Project: Заявления", "Statements: 0");
        Result json = CliTestSupport.run("info", "--project", dir.toString(), "--json");
        assertThat(json.out()).contains("\"schemaVersion\" : 1", "\"pt-BR\"");
    }

    @Test
    void userErrorsAreOneLineWithExitCode1() throws Exception {
        Result missing = CliTestSupport.run("info", "--project", tmp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("none").contains("no such project folder");
        assertThat(missing.err()).doesNotContain("Exception");

        Files.writeString(tmp.resolve("file.txt"), "x");
        Result notEmpty = CliTestSupport.run("new", tmp.toString());
        assertThat(notEmpty.code()).isEqualTo(1);
        assertThat(notEmpty.err().strip()).doesNotContain("\n").contains("not empty");

        Result badLang = CliTestSupport.run("new", tmp.resolve("p").toString(), "--languages", "ru,xx");
        assertThat(badLang.code()).isEqualTo(1);
        assertThat(badLang.err()).contains("'xx'");
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CliTestSupport.run("info").code()).isEqualTo(2);
        assertThat(CliTestSupport.run("frobnicate").code()).isEqualTo(2);
        assertThat(CliTestSupport.run().code()).isEqualTo(2);
    }
}
