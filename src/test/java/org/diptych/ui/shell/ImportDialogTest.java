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
}
