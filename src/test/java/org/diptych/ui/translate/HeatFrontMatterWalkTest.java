package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.diptych.export.ExportOptions;
import org.diptych.translate.BlockMarkup;
import org.diptych.translate.Demo;
import org.diptych.translate.TranslationSession;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The heat walk: the demo's heat statement (ru, pt) gets a translation into en started in the window; its
 * title is translated in the front-matter pane (typed, Enter, confirmed), its rows written and confirmed;
 * all three posts are exported, each with its own front matter, the ru and pt posts linking to the en one
 * under the en title.
 */
@ExtendWith(FxApp.class)
class HeatFrontMatterWalkTest {
    static final String EN_TITLE = "Heat in the shops: what we demand this summer";

    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-heat-walk");
        dir = Demo.copy(tmp.resolve("demo"));
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.openWindow(stage, prefs, dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    @Test
    void aTranslationStartedInTheWindowIsExportedWithItsOwnFrontMatterAndTitleInEveryLinkLine(FxRobot robot) throws Exception {
        TranslatePanel panel = window.translatePanel();
        robot.interact(() -> panel.startTranslation(Demo.HEAT, "en"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.desk().viewModel() != null
                && "en".equals(window.desk().viewModel().targetLang()) && panel.session() != null
                && robot.lookup("#fm-title").tryQuery().isPresent());
        TitledPane pane = robot.lookup("#tr-front-matter").queryAs(TitledPane.class);
        // expanded at once (no animation), so that the click below lands on the title field, not where it slides from
        robot.interact(() -> {
            pane.setAnimated(false);
            pane.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TranslationSession s = panel.session();
        assertThat(s.state().target().frontMatter().get("lang")).isEqualTo("en");
        assertThat(robot.lookup("#fm-status-title").queryLabeled().getText()).isEqualTo("untranslated");

        TextField title = robot.lookup("#fm-title").queryAs(TextField.class);
        robot.clickOn(title);
        robot.interact(() -> {
            title.requestFocus();
            title.selectAll();
        });
        robot.write(EN_TITLE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> EN_TITLE.equals(s.state().target().title()));
        assertThat(s.state().target().title()).isEqualTo(EN_TITLE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#fm-confirm-title").tryQuery().isPresent());
        robot.clickOn("#fm-confirm-title");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fm-status-title").queryLabeled().getText()).isEqualTo("translated");

        // the rows: each written (numbers and links kept, as QA wants) and confirmed
        robot.interact(() -> {
            for (int i = 0; i < s.beads().size(); i++) {
                if (s.beads().get(i).source().isEmpty()) continue;
                s.setTarget(i, "EN: " + BlockMarkup.body(s.sourceMarkup(i)));
                s.confirm(i, false);
            }
        });
        panel.flush();
        Path out = tmp.resolve("site");
        robot.interact(() -> window.export(ExportOptions.posts(Demo.HEAT, out)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#export-summary").tryQuery().isPresent());

        String en = Files.readString(out.resolve("en/_posts/2024-07-19-heat.md"), StandardCharsets.UTF_8);
        String ru = Files.readString(out.resolve("ru/_posts/2024-07-19-heat.md"), StandardCharsets.UTF_8);
        String pt = Files.readString(out.resolve("pt/_posts/2024-07-19-heat.md"), StandardCharsets.UTF_8);
        assertThat(en).startsWith("---\ntitle: \"" + EN_TITLE + "\"\n").contains("\nlang: en\n---\n");
        assertThat(ru).startsWith("---\ntitle: \"Жара в цехах: чего мы требуем этим летом\"\n").contains("\nlang: ru\n")
                .contains("[" + EN_TITLE + "](/statements/2024/07/19/heat)");
        assertThat(pt).contains("[" + EN_TITLE + "](/statements/2024/07/19/heat)")
                .contains("[Жара в цехах: чего мы требуем этим летом](/ru/statements/2024/07/19/heat)");
        assertThat(en).contains("[Жара в цехах: чего мы требуем этим летом](/ru/statements/2024/07/19/heat)")
                .contains("[Calor nas fábricas russas: o que exigimos neste verão](/pt/declaracoes/2024/07/19/heat)");
    }
}
