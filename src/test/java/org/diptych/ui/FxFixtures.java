package org.diptych.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;

/** Helpers for the GUI tests: private preferences, fake services, PNG snapshots. */
public final class FxFixtures {
    private FxFixtures() {}

    /** Preferences in a fresh node of their own, so that tests never touch the user's. */
    public static UiPrefs freshPrefs() {
        // in a settings file of its own (as the app keeps them), never the developer's JDK preferences store,
        // which every test JVM on the machine shares
        Path file;
        try {
            file = java.nio.file.Files.createTempDirectory("diptych-prefs").resolve("settings.properties");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        UiPrefs p = new UiPrefs(org.diptych.platform.FilePreferences.open(file).node("test-" + UUID.randomUUID()));
        p.setLanguage("en");
        p.setReviewer("Tester");
        // LanguageTool takes seconds of CPU per language to load: only the tests of spell checking turn it on
        p.setSpellCheck(false);
        return p;
    }

    public static void dispose(UiPrefs prefs) {
        try {
            Preferences root = prefs.node().parent();
            prefs.node().removeNode();
            if (root instanceof org.diptych.platform.FilePreferences f) {
                java.nio.file.Files.deleteIfExists(f.file());
                java.nio.file.Files.deleteIfExists(f.file().getParent());
            }
        } catch (BackingStoreException | IllegalStateException | java.io.IOException ignored) {
            // already gone
        }
    }

    /**
     * The main window of most translation tests: the stand-in importer and aligner, the system clock, shown on
     * {@code stage} with the project in {@code dir} open. Call on the FX thread (a {@code @Start} method).
     */
    public static org.diptych.ui.shell.MainWindow openWindow(javafx.stage.Stage stage, UiPrefs prefs, Path dir) {
        var window = showWindow(stage, prefs);
        window.openProject(dir);
        return window;
    }

    /** The same main window, shown with no project open. Call on the FX thread. */
    public static org.diptych.ui.shell.MainWindow showWindow(javafx.stage.Stage stage, UiPrefs prefs) {
        var window = new org.diptych.ui.shell.MainWindow(stage, prefs, new Services(textImporter(), positionalAligner(0)),
                java.time.Clock.systemUTC());
        stage.show();
        return window;
    }

    /**
     * Puts one unit into a project's TM through a TMX file written in {@code tmpDir} (as a team's earlier work
     * would come): {@code src} in {@code srcLang}, {@code tgt} in {@code tgtLang}, by {@code creator} on
     * {@code date} (TMX form, {@code 20240601T120000Z}).
     */
    public static void seedTm(Project p, Path tmpDir, String srcLang, String tgtLang, String creator, String date,
                              String src, String tgt) throws IOException {
        Path tmx = Files.createTempFile(tmpDir, "seed", ".tmx");
        Files.writeString(tmx, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="paragraph"
                  o-tmf="none" adminlang="en" srclang="%s" datatype="plaintext"/>
                <body>
                <tu creationid="%s" creationdate="%s">
                  <tuv xml:lang="%s"><seg>%s</seg></tuv>
                  <tuv xml:lang="%s"><seg>%s</seg></tuv>
                </tu>
                </body></tmx>
                """.formatted(srcLang, xml(creator), date, srcLang, xml(src), tgtLang, xml(tgt)), StandardCharsets.UTF_8);
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(p.tmDir())) {
            tm.importTmx(tmx, org.diptych.Progress.NONE);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A stand-in importer: a UTF-8 text file whose blank lines separate paragraphs becomes a version in
     * the language given (or "en"). Refuses an existing language without {@code replace}.
     */
    public static ImportService textImporter() {
        return (project, statementId, file, lang, replace, progress) -> {
            String l = lang == null ? "en" : lang;
            if (!replace && project.loadVersion(statementId, l).isPresent()) {
                throw new DiptychException(file + ": statement " + statementId + " already has a " + l + " version");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")");
            }
            List<Paragraph> ps = new ArrayList<>();
            for (String block : new String(bytes, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                if (!block.isBlank()) ps.add(Paragraph.plain("p" + (ps.size() + 1), block.strip()));
            }
            project.saveVersion(statementId, new DocumentVersion(l, file.getFileName().toString(), "text", "UTF-8",
                    null, ps), bytes);
            return "imported " + file.getFileName() + " as " + l;
        };
    }

    /**
     * A stand-in aligner: keeps the confirmed beads of {@code previous} and pairs the paragraphs between
     * them one to one (leftovers alone), confidence 0.5; reports progress per bead and honours cancel.
     */
    public static Realigner positionalAligner(long millisPerBead) {
        return (project, id, source, target, previous, progress) -> {
            List<Bead> out = new ArrayList<>();
            List<String> s = source.paragraphs().stream().map(Paragraph::id).toList();
            List<String> t = target.paragraphs().stream().map(Paragraph::id).toList();
            int si = 0, ti = 0;
            List<Bead> anchors = previous == null ? List.of()
                    : previous.beads().stream().filter(b -> b.status() == BeadStatus.CONFIRMED).toList();
            int total = s.size() + t.size();
            for (int k = 0; k <= anchors.size(); k++) {
                Bead anchor = k < anchors.size() ? anchors.get(k) : null;
                int sEnd = anchor == null ? s.size() : s.indexOf(anchor.source().isEmpty() ? null : anchor.source().get(0));
                int tEnd = anchor == null ? t.size() : t.indexOf(anchor.target().isEmpty() ? null : anchor.target().get(0));
                if (anchor != null && anchor.source().isEmpty()) sEnd = si;
                if (anchor != null && anchor.target().isEmpty()) tEnd = ti;
                while (si < sEnd || ti < tEnd) {
                    progress.checkCancelled();
                    progress.update(si + ti, total, null);
                    sleep(millisPerBead);
                    List<String> bs = si < sEnd ? List.of(s.get(si++)) : List.of();
                    List<String> bt = ti < tEnd ? List.of(t.get(ti++)) : List.of();
                    out.add(Bead.auto(bs, bt, 0.5));
                }
                if (anchor != null) {
                    out.add(anchor);
                    si += anchor.source().size();
                    ti += anchor.target().size();
                }
            }
            return new Alignment(id, source.lang(), target.lang(), out, java.time.Instant.now());
        };
    }

    private static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves a snapshot of a scene as PNG (call on the FX thread). */
    public static void savePng(Scene scene, Path file) throws IOException {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) bi.setRGB(x, y, r.getArgb(x, y));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(bi, "png", file.toFile());
    }

    /** Deletes a temporary folder and everything in it. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    /** Reads the stored alignment of a pair without locking the project. */
    public static Alignment stored(Path dir, String statement, String src, String tgt) {
        return Project.open(dir, false).loadAlignment(statement, src, tgt).orElseThrow();
    }

    /** Picks {@code value} in the combo box {@code comboId} by clicking it and its list cell, as a user does. */
    public static void choose(org.testfx.api.FxRobot robot, String comboId, String value) {
        robot.clickOn(comboId);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> value.equals(c.getText())).queryAs(javafx.scene.Node.class));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.assertj.core.api.Assertions.assertThat(robot.lookup(comboId).queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo(value);
    }

    /** Replaces the text of the field {@code fieldId} by typing (select all, delete, write). */
    public static void type(org.testfx.api.FxRobot robot, String fieldId, String text) {
        robot.clickOn(fieldId);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        robot.push(javafx.scene.input.KeyCode.BACK_SPACE);
        write(robot, text);
        org.assertj.core.api.Assertions.assertThat(robot.lookup(fieldId).queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(text);
    }

    /**
     * Types {@code text} into the focused control with the very key events {@code FxRobot.write} fires
     * (pressed, typed, released per character, in order on the FX thread), but waits for the FX events once
     * at the end instead of after every character: TestFX waits about 50 ms per character (five
     * semaphore rounds with 10 ms sleeps), which made typing most of the GUI suite's time.
     */
    public static void write(org.testfx.api.FxRobot robot, String text) {
        var finder = robot.robotContext().getWindowFinder();
        javafx.stage.Window window = finder.window(javafx.stage.Window::isFocused);
        if (window == null) window = finder.targetWindow();
        if (window == null) window = finder.window(0);
        Scene scene = window.getScene();
        var base = robot.robotContext().getBaseRobot();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            javafx.scene.input.KeyCode key = c == '\n' ? javafx.scene.input.KeyCode.ENTER
                    : c == '\t' ? javafx.scene.input.KeyCode.TAB : javafx.scene.input.KeyCode.UNDEFINED;
            base.typeKeyboard(scene, key, Character.toString(c));
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
