package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.review.ReviewViewModel.BeadRow;
import org.diptych.ui.shell.MainWindow;
import org.diptych.ui.translate.TmService;
import org.diptych.ui.translate.TranslatePanel;

/**
 * The product's quality bar, end to end with the real importer, aligner, TM and exporter: a translator
 * who has never seen Diptych creates a project, imports a Russian post and its English translation,
 * sees them aligned with the doubtful rows flagged, fixes one with a keystroke, translates the paragraph
 * the English lacks with a TM match, and exports two posts that link to each other, losing no character.
 * Every step goes through the window's own controls, menus and shortcuts; the only stand-in is the
 * platform's file dialog ({@link FileChoosers}), answered from a script.
 */
@ExtendWith(FxApp.class)
class QualityBarTest {
    static final String ID = "2024-11-07-bread-and-rent";
    static final String RU_FILE = ID + ".ru.md";
    static final String EN_FILE = ID + ".en.md";

    /** The file dialogs' answers, in the order the walk-through asks. */
    static final class ScriptedChoosers implements FileChoosers {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Path folder(Window owner, String title, Path initial) {
            asked.add(title);
            return answers.isEmpty() ? null : (Path) answers.poll();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
            asked.add(title);
            return answers.isEmpty() ? List.of() : (List<Path>) answers.poll();
        }
    }

    /** The hand-made gold: ru paragraph indexes : en paragraph indexes, one row per bead. */
    static final List<String> GOLD = List.of("0:0", "1:1", "2:2", "3:3", "4:4", "5:5,6", "6:7", ":8", "7:9", "8:10", "9:",
            "10:11", "11:12", "12:13");
    static final int SPLIT = 5;
    static final int NOTE = 7;
    static final int UNTRANSLATED = 10;
    static final String TM_EN = "We thank our comrades from Tula and Samara, who sent words of support.";
    static final String NEW_EN = "We thank our comrades from Tula and Samara, who sent words of support and raised money for leaflets.";
    static final String EN_BEFORE_NEW = "Kirov Street are taking part.";

    Path tmp;
    UiPrefs prefs;
    MainWindow window;
    final ScriptedChoosers choosers = new ScriptedChoosers();
    final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-quality-bar");
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        window.setFileChoosers(choosers);
        window.setFolderOpener(opened::add);
        window.setFileBrowserCheck(() -> true);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    /** A test resource copied to {@code dir} (the user's own folder: it must never change). */
    private static Path resource(String name, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path to = dir.resolve(name);
        try (var in = QualityBarTest.class.getResourceAsStream("/qualitybar/" + name)) {
            Files.copy(in, to);
        }
        return to;
    }

    private static void ctrl(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntil(java.util.function.BooleanSupplier onFx) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ReviewViewModel vm() {
        return window.desk().viewModel();
    }

    /** A row as (source paragraph indexes, target paragraph indexes) in their versions. */
    private static String shape(BeadRow r, DocumentVersion src, DocumentVersion tgt) {
        return index(r.bead().source(), src) + ":" + index(r.bead().target(), tgt);
    }

    private static String index(List<String> ids, DocumentVersion v) {
        List<String> all = v.paragraphs().stream().map(Paragraph::id).toList();
        return String.join(",", ids.stream().map(id -> String.valueOf(all.indexOf(id))).toList());
    }

    /** With {@code -Ddiptych.debugshots}, a PNG of the window in {@code target/quality-bar/}. */
    private void shot(FxRobot robot, String name) {
        if (System.getProperty("diptych.debugshots") == null) return;
        WaitForAsyncUtils.waitForFxEvents();
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) continue;
            String n = name + (w == window.stage() ? "" : "-dialog");
            robot.interact(() -> {
                try {
                    FxFixtures.savePng(w.getScene(), Path.of("target/quality-bar/" + n + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private int cursor() {
        return vm().cursorProperty().get();
    }

    /** Clicks the source cell of a row by the start of its text, selecting the row. */
    private static void clickRow(FxRobot robot, String sourceText) {
        Node text = robot.lookup((Node n) -> n instanceof javafx.scene.text.Text t && t.getText().startsWith(sourceText)
                && shown(n)).query();
        robot.clickOn(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    @Test
    void aFirstTimeTranslatorGetsFromTwoPostsToTwoLinkedPostsWithoutLosingACharacter(FxRobot robot) throws Exception {
        // ---- an empty new project, from the welcome screen
        Path projectDir = Files.createDirectories(tmp.resolve("Statements"));
        choosers.answers.add(projectDir);
        shot(robot, "01-welcome");
        robot.clickOn("#welcome-new");
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "02-new-project");
        assertThat(robot.lookup("#new-name").queryAs(TextField.class).getText()).isEqualTo("Statements");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.project()).isNotNull();
        assertThat(window.project().statementIds()).isEmpty();

        shot(robot, "02-empty-project");
        // ---- the empty desk says how to import; its button imports both posts at once
        assertThat(robot.lookup("#desk-placeholder").queryLabeled().getText()).isEqualTo("This project has no statements"
                + " yet. Import a post and its translation with File → Import file… (Ctrl+I), or drop the files on this window.");
        Path inbox = tmp.resolve("inbox");
        Path ruIn = resource(RU_FILE, inbox);
        Path enIn = resource(EN_FILE, inbox);
        byte[] ruOriginal = Files.readAllBytes(ruIn);
        byte[] enOriginal = Files.readAllBytes(enIn);
        choosers.answers.add(List.of(ruIn, enIn));
        robot.clickOn("#desk-import");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#import-statement").queryAs(ComboBox.class).getEditor().getText()).isEqualTo(ID);
        shot(robot, "03-import");
        robot.clickOn("OK");
        waitUntil(() -> vm() != null && !vm().rows().isEmpty() && !window.tasks().runningProperty().get());

        shot(robot, "04-aligned");
        // ---- aligned as the gold says; the rows to look at are flagged and F8 walks them
        DocumentVersion ru = vm().state().source();
        DocumentVersion en = vm().state().target();
        assertThat(vm().sourceLang() + "→" + vm().targetLang()).isEqualTo("ru→en");
        assertThat(vm().rows().stream().map(r -> shape(r, ru, en)).toList()).as("alignment").containsExactlyElementsOf(GOLD);
        assertThat(robot.lookup("#desk-stats").queryLabeled().getText())
                .isEqualTo("Confirmed 0 of 14 · doubtful left 3 · rejected 0");
        clickRow(robot, "Седьмого ноября");
        assertThat(cursor()).isEqualTo(1);
        List<Integer> walked = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            robot.type(KeyCode.F8);
            WaitForAsyncUtils.waitForFxEvents();
            walked.add(cursor());
        }
        assertThat(walked).as("F8 reaches the split, the translator's note and the untranslated paragraph, then wraps")
                .containsExactly(SPLIT, NOTE, UNTRANSLATED, SPLIT);

        shot(robot, "05-f8");
        // ---- the split is right: Enter confirms it (and goes on to the next doubtful bead); the alignment file says so
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(NOTE);
        window.flushSaves();
        Alignment stored = FxFixtures.stored(projectDir, ID, "ru", "en");
        assertThat(stored.beads().get(SPLIT).status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(stored.beads().get(SPLIT).reviewer()).isEqualTo("Tester");
        assertThat(stored.beads().stream().filter(b -> b.status() == BeadStatus.CONFIRMED).count()).isEqualTo(1);
        assertThat(robot.lookup("#desk-stats").queryLabeled().getText())
                .isEqualTo("Confirmed 1 of 14 · doubtful left 2 · rejected 0");

        // ---- the team's earlier TM (Translate → Import translation memory), then translate the missing paragraph
        Path tmx = resource("earlier-statements.tmx", inbox);
        choosers.answers.add(List.of(tmx));
        robot.clickOn("#menu-translate").clickOn("#menu-importTm");
        waitUntil(() -> robot.lookup("#tr-message").queryLabeled().getText().startsWith("Imported 2 units"));
        assertThat(robot.lookup("#tr-message").queryLabeled().getText())
                .isEqualTo("Imported 2 units from earlier-statements.tmx (0 already in the TM, 0 skipped)");
        robot.clickOn(window.desk().table());
        ctrl(robot, KeyCode.J); // next row to translate
        assertThat(cursor()).isEqualTo(UNTRANSLATED);
        ctrl(robot, KeyCode.T); // translate it
        TranslatePanel panel = window.translatePanel();
        assertThat(panel.editor().isFocused()).isTrue();
        assertThat(panel.editor().getText()).isEmpty();
        waitUntil(() -> !panel.matches().getItems().isEmpty());
        TmService.Suggestion best = panel.matches().getItems().get(0);
        assertThat(best.target()).isEqualTo(TM_EN);
        assertThat(best.score()).isBetween(60, 99);
        assertThat(best.match().description()).isEqualTo("fuzzy: 5 word edits for 16 words");
        shot(robot, "06-match");
        ctrl(robot, KeyCode.DIGIT1); // insert it
        assertThat(panel.editor().getText()).isEqualTo(TM_EN);
        robot.type(KeyCode.BACK_SPACE);
        FxFixtures.write(robot, " and raised money for leaflets.");
        assertThat(panel.editor().getText()).isEqualTo(NEW_EN);
        shot(robot, "07-typed");
        ctrl(robot, KeyCode.ENTER); // confirm, to the TM
        waitUntil(() -> robot.lookup("#tr-message").queryLabeled().getText().contains("saved to the TM"));
        window.flushSaves();
        stored = FxFixtures.stored(projectDir, ID, "ru", "en");
        Bead translated = stored.beads().get(UNTRANSLATED);
        assertThat(translated.source()).hasSize(1);
        assertThat(translated.target()).hasSize(1);
        assertThat(org.diptych.project.Project.open(projectDir, false).loadVersion(ID, "en").orElseThrow()
                .paragraph(translated.target().get(0)).markup()).isEqualTo(NEW_EN);

        // ---- export (Ctrl+Shift+X): the dialog proposes a folder and says the posts cannot link yet; its
        // "Site profiles…" button sets where each language is published
        robot.clickOn(window.desk().table());
        ctrl(robot, KeyCode.SHIFT, KeyCode.X);
        assertThat(robot.lookup("#export-dialog").tryQuery()).isPresent();
        Path site = tmp.resolve("Statements-export").toAbsolutePath().normalize();
        assertThat(robot.lookup("#export-folder").queryAs(TextField.class).getText()).isEqualTo(site.toString());
        assertThat(robot.lookup("#export-no-site").queryLabeled().getText()).isEqualTo("No site profile for en, ru: those"
                + " posts would be written without links to the other versions. Set where each language is published:");
        shot(robot, "09-export");
        robot.clickOn("#export-sites");
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "10-sites");
        FxFixtures.choose(robot, "#site-lang", "ru");
        FxFixtures.type(robot, "#site-url", "https://example.org/ru/statements/:year/:month/:day/:slug/");
        FxFixtures.type(robot, "#site-path", "ru/_posts/:year-:month-:day-:slug.md");
        FxFixtures.choose(robot, "#site-lang", "en");
        FxFixtures.type(robot, "#site-url", "https://example.org/en/statements/:year/:month/:day/:slug/");
        FxFixtures.type(robot, "#site-path", "en/_posts/:year-:month-:day-:slug.md");
        robot.clickOn("#site-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#site-dialog").tryQuery()).isEmpty();
        assertThat(robot.lookup("#export-no-site").queryLabeled().getText()).isEmpty();
        assertThat(window.project().manifest().sites()).containsOnlyKeys("en", "ru");
        robot.clickOn("#export-run");
        waitUntil(() -> robot.lookup("#export-summary").tryQuery().isPresent());
        shot(robot, "11-summary");
        assertThat(robot.lookup("#export-links").queryLabeled().getText()).isEqualTo("Link check: all 2 link(s) ok.");
        robot.clickOn("#export-open-folder");
        assertThat(opened).containsExactly(site);
        robot.clickOn(robot.lookup("#export-summary").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();

        // ---- two posts linking to each other, no character lost
        String ruText = new String(ruOriginal, StandardCharsets.UTF_8);
        String enText = new String(enOriginal, StandardCharsets.UTF_8);
        String ruLink = "[Bread and rent: why we march on 7 November](/en/statements/2024/11/07/bread-and-rent/)";
        String enLink = "[Хлеб и квартплата: почему мы выходим 7 ноября](/ru/statements/2024/11/07/bread-and-rent/)";
        assertThat(ruText).contains(ruLink);
        assertThat(enText).contains(enLink);
        String ruExpected = ruText.replace(ruLink,
                "[Bread and rent: why we march on 7 November](https://example.org/en/statements/2024/11/07/bread-and-rent/)");
        String enExpected = enText.replace(enLink,
                "[Хлеб и квартплата: почему мы выходим 7 ноября](https://example.org/ru/statements/2024/11/07/bread-and-rent/)")
                .replace(EN_BEFORE_NEW, EN_BEFORE_NEW + "\n\n" + NEW_EN);
        assertThat(Files.readString(site.resolve("ru/_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(ruExpected);
        assertThat(Files.readString(site.resolve("en/_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(enExpected);
        // the user's files and the project's stored originals are untouched
        assertThat(Files.readAllBytes(ruIn)).isEqualTo(ruOriginal);
        assertThat(Files.readAllBytes(enIn)).isEqualTo(enOriginal);
        assertThat(Files.readAllBytes(projectDir.resolve("statements/" + ID + "/ru/" + RU_FILE))).isEqualTo(ruOriginal);
        assertThat(Files.readAllBytes(projectDir.resolve("statements/" + ID + "/en/" + EN_FILE))).isEqualTo(enOriginal);
        assertThat(choosers.answers).as("every file dialog answered was asked").isEmpty();

        // the new translation is in the project's TM for the next statement that needs it
        String ruUntranslated = ru.paragraphs().get(9).text();
        robot.interact(window::close);
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(projectDir.resolve("tm"))) {
            List<org.diptych.tm.TmMatch> found = tm.lookup(ruUntranslated, "ru", "en", 1);
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).kind()).isEqualTo(org.diptych.tm.MatchKind.EXACT);
            // confirmed by a translator who did not tick "I am a reviewer": a draft (one point below 100)
            assertThat(found.get(0).provenance().status()).isEqualTo(org.diptych.tm.Provenance.Status.DRAFT);
            assertThat(found.get(0).target().text()).isEqualTo(NEW_EN);
        }
    }
}
