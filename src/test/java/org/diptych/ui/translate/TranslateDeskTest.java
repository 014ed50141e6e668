package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.qa.QaIssue;
import org.diptych.qa.QaRule;
import org.diptych.tm.Provenance;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TranslationMemory;
import org.diptych.translate.Demo;
import org.diptych.translate.TranslationRecord;
import org.diptych.translate.TranslationStatus;
import org.diptych.translate.TranslationStore;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.review.ReviewDesk;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.shell.MainWindow;

/**
 * Translating the missing part of the demo's heat statement (ru 18 paragraphs, pt 12) in the window, by
 * keyboard: a TM match inserted with Ctrl+1, a typed translation, both confirmed with Ctrl+Enter and found
 * in the TM reopened from disk; QA (F9) reports the number planted in the typed text.
 */
@ExtendWith(FxApp.class)
class TranslateDeskTest {
    /** The Portuguese translation of ru p16 held by the TM before the test. */
    static final String PT_P16 = "O calor vai voltar todo verão, e cada vez mais. Por isso queremos que as normas de "
            + "temperatura entrem nos acordos coletivos, em vez de ficarem no papel.";
    /** Typed for ru p15, with 32 where the source says +30 °C. */
    static final String TYPED = "Em Campinas, o sindicato conquistou uma pausa de dez minutos na sombra a cada hora acima de 32 C.";

    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;
    String ruP16;
    String ruP15;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-translate-test");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(Demo.heatRuPt(p));
            DocumentVersion ru = p.loadVersion(Demo.HEAT, "ru").orElseThrow();
            ruP16 = ru.paragraph("p16").text();
            ruP15 = ru.paragraph("p15").text();
            FxFixtures.seedTm(p, tmp, "ru", "pt-BR", "Ana", "20240601T120000Z", ruP16, PT_P16);
        }
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.openWindow(stage, prefs, dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    TranslatePanel panel() {
        return window.translatePanel();
    }

    ReviewViewModel vm() {
        return window.desk().viewModel();
    }

    int cursor() {
        return vm().cursorProperty().get();
    }

    static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses an entry of the panel's status filter by clicking it. */
    static void chooseStatus(FxRobot robot, String text) {
        robot.clickOn("#tr-status-filter");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".context-menu .menu-item .label")
                .match((javafx.scene.control.Labeled l) -> text.equals(l.getText())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void confirmingABeadInTheDeskPutsItIntoTheTmAsApprovedAndRejectingTakesItOut(FxRobot robot) throws Exception {
        robot.clickOn(window.desk().table());
        robot.interact(() -> vm().cursorProperty().set(2));
        String ru = vm().rows().get(2).source().get(0).text();
        String pt = vm().rows().get(2).target().get(0).text();
        robot.type(KeyCode.ENTER); // confirm and go to the next bead
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().rows().get(2).bead().status()).isEqualTo(org.diptych.model.BeadStatus.CONFIRMED);
        panel().flush();
        robot.interact(window::close);
        try (TranslationMemory tm = TranslationMemory.open(dir.resolve("tm"))) {
            List<TmMatch> found = tm.lookup(ru, "ru", "pt", 3);
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).target().text()).isEqualTo(pt);
            assertThat(found.get(0).provenance().status()).isEqualTo(Provenance.Status.APPROVED);
        }
        // reopen and reject the same bead: its unit leaves the TM
        robot.interact(() -> window.openProject(dir));
        robot.clickOn(window.desk().table());
        robot.interact(() -> vm().cursorProperty().set(2));
        ctrl(robot, KeyCode.R);
        assertThat(vm().rows().get(2).bead().status()).isEqualTo(org.diptych.model.BeadStatus.REJECTED);
        panel().flush();
        robot.interact(window::close);
        try (TranslationMemory tm = TranslationMemory.open(dir.resolve("tm"))) {
            assertThat(tm.lookup(ru, "ru", "pt", 3)).noneSatisfy(m -> assertThat(m.target().text()).isEqualTo(pt));
        }
    }

    @Test
    void translateTwoParagraphsWithAMatchAndTypedTextConfirmThemAndRunQa(FxRobot robot) throws Exception {
        assertThat(window.desk().pair()).isEqualTo(new ReviewDesk.Pair("ru", "pt"));
        assertThat(vm().rows()).hasSize(18);

        // to row 16 (ru p16, no Portuguese counterpart) by keyboard, then into the editor
        robot.clickOn(window.desk().table());
        robot.interact(() -> vm().cursorProperty().set(0));
        robot.type(KeyCode.DOWN, 15);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(15);
        assertThat(vm().rows().get(15).target()).isEmpty();
        ctrl(robot, KeyCode.T);
        assertThat(panel().shownProperty().get()).as("shown; disabled=" + panel().action("translate").disabledProperty().get() + " focus=" + window.stage().getScene().getFocusOwner()).isTrue();
        assertThat(panel().editor().isFocused()).as("focus=" + window.stage().getScene().getFocusOwner()).isTrue();
        assertThat(panel().editor().getText()).isEmpty();

        // the TM match comes in the background; Ctrl+1 inserts it, Ctrl+Enter confirms and moves on
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !panel().matches().getItems().isEmpty());
        TmService.Suggestion best = panel().matches().getItems().get(0);
        assertThat(best.score()).isEqualTo(100);
        assertThat(best.match().provenance().creator()).isEqualTo("Ana");
        ctrl(robot, KeyCode.DIGIT1);
        assertThat(panel().editor().getText()).isEqualTo(PT_P16);
        ctrl(robot, KeyCode.ENTER);
        assertThat(cursor()).isEqualTo(16);
        assertThat(panel().session().status(15)).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(vm().rows().get(15).target()).extracting(Paragraph::text).containsExactly(PT_P16);

        // back to row 15 (ru p15) and type its translation
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.UP, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(14);
        ctrl(robot, KeyCode.T);
        FxFixtures.write(robot, TYPED);
        robot.type(KeyCode.ENTER); // one paragraph: Enter adds no line break and confirms no bead
        assertThat(panel().editor().getText()).isEqualTo(TYPED);
        assertThat(vm().rows().get(14).bead().status()).isEqualTo(org.diptych.model.BeadStatus.AUTO);
        ctrl(robot, KeyCode.ENTER);
        assertThat(panel().session().status(14)).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(panel().session().counts()).containsEntry(TranslationStatus.UNTRANSLATED, 4)
                .containsEntry(TranslationStatus.TRANSLATED, 14);

        // the new target paragraphs sit in document order, after the twelve imported ones
        DocumentVersion target = vm().state().target();
        assertThat(target.paragraphs()).hasSize(14);
        assertThat(target.paragraphs().get(12).text()).isEqualTo(TYPED);
        assertThat(target.paragraphs().get(13).text()).isEqualTo(PT_P16);

        // QA: F9 lists the planted number mismatch; Enter on it jumps to its row
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !panel().qaList().getItems().isEmpty());
        List<QaIssue> issues = List.copyOf(panel().qaList().getItems());
        assertThat(issues).filteredOn(i -> i.rule() == QaRule.NUMBERS).singleElement().satisfies(i -> {
            assertThat(i.bead()).isEqualTo(14);
            assertThat(i.args()).containsExactly("30", "32");
        });
        assertThat(issues).filteredOn(i -> i.rule() == QaRule.EMPTY).extracting(QaIssue::bead)
                .containsExactly(12, 13, 16, 17);
        int numbers = issues.indexOf(issues.stream().filter(i -> i.rule() == QaRule.NUMBERS).findFirst().orElseThrow());
        robot.interact(() -> vm().cursorProperty().set(0));
        robot.interact(() -> {
            panel().qaList().requestFocus();
            panel().qaList().getSelectionModel().select(numbers);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(14);
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == issues.get(numbers))
                .queryAs(javafx.scene.control.ListCell.class).getText()).contains("Numbers differ: 30 in the source, 32 in the translation");

        // close the window (the TM closes after its writes); the TM on disk holds both translations
        panel().flush();
        robot.interact(window::close);
        try (TranslationMemory tm = TranslationMemory.open(dir.resolve("tm"))) {
            List<TmMatch> m16 = tm.lookup(ruP16, "ru", "pt", 5);
            assertThat(m16).extracting(m -> m.target().text()).contains(PT_P16);
            assertThat(m16).anySatisfy(m -> assertThat(m.provenance().statement()).isEqualTo(Demo.HEAT));
            List<TmMatch> m15 = tm.lookup(ruP15, "ru", "pt", 5);
            assertThat(m15).isNotEmpty();
            assertThat(m15.get(0).score()).isGreaterThanOrEqualTo(99);
            assertThat(m15.get(0).target().text()).isEqualTo(TYPED);
            assertThat(m15.get(0).provenance().status()).isEqualTo(Provenance.Status.DRAFT);
            assertThat(m15.get(0).provenance().creator()).isEqualTo("Tester");
        }
        try (Project p = Project.open(dir, false)) {
            assertThat(p.loadVersion(Demo.HEAT, "pt").orElseThrow().paragraphs()).hasSize(14);
            java.util.Map<String, TranslationRecord> records = TranslationStore.load(p, Demo.HEAT, "ru", "pt");
            assertThat(records.values()).extracting(TranslationRecord::status)
                    .containsOnly(TranslationStatus.TRANSLATED).hasSize(2);
            assertThat(p.loadAlignment(Demo.HEAT, "ru", "pt").orElseThrow().beads().get(14).type()).isEqualTo("1:1");
        }
    }

    @Test
    void fillGlossaryConcordanceMarkupUndoAndANewTranslation(FxRobot robot) throws Exception {
        // fill 100% matches: row 16 (ru p16) gets the TM's translation as a draft; one step, undone by Ctrl+Z
        robot.clickOn(window.desk().table());
        robot.interact(() -> vm().cursorProperty().set(0));
        ctrl(robot, KeyCode.T);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel().session().status(15) == TranslationStatus.DRAFT);
        assertThat(panel().session().targetBody(15)).isEqualTo(PT_P16);
        assertThat(panel().session().counts()).containsEntry(TranslationStatus.UNTRANSLATED, 5);
        robot.type(KeyCode.ESCAPE);
        ctrl(robot, KeyCode.Z);
        assertThat(panel().session().status(15)).isEqualTo(TranslationStatus.UNTRANSLATED);

        // glossary: imported from CSV, "профсоюз" found inflected in row 15 with its translation
        Path csv = tmp.resolve("glossary.csv");
        Files.writeString(csv, "ru,pt,en\nпрофсоюз,sindicato,union\nколлективный договор,acordo coletivo,collective agreement\n");
        panel().importGlossary(csv).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm().cursorProperty().set(14));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel().glossaryHits().getItems()).extracting(h -> h.text()).containsExactly("профсоюз", "коллективном договоре");
        assertThat(panel().glossaryHits().getItems().get(0).translations()).containsExactly("sindicato");
        assertThat(robot.lookup(".term-hit").queryAll()).extracting(n -> ((javafx.scene.text.Text) n).getText())
                .containsExactly("профсоюз", "коллективном договоре");
        assertThat(robot.lookup(".term-translation").queryAll()).extracting(n -> ((javafx.scene.text.Text) n).getText())
                .containsExactly(" ⟨sindicato⟩", " ⟨acordo coletivo⟩");
        robot.interact(() -> vm().cursorProperty().set(15));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel().glossaryHits().getItems()).extracting(h -> h.text()).containsExactly("коллективные договоры");

        // markup shortcuts in the editor: Ctrl+B bolds the selection, Ctrl+L links it to the source's link
        robot.interact(() -> vm().cursorProperty().set(12));
        ctrl(robot, KeyCode.T);
        FxFixtures.write(robot, "Modelos na pagina da campanha.");
        robot.interact(() -> panel().editor().selectRange(11, 29));
        ctrl(robot, KeyCode.L);
        assertThat(panel().editor().getText()).isEqualTo("Modelos na [pagina da campanha](https://solidarnost-snizu.example/zhara).");
        robot.interact(() -> panel().editor().selectRange(0, 7));
        ctrl(robot, KeyCode.B);
        assertThat(panel().editor().getText()).startsWith("**Modelos** na [pagina");

        // concordance: Ctrl+K on a word selected in the translation searches the Portuguese side, stemmed
        robot.interact(() -> {
            panel().editor().setText("Os acordos");
            panel().editor().selectRange(3, 10);
        });
        ctrl(robot, KeyCode.K);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel().concordanceHits().getItems().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("message: " + robot.lookup("#tr-message").queryAs(javafx.scene.control.Label.class).getText()
                    + " field: " + robot.lookup("#tr-concordance-field").queryAs(javafx.scene.control.TextField.class).getText()
                    + " lang: " + robot.lookup("#tr-concordance-lang").queryAs(javafx.scene.control.ChoiceBox.class).getValue());
        }
        assertThat(panel().concordanceHits().getItems().get(0).variant().text()).isEqualTo(PT_P16);
        robot.type(KeyCode.ESCAPE);

        // a new language version: every Russian paragraph an empty cell of the English translation
        panel().startTranslation(Demo.HEAT, "en").get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm() != null && vm().targetLang().equals("en"));
        // the Russian link line to the pt version is no row to translate: the English version starts with it
        assertThat(vm().rows()).hasSize(18);
        assertThat(vm().rows().get(0).target()).singleElement()
                .satisfies(p -> assertThat(p.markup()).startsWith("[Calor nas fábricas russas"));
        assertThat(vm().rows().subList(1, 18)).allMatch(r -> r.target().isEmpty());
        robot.interact(() -> vm().cursorProperty().set(0));
        robot.interact(() -> vm().cursorProperty().set(6));
        ctrl(robot, KeyCode.T);
        assertThat(robot.lookup("#tr-prefix").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("1. ");
        FxFixtures.write(robot, "Measure the temperature twice a shift.");
        ctrl(robot, KeyCode.ENTER);
        assertThat(vm().state().target().paragraphs()).hasSize(2).last()
                .satisfies(p -> assertThat(p.markup()).isEqualTo("1. Measure the temperature twice a shift."));

        // the status filter of the panel: the desk shows the rows still untranslated, then the one translated
        TranslationStatus confirmedAs = panel().session().status(6);
        chooseStatus(robot, "untranslated");
        // (the link line of row 0 came with the new version: it is no row to translate)
        assertThat(vm().visible()).hasSize(16).allMatch(r -> r.target().isEmpty());
        assertThat(window.desk().table().getItems()).hasSize(16);
        chooseStatus(robot, window.i18n().t("tr.status." + confirmedAs.name().toLowerCase(java.util.Locale.ROOT)));
        assertThat(vm().visible()).extracting(r -> r.bead().source().get(0))
                .containsExactlyElementsOf(confirmedAs == panel().session().status(0) ? List.of("p1", "p7") : List.of("p7"));
        assertThat(vm().cursorProperty().get()).isEqualTo(6);
        chooseStatus(robot, "all");
        assertThat(vm().visible()).hasSize(18);
        robot.interact(() -> {
            try {
                FxFixtures.savePng(window.stage().getScene(), Path.of("target", "screenshots", "translate-desk.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        window.flushSaves();
        try (Project p = Project.open(dir, false)) {
            assertThat(p.versionLanguages(Demo.HEAT)).contains("en");
            assertThat(p.loadVersion(Demo.HEAT, "en").orElseThrow().paragraphs()).hasSize(2);
        }
    }
}
