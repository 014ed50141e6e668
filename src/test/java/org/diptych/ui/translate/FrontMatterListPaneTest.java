package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.diptych.formats.FrontMatterParser;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.ReviewState;
import org.diptych.translate.TranslationSession;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The front-matter pane's list editor, clicked and typed: a block list of tags and a list of maps
 * (signatories with name and org) edited item by item, added to and removed from, each change one undoable
 * step logged as {@code fm:<key>}, the block written back in its own style (block lists stay block lists
 * with their dash and indent, the other lines byte for byte).
 */
@ExtendWith(FxApp.class)
class FrontMatterListPaneTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-21T09:00:00Z"), ZoneOffset.UTC);
    static final String RU = """
            ---
            title: Открытое письмо о жаре в цехах
            lang: ru
            tags:
            - жара
            - цех
            signatories:
              - name: Ирина Петрова
                org: Профсоюз швейников
              - name: Олег Смирнов
                org: Цех 3
            ---
            """;
    static final String PT = """
            ---
            title: Carta aberta sobre o calor nas fábricas
            lang: pt
            tags:
            - calor
            - fábrica
            signatories:
              - name: Irina Petrova
                org: Sindicato das costureiras
              - name: Oleg Smirnov
                org: Seção 3
            ---
            """;

    FrontMatterPane pane;
    TranslationSession session;

    @Start
    void start(Stage stage) {
        DocumentVersion ru = version("ru", RU, "Мы требуем вентиляции.");
        DocumentVersion pt = version("pt", PT, "Exigimos ventilação.");
        Alignment a = new Alignment("heat", "ru", "pt", List.of(Bead.auto(List.of("p1"), List.of("p1"), 1.0)), CLOCK.instant());
        AlignmentEditor editor = new AlignmentEditor(new ReviewState(a, ru, pt, List.of(), List.of()), () -> "Rita", CLOCK);
        session = new TranslationSession(editor, Map.of(), () -> "Tomás", CLOCK);
        pane = new FrontMatterPane(new I18n(Locale.ENGLISH), () -> null);
        pane.setSession(session);
        pane.setExpanded(true);
        stage.setScene(new Scene(pane, 1100, 500));
        stage.show();
    }

    static DocumentVersion version(String lang, String block, String text) {
        FrontMatter fm = FrontMatterParser.split(block, lang + ".md").frontMatter();
        return new DocumentVersion(lang, null, "markdown", "UTF-8", fm, List.of(Paragraph.plain("p1", text)));
    }

    String raw() {
        return session.state().target().frontMatter().raw();
    }

    @Test
    void tagsAndSignatoriesAreEditedAddedAndRemovedInTheBlocksOwnStyleEachOneUndoableLoggedStep(FxRobot robot) {
        assertThat(robot.lookup("#fm-source-tags").queryAs(Label.class).getText()).isEqualTo("[жара, цех]");
        assertThat(robot.lookup("#fm-tags-2").queryAs(TextField.class).getText()).isEqualTo("fábrica");

        // a tag typed over, Enter
        FxFixtures.type(robot, "#fm-tags-2", "fábricas");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw()).contains("tags:\n- calor\n- fábricas\nsignatories:\n");
        assertThat(session.state().targetEdits()).last().satisfies(e -> {
            assertThat(e.paragraphId()).isEqualTo("fm:tags");
            assertThat(e.before()).isEqualTo("[calor, fábrica]");
            assertThat(e.after()).isEqualTo("[calor, fábricas]");
        });

        // a tag added from the keyboard: type, Enter; focus comes back to the new-item field
        FxFixtures.type(robot, "#fm-tags-new", "greve");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw()).contains("tags:\n- calor\n- fábricas\n- greve\nsignatories:\n");
        assertThat(robot.lookup("#fm-tags-new").queryAs(TextField.class).isFocused()).isTrue();

        // the first tag removed by its button
        robot.clickOn("#fm-tags-1-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw()).contains("tags:\n- fábricas\n- greve\nsignatories:\n");

        // a signatory's organisation corrected; the block list of maps keeps its indent
        FxFixtures.type(robot, "#fm-signatories-2-org", "Seção 3 da fábrica");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw()).contains("  - name: Oleg Smirnov\n    org: Seção 3 da fábrica\n");

        // a signatory added with both fields, by the Add button
        FxFixtures.type(robot, "#fm-signatories-new-name", "Ana Souza");
        FxFixtures.type(robot, "#fm-signatories-new-org", "Comitê de greve");
        robot.clickOn("#fm-signatories-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.state().target().frontMatter().value("signatories")).isEqualTo(List.of(
                Map.of("name", "Irina Petrova", "org", "Sindicato das costureiras"),
                Map.of("name", "Oleg Smirnov", "org", "Seção 3 da fábrica"),
                Map.of("name", "Ana Souza", "org", "Comitê de greve")));
        assertThat(raw()).startsWith("---\ntitle: Carta aberta sobre o calor nas fábricas\nlang: pt\n")
                .contains("    org: Seção 3 da fábrica\n  - name: Ana Souza\n    org: Comitê de greve\n---");
        assertThat(robot.lookup("#fm-signatories-3-name").queryAs(TextField.class).getText()).isEqualTo("Ana Souza");

        // the first signatory removed; then every step undone, one by one, back to the imported bytes
        robot.clickOn("#fm-signatories-1-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fm-signatories-1-name").queryAs(TextField.class).getText()).isEqualTo("Oleg Smirnov");
        assertThat(session.state().targetEdits()).hasSize(6)
                .allSatisfy(e -> assertThat(e.paragraphId()).startsWith("fm:"));
        for (int i = 0; i < 6; i++) {
            assertThat(session.editor().canUndo()).isTrue();
            robot.interact(() -> session.editor().undo());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw() + "\n").isEqualTo(PT);
        assertThat(robot.lookup("#fm-tags-2").queryAs(TextField.class).getText()).isEqualTo("fábrica");
        assertThat(robot.lookup("#fm-signatories-new-name").tryQuery()).isPresent();
    }

    @Test
    void aFlowListStaysFlowAndAnEmptyItemIsNotAdded(FxRobot robot) {
        String flow = "---\ntitle: Carta aberta\ntags: [calor, fábrica]   # as the site writes them\n---\n";
        robot.interact(() -> {
            AlignmentEditor editor = new AlignmentEditor(new ReviewState(session.state().alignment(), session.state().source(),
                    version("pt", flow, "Exigimos ventilação."), List.of(), List.of()), () -> "Rita", CLOCK);
            session = new TranslationSession(editor, Map.of(), () -> "Tomás", CLOCK);
            pane.setSession(session);
        });
        robot.clickOn("#fm-tags-add"); // nothing typed: nothing added
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.state().targetEdits()).isEmpty();
        FxFixtures.type(robot, "#fm-tags-new", "greve");
        robot.clickOn("#fm-tags-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(raw()).isEqualTo("---\ntitle: Carta aberta\ntags: [calor, fábrica, greve]   # as the site writes them\n---");
    }
}
