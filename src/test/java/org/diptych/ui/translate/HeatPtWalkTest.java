package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.project.Manifest;
import org.diptych.project.Project;
import org.diptych.ui.FileChoosers;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.Services;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.shell.MainWindow;

/**
 * The "done means" walk, every step through the window's own controls with the real importer,
 * aligner and exporter: a ru post and its en version (own texts, linking to each other, front matter with
 * title, lang, locale, permalink and tags) are imported with the import dialog; a translation into pt is
 * started with the translate panel's button; its title is typed and confirmed in the front-matter rows, its
 * tags typed over in the list editor, its
 * body rows typed in the editor and confirmed with Ctrl+Enter; all three posts are exported with the export
 * dialog (the pt site profile names the locale pt_BR). Each exported post carries its own title, language keys and permalink, the pt post has no Cyrillic
 * letter, and every link line is titled with the linked version's title.
 */
@ExtendWith(FxApp.class)
class HeatPtWalkTest {
    static final String ID = "2025-06-12-heat-shift";
    static final String RU_TITLE = "Жара на смене: требования складских работников";
    static final String EN_TITLE = "Heat on the shift: what warehouse workers demand";
    static final String PT_TITLE = "Calor no turno: o que exigem os trabalhadores dos armazéns";

    static final String RU = """
            ---
            title: "%s"
            lang: ru
            locale: ru_RU
            permalink: /ru/2025/06/12/heat-shift/
            tags: [склады, жара]
            ---

            [%s](/en/2025/06/12/heat-shift/)

            На складах нашего района в июне температура в цехах поднимается до 34 градусов.

            Мы требуем перерыв в 15 минут каждые два часа и питьевую воду на каждом участке.

            Профсоюз соберёт подписи до 30 июня и передаст их руководству.
            """.formatted(RU_TITLE, EN_TITLE);
    static final String EN = """
            ---
            title: "%s"
            lang: en
            locale: en_US
            permalink: /en/2025/06/12/heat-shift/
            tags: [warehouses, heat]
            ---

            [%s](/ru/2025/06/12/heat-shift/)

            In the warehouses of our district the temperature on the floor rises to 34 degrees in June.

            We demand a 15-minute break every two hours and drinking water in every section.

            The union will collect signatures until 30 June and hand them to the management.
            """.formatted(EN_TITLE, RU_TITLE);
    /** What the translator types for the ru body rows, in order. */
    static final List<String> PT_ROWS = List.of(
            "Nos armazéns do nosso bairro, a temperatura no chão de fábrica sobe até 34 graus em junho.",
            "Exigimos uma pausa de 15 minutos a cada duas horas e água potável em cada setor.",
            "O sindicato vai recolher assinaturas até 30 de junho e entregá-las à direção.");

    /** The file dialogs' answers, in the order the walk asks. */
    static final class ScriptedChoosers implements FileChoosers {
        final Deque<Object> answers = new ArrayDeque<>();

        @Override
        public Path folder(Window owner, String title, Path initial) {
            return answers.isEmpty() ? null : (Path) answers.poll();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
            return answers.isEmpty() ? List.of() : (List<Path>) answers.poll();
        }
    }

    Path tmp;
    Path projectDir;
    UiPrefs prefs;
    MainWindow window;
    final ScriptedChoosers choosers = new ScriptedChoosers();

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-heat-pt-walk");
        projectDir = tmp.resolve("project");
        try (Project p = Project.create(projectDir, "Heat", List.of("ru", "en", "pt"))) {
            Manifest m = p.manifest();
            for (String l : List.of("ru", "en", "pt")) {
                m = m.withSite(l, new Manifest.SiteProfile("https://example.org/" + l + "/:year/:month/:day/:slug/",
                        l + "/_posts/:year-:month-:day-:slug.md", null, l.equals("pt") ? "pt_BR" : null)); // a Brazilian team
            }
            p.saveManifest(m);
        }
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        window.setFileChoosers(choosers);
        stage.show();
        window.openProject(projectDir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    private static void waitUntil(BooleanSupplier onFx) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void keys(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ReviewViewModel vm() {
        return window.desk().viewModel();
    }

    @Test
    void aPtTranslationStartedInTheWindowIsExportedWithItsOwnFrontMatterAndEveryLinkLineTitledByTheLinkedVersion(
            FxRobot robot) throws Exception {
        // ---- import the ru and en posts with the import dialog (Ctrl+I)
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path ruIn = inbox.resolve(ID + ".ru.md");
        Path enIn = inbox.resolve(ID + ".en.md");
        Files.writeString(ruIn, RU, StandardCharsets.UTF_8);
        Files.writeString(enIn, EN, StandardCharsets.UTF_8);
        choosers.answers.add(List.of(ruIn, enIn));
        robot.clickOn("#desk-import");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        waitUntil(() -> vm() != null && !vm().rows().isEmpty() && !window.tasks().runningProperty().get());
        assertThat(vm().sourceLang() + "→" + vm().targetLang()).isEqualTo("ru→en");

        // ---- start a translation into pt with the panel's button; the dialog offers the missing language
        TranslatePanel panel = window.translatePanel();
        robot.clickOn(window.desk().table());
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T); // show the translate panel
        waitUntil(() -> robot.lookup("#button-startTranslation").tryQuery().isPresent());
        robot.clickOn("#button-startTranslation");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        waitUntil(() -> vm() != null && "pt".equals(vm().targetLang()) && panel.session() != null
                && robot.lookup("#fm-title").tryQuery().isPresent());
        assertThat(vm().sourceLang()).isEqualTo("ru");

        // ---- the title, in the front-matter rows: typed, Enter, confirmed
        TitledPane pane = robot.lookup("#tr-front-matter").queryAs(TitledPane.class);
        // opened without its animation: the title field is clicked next, and a sliding field may miss the click
        robot.interact(() -> pane.setAnimated(false));
        if (!pane.isExpanded()) robot.clickOn(pane.lookup(".title"));
        waitUntil(pane::isExpanded);
        assertThat(robot.lookup("#fm-status-title").queryLabeled().getText()).isEqualTo("untranslated");
        robot.clickOn("#fm-title");
        keys(robot, KeyCode.CONTROL, KeyCode.A);
        FxFixtures.write(robot, PT_TITLE);
        keys(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#fm-confirm-title").tryQuery().isPresent());
        robot.clickOn("#fm-confirm-title");
        waitUntil(() -> "translated".equals(robot.lookup("#fm-status-title").queryLabeled().getText()));
        assertThat(panel.session().state().target().title()).isEqualTo(PT_TITLE);
        // the tags, copied from the ru post, typed over one by one in the list editor
        assertThat(robot.lookup("#fm-tags-1").queryAs(TextField.class).getText()).isEqualTo("склады");
        for (String[] tag : new String[][] {{"#fm-tags-1", "armazéns"}, {"#fm-tags-2", "calor"}}) {
            FxFixtures.type(robot, tag[0], tag[1]);
            keys(robot, KeyCode.ENTER);
            waitUntil(() -> robot.lookup(tag[0]).tryQueryAs(TextField.class).map(f -> f.getText().equals(tag[1])).orElse(false));
        }

        // ---- the body rows: Ctrl+J to the first to translate, Ctrl+T into the editor, typed, Ctrl+Enter
        robot.clickOn("#tr-reviewer"); // a reviewer: confirmed rows are approved, not drafts
        robot.clickOn(window.desk().table());
        keys(robot, KeyCode.HOME); // the link line, written by export: translated already
        assertThat(vm().cursorProperty().get()).isZero();
        keys(robot, KeyCode.CONTROL, KeyCode.J);
        assertThat(vm().rows().get(vm().cursorProperty().get()).source().get(0).text()).startsWith("На складах");
        for (String text : PT_ROWS) {
            keys(robot, KeyCode.CONTROL, KeyCode.T);
            assertThat(panel.editor().isFocused()).isTrue();
            assertThat(panel.editor().getText()).isEmpty();
            FxFixtures.write(robot, text);
            keys(robot, KeyCode.CONTROL, KeyCode.ENTER); // confirmed, on to the next row to translate
        }
        waitUntil(() -> panel.session().nextToTranslate(-1) < 0);

        // ---- export all three posts with the export dialog (Ctrl+Shift+X)
        Path site = tmp.resolve("site");
        robot.clickOn(window.desk().table());
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X);
        assertThat(robot.lookup("#export-dialog").tryQuery()).isPresent();
        FxFixtures.type(robot, "#export-folder", site.toString());
        robot.clickOn("#export-run");
        waitUntil(() -> robot.lookup("#export-summary").tryQuery().isPresent()
                || robot.lookup("#export-incomplete").tryQuery().isPresent());
        assertThat(robot.lookup("#export-incomplete").tryQuery().map(n -> robot.lookup("#export-incomplete-list")
                .queryAs(TextArea.class).getText())).as("nothing untranslated, in draft or failing QA").isEmpty();
        String details = robot.lookup("#export-details").queryAs(TextArea.class).getText();
        robot.clickOn(robot.lookup("#export-summary").queryAs(DialogPane.class).lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();

        Path ruOut = site.resolve("ru/_posts/" + ID + ".md");
        Path enOut = site.resolve("en/_posts/" + ID + ".md");
        Path ptOut = site.resolve("pt/_posts/" + ID + ".md");
        assertThat(ptOut).as(details).exists();
        String ru = Files.readString(ruOut, StandardCharsets.UTF_8);
        String en = Files.readString(enOut, StandardCharsets.UTF_8);
        String pt = Files.readString(ptOut, StandardCharsets.UTF_8);

        // each post its own front matter
        assertThat(frontMatter(ru)).contains("title: \"" + RU_TITLE + "\"", "lang: ru", "locale: ru_RU",
                "permalink: /ru/2025/06/12/heat-shift/");
        assertThat(frontMatter(en)).contains("title: \"" + EN_TITLE + "\"", "lang: en", "locale: en_US",
                "permalink: /en/2025/06/12/heat-shift/");
        assertThat(frontMatter(pt)).contains("title: \"" + PT_TITLE + "\"", "lang: pt", "locale: pt_BR",
                "permalink: /pt/2025/06/12/heat-shift/", "tags: [armazéns, calor]").doesNotContain(RU_TITLE, "lang: ru", "locale: ru_RU", "/ru/2025");
        for (String row : PT_ROWS) assertThat(pt).contains(row);

        // every link line titled with the linked version's title
        String ruUrl = "https://example.org/ru/2025/06/12/heat-shift/";
        String enUrl = "https://example.org/en/2025/06/12/heat-shift/";
        String ptUrl = "https://example.org/pt/2025/06/12/heat-shift/";
        assertThat(body(ru)).contains("[" + EN_TITLE + "](" + enUrl + ")", "[" + PT_TITLE + "](" + ptUrl + ")");
        assertThat(body(en)).contains("[" + RU_TITLE + "](" + ruUrl + ")", "[" + PT_TITLE + "](" + ptUrl + ")");
        assertThat(body(pt)).contains("[" + EN_TITLE + "](" + enUrl + ")", "[" + RU_TITLE + "](" + ruUrl + ")");
        // no Cyrillic in the pt post but the ru version's title in the link line to it
        assertThat(pt.replace("[" + RU_TITLE + "](" + ruUrl + ")", "")).as("no Cyrillic in the pt post")
                .doesNotContainPattern("\\p{IsCyrillic}");
        for (String post : List.of(ru, en, pt)) {
            for (String line : body(post).split("\n")) {
                if (!line.startsWith("[")) continue;
                if (line.contains(ruUrl)) assertThat(line).startsWith("[" + RU_TITLE + "]");
                if (line.contains(enUrl)) assertThat(line).startsWith("[" + EN_TITLE + "]");
                if (line.contains(ptUrl)) assertThat(line).startsWith("[" + PT_TITLE + "]");
            }
        }
    }

    private static String frontMatter(String post) {
        assertThat(post).startsWith("---\n");
        return post.substring(0, post.indexOf("\n---\n", 4) + 1);
    }

    private static String body(String post) {
        return post.substring(post.indexOf("\n---\n", 4) + 5);
    }
}
