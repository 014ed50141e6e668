package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.cli.CliTestSupport;
import org.diptych.formats.Posts;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.Services;
import org.diptych.ui.UiPrefs;

/** After a replace the window offers File → Undo replace; clicking it brings the reviewed version back. */
@ExtendWith(FxApp.class)
class UndoReplaceUiTest {
    static final String ID = "2018-07-02-pension-age";
    @TempDir
    Path tmp;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) {
        prefs = FxFixtures.freshPrefs();
        // the real importer (its replace re-aligns with the real aligner); the desk's aligner is a stand-in
        window = new MainWindow(stage, prefs, new Services(Services.standard().importer(), FxFixtures.positionalAligner(0)),
                Clock.systemUTC());
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    @Test
    void undoReplaceFromTheFileMenuRestoresTheConfirmedAlignment(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("proj");
        assertThat(CliTestSupport.run("new", dir.toString(), "--languages", "ru,en").code()).isZero();
        Path ru = Files.writeString(tmp.resolve("ru.md"), Posts.RU, StandardCharsets.UTF_8);
        Path en = Files.writeString(tmp.resolve("en.md"), Posts.EN, StandardCharsets.UTF_8);
        assertThat(CliTestSupport.run("import", "--project", dir.toString(), "--statement", ID, ru.toString()).code()).isZero();
        assertThat(CliTestSupport.run("import", "--project", dir.toString(), "--statement", ID, en.toString()).code()).isZero();
        assertThat(CliTestSupport.run("align", "--project", dir.toString(), "--statement", ID, "--source-lang", "ru",
                "--target-lang", "en", "--no-tm").code()).isZero();
        Alignment reviewed;
        try (Project p = Project.open(dir, true)) {
            Alignment al = p.loadAlignment(ID, "ru", "en").orElseThrow();
            List<Bead> all = new ArrayList<>();
            for (Bead b : al.beads()) all.add(b.withStatus(BeadStatus.CONFIRMED, "lead", Instant.EPOCH));
            reviewed = al.withBeads(all);
            p.saveAlignment(reviewed);
        }
        Path corrected = Files.writeString(tmp.resolve("en-corrected.md"), Posts.EN
                .replace("- Hold a nationwide referendum, e.g. in September.\n", "")
                .replace("Index pensions at least in line with inflation.", "Index pensions at least in line with prices."),
                StandardCharsets.UTF_8);

        robot.interact(() -> window.openProject(dir));
        robot.interact(() -> window.importFiles(List.of(corrected), ID, "en", true));
        // two confirmed beads lose their paragraphs: asked first, in the window's language
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-review-lost").tryQuery().isPresent());
        robot.clickOn("OK");
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().contains("Undo replace"));
        assertThat(FxFixtures.stored(dir, ID, "ru", "en").beads()).isNotEqualTo(reviewed.beads());

        robot.clickOn("#menu-file").clickOn("#menu-undoReplace");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Replace undone"));
        assertThat(status.getText()).contains("en version of " + ID);
        // the alignment as reviewed: every bead confirmed by its reviewer; the original file is the old one again
        assertThat(FxFixtures.stored(dir, ID, "ru", "en").beads()).isEqualTo(reviewed.beads());
        assertThat(dir.resolve("statements/" + ID + "/en/en.md")).exists();
        assertThat(dir.resolve("statements/" + ID + "/en/en-corrected.md")).doesNotExist();

        // nothing left to undo: the menu item is off
        robot.clickOn("#menu-file");
        WaitForAsyncUtils.waitForFxEvents();
        var bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var item = bar.getMenus().get(0).getItems().stream().filter(i -> "menu-undoReplace".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.isDisable()).isTrue();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
