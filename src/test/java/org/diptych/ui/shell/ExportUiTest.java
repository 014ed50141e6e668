package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.project.Manifest;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.project.ProjectCopy;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.Services;
import org.diptych.ui.UiPrefs;

/** The GUI of issue 7: the site profiles dialog, the export dialog and its summary, driven by clicks. */
@ExtendWith(FxApp.class)
class ExportUiTest {
    static final String STATEMENT = "2025-03-08-equal-pay";

    @TempDir
    Path tmp;
    UiPrefs prefs;
    MainWindow window;
    final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, new Services(FxFixtures.textImporter(), FxFixtures.positionalAligner(0)),
                Clock.systemUTC());
        window.setFolderOpener(opened::add);
        window.setFileBrowserCheck(() -> true);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    /** A copy of the bundled sample project (never the original), opened in the window. */
    private Path openDemo(FxRobot robot) {
        Path dir = ProjectCopy.installIfAbsent(Path.of("sample-projects/demo"), tmp.resolve("demo"));
        robot.interact(() -> window.openProject(dir));
        assertThat(window.project()).isNotNull();
        return dir;
    }

    private static Manifest onDisk(Path dir) throws Exception {
        return Project.json().readValue(dir.resolve(Project.MANIFEST).toFile(), Manifest.class);
    }

    @Test
    void siteProfileIsValidatedInlineAndSavedWithEveryLanguageEdited(FxRobot robot) throws Exception {
        Path dir = openDemo(robot);
        Manifest before = onDisk(dir);
        Platform.runLater(window::siteProfilesDialog);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#site-dialog").tryQuery()).isPresent();

        FxFixtures.choose(robot, "#site-lang", "en");
        assertThat(robot.lookup("#site-url").queryAs(TextField.class).getText()).isEqualTo("/statements/:year/:month/:day/:slug");
        FxFixtures.type(robot, "#site-url", "https://example.org/en/:year/:mnth/:slug");
        // an edit of another language is kept while the bad one is being fixed
        FxFixtures.choose(robot, "#site-lang", "pt");
        FxFixtures.choose(robot, "#site-style", "none");
        robot.clickOn("#site-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#site-dialog").tryQuery()).as("dialog stays open").isPresent();
        assertThat(robot.lookup("#site-error").queryAs(Label.class).getText()).isEqualTo(
                "site profile en: url pattern 'https://example.org/en/:year/:mnth/:slug': unknown placeholder ':mnth'"
                        + " (use :year, :month, :day, :slug)");
        assertThat(robot.lookup("#site-lang").queryAs(ComboBox.class).getValue()).as("shows the faulty language").isEqualTo("en");
        assertThat(robot.lookup("#site-url").queryAs(TextField.class).getText()).isEqualTo("https://example.org/en/:year/:mnth/:slug");
        assertThat(onDisk(dir)).as("nothing written").isEqualTo(before);

        FxFixtures.type(robot, "#site-url", "https://example.org/en/:year/:month/:day/:slug");
        FxFixtures.type(robot, "#site-path", "site/en/_posts/:year-:month-:day-:slug.md");
        FxFixtures.choose(robot, "#site-style", "front-matter");
        robot.clickOn("#site-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#site-dialog").tryQuery()).isEmpty();
        Manifest after = onDisk(dir);
        assertThat(after.sites().get("en")).isEqualTo(new SiteProfile("https://example.org/en/:year/:month/:day/:slug",
                "site/en/_posts/:year-:month-:day-:slug.md", "front-matter"));
        assertThat(after.sites().get("pt")).isEqualTo(new SiteProfile(before.sites().get("pt").urlPattern(),
                before.sites().get("pt").pathPattern(), "none"));
        assertThat(after.sites().get("ru")).isEqualTo(before.sites().get("ru"));
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.languages()).isEqualTo(before.languages());
        assertThat(window.project().manifest()).isEqualTo(after);
    }

    /** Opens the export dialog of the selected statement, fills it by clicks and waits for the summary. */
    private DialogPane export(FxRobot robot, Path out, String pair, boolean bundle) throws Exception {
        Platform.runLater(window::exportDialog);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-dialog").tryQuery()).isPresent();
        FxFixtures.type(robot, "#export-folder", out.toString());
        if (pair != null) FxFixtures.choose(robot, "#export-pair", pair);
        // the preview names where each version of the pair (or of all) goes
        int versions = pair == null ? window.project().versionLanguages(STATEMENT).size() : 2;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-destinations").queryLabeled().getText()
                .chars().filter(c -> c == '→').count() == versions);
        if (bundle) robot.clickOn("#export-bundle");
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#export-summary").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#export-summary").queryAs(DialogPane.class);
    }

    private static void closeSummary(FxRobot robot, DialogPane summary) {
        robot.clickOn(summary.lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportsPostsAndShowsTheLinkCheck(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> window.selectInTree(STATEMENT, null));
        Path out = tmp.resolve("site");

        // only the ru-en pair: both link to the pt post, which this export did not write; it is a post of the
        // project, so the links resolve through the pt site profile and are listed as not in the folder yet
        DialogPane summary = export(robot, out, "ru-en", false);
        assertThat(robot.lookup("#export-links").queryAs(Label.class).getText()).isEqualTo("Link check: all 4 link(s) ok.");
        String details = robot.lookup("#export-details").queryAs(TextArea.class).getText();
        assertThat(details).doesNotContain("Broken links:").contains("Links to posts of the project not in the folder yet",
                "/pt/declaracoes/2025/03/08/equal-pay → pt/_posts/2025-03-08-equal-pay.md",
                "en/_posts/2025-03-08-equal-pay.md → /statements/2025/03/08/equal-pay");
        assertThat(out.resolve("pt")).doesNotExist();
        closeSummary(robot, summary);

        summary = export(robot, out, null, false);
        assertThat(robot.lookup("#export-links").queryAs(Label.class).getText()).isEqualTo("Link check: all 6 link(s) ok.");
        assertThat(robot.lookup("#export-details").queryAs(TextArea.class).getText()).doesNotContain("Broken links:")
                .contains("pt/_posts/2025-03-08-equal-pay.md → /pt/declaracoes/2025/03/08/equal-pay");
        robot.clickOn("#export-open-folder");
        assertThat(opened).containsExactly(out.toAbsolutePath().normalize());
        assertThat(robot.lookup("#export-open-result").queryLabeled().getText()).isEmpty();
        // where no file browser is registered: the path goes to the clipboard, and one line says so
        window.setFileBrowserCheck(() -> false);
        robot.clickOn("#export-open-folder");
        assertThat(opened).hasSize(1);
        assertThat(robot.lookup("#export-open-result").queryLabeled().getText()).isEqualTo(
                "no file browser is registered on this system: the folder path is copied to the clipboard (" + out.toAbsolutePath().normalize() + ")");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(out.toAbsolutePath().normalize().toString());
        closeSummary(robot, summary);

        String en = Files.readString(out.resolve("en/_posts/2025-03-08-equal-pay.md"), StandardCharsets.UTF_8);
        String body = en.substring(en.indexOf("\n---\n", 4) + 5).stripLeading();
        assertThat(body).startsWith("[Равная оплата — не подарок к 8 Марта](/ru/statements/2025/03/08/equal-pay)");
        assertThat(en).startsWith("---\ntitle: \"Equal pay is not a gift for 8 March\"\n");
        assertThat(out.resolve("ru/_posts/2025-03-08-equal-pay.md")).isRegularFile();
        assertThat(out.resolve("pt/_posts/2025-03-08-equal-pay.md")).isRegularFile();
    }

    @Test
    void bundleExportWritesTheZip(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> window.selectInTree(STATEMENT, "en"));
        Path out = tmp.resolve("bundles");
        DialogPane summary = export(robot, out, "ru-en", true);
        Path zip = out.resolve(STATEMENT + ".ru-en.zip");
        assertThat(zip).isRegularFile();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(e -> e.getName()).toList())
                    .contains(STATEMENT + ".ru-en/side-by-side.html", STATEMENT + ".ru-en/manifest.json",
                            STATEMENT + ".ru-en/" + STATEMENT + ".ru-en.tmx", STATEMENT + ".ru-en/en/" + STATEMENT + ".md");
        }
        assertThat(robot.lookup("#export-details").queryAs(TextArea.class).getText()).contains(STATEMENT + ".ru-en.zip");
        assertThat(out.resolve("en")).as("a bundle export writes no loose posts").doesNotExist();
        closeSummary(robot, summary);
    }
}
