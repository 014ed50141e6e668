package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ImportDialogTest {
    @Test
    void statementIdFromFileName() {
        assertThat(ImportDialog.guessStatementId(Path.of("2018-01-15-rcit.ru.md"))).isEqualTo("2018-01-15-rcit");
        assertThat(ImportDialog.guessStatementId(Path.of("/x/2018-01-15-rcit-pt_BR.docx"))).isEqualTo("2018-01-15-rcit");
        assertThat(ImportDialog.guessStatementId(Path.of("Appeal to Workers.html"))).isEqualTo("appeal-to-workers");
        assertThat(ImportDialog.guessStatementId(Path.of("заявление.txt"))).isEqualTo("заявление");
    }

    @Test
    void proposesTheStatementTheFileNamesNeverTheOpenOne() {
        java.util.List<String> existing = java.util.List.of("2018-01-15-rcit", "2021-03-23-letter");
        // Jekyll post whose statement exists: that one
        assertThat(ImportDialog.proposeStatementId(Path.of("2021-03-23-letter.md"), existing)).isEqualTo("2021-03-23-letter");
        // Hugo post: slug.lang.md
        assertThat(ImportDialog.proposeStatementId(Path.of("2021-03-23-letter.pt.md"), existing)).isEqualTo("2021-03-23-letter");
        // a file naming no existing statement: a new one, not whatever is open
        assertThat(ImportDialog.proposeStatementId(Path.of("2022-05-01-may-day.md"), existing)).isEqualTo("2022-05-01-may-day");
    }

    @Test
    void windowMessagesOfTheImportInEveryLanguageWithoutCliWording() throws Exception {
        for (String suffix : new String[] {"", "_ru", "_pt"}) {
            java.util.Properties p = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(ImportDialogTest.class.getResourceAsStream(
                    "/org/diptych/ui/messages" + suffix + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            }
            for (String key : new String[] {"import.exists", "import.reviewLost", "import.newStatement", "import.existingStatement"}) {
                assertThat(p.getProperty(key)).as(suffix + " " + key).isNotBlank().doesNotContain("--");
            }
        }
    }
}
