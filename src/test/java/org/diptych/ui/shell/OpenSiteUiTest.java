package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.project.Project;
import org.diptych.ui.FileChoosers;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;

/** File → Open site…: the preview of the plan, then Import, driven by clicks. */
@ExtendWith(FxApp.class)
class OpenSiteUiTest {
    @TempDir
    Path tmp;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) {
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.showWindow(stage, prefs);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    private static void write(Path f, String s) throws Exception {
        Files.createDirectories(f.getParent());
        Files.writeString(f, s);
    }

    @Test
    void previewThenImport(FxRobot robot) throws Exception {
        Path site = tmp.resolve("site");
        write(site.resolve("_config.yml"), "url: https://s.example.org\nlang: ru\n");
        write(site.resolve("_posts/2020-01-02-zov.md"), "---\ntitle: Зов\n---\n\n[English](/en/2020/01/02/zov.html)\n\n"
                + "Мы зовём всех на собрание профсоюза в субботу.\n");
        write(site.resolve("en/_posts/2020-01-02-zov.md"), "---\ntitle: The call\n---\n\n[Русский](/2020/01/02/zov.html)\n\n"
                + "We call everyone to the union meeting on Saturday.\n");
        write(site.resolve("_drafts/2020-03-03-x.md"), "---\ntitle: x\n---\n\nНе готово.\n");
        Path dir = tmp.resolve("project");
        Project.create(dir, "t", List.of("ru", "en")).close();
        robot.interact(() -> {
            window.openProject(dir);
            window.setFileChoosers(new FileChoosers() {
                @Override
                public Path folder(Window owner, String title, Path initial) {
                    return site;
                }

                @Override
                public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                    return List.of();
                }
            });
        });
        robot.clickOn("#menu-file").clickOn("#menu-openSite");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#site-preview").tryQuery().isPresent());
        String preview = robot.lookup("#site-preview").queryAs(TextArea.class).getText();
        assertThat(preview).contains("1 statements, 1 with translations", "drafts", "en: url /en/:year/:month/:day/:slug.html");
        assertThat(Files.exists(dir.resolve("statements/2020-01-02-zov"))).isFalse();
        // under load the dialog may show its preview before its button bar is laid out
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#site-import").tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        robot.clickOn("#site-import");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> Files.isRegularFile(dir.resolve("statements/2020-01-02-zov/align.ru-en.json")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#task-cancel").tryQuery().map(n -> !n.getParent().isVisible()).orElse(true));
    }
}
