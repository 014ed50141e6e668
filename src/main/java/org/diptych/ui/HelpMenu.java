package org.diptych.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diptych.platform.AppInfo;

/**
 * The Help menu: About (version, system, the bundled libraries and their licences), Open log folder, Open
 * sample project. Its texts are in {@code help{,_ru,_pt}.properties}.
 *
 * @param owner        the main window
 * @param logFolder    the log folder
 * @param folderOpener opens a folder in the desktop's file manager
 * @param openSample   opens (the user's copy of) the bundled sample, or null if this build has none
 */
public record HelpMenu(Supplier<Window> owner, Path logFolder, Consumer<Path> folderOpener, Runnable openSample) {
    /** The texts of this menu and of the crash dialog in {@code locale}. */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("org.diptych.ui.help", locale);
    }

    /** The menu in the interface language of {@code i18n}. */
    public Menu build(I18n i18n) {
        ResourceBundle t = texts(i18n.locale());
        Menu help = new Menu(t.getString("menu.help"));
        help.setId("menu-help");
        MenuItem sample = new MenuItem(t.getString("menu.openSample"));
        sample.setId("menu-openSample");
        sample.setDisable(openSample == null);
        sample.setOnAction(e -> openSample.run());
        MenuItem logs = new MenuItem(t.getString("menu.openLogFolder"));
        logs.setId("menu-openLogFolder");
        logs.setOnAction(e -> folderOpener.accept(logFolder));
        MenuItem about = new MenuItem(t.getString("menu.about"));
        about.setId("menu-about");
        about.setOnAction(e -> about(t));
        help.getItems().addAll(sample, logs, about);
        return help;
    }

    private void about(ResourceBundle t) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        a.setTitle(t.getString("about.title"));
        a.setHeaderText("Diptych " + AppInfo.version());
        Label intro = new Label(MessageFormat.format(t.getString("about.text"), AppInfo.environment(), logFolder));
        intro.setWrapText(true);
        TextArea licences = new TextArea(AppInfo.licences());
        licences.setId("about-licences");
        licences.setEditable(false);
        licences.setPrefColumnCount(100);
        licences.setPrefRowCount(18);
        licences.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(new VBox(8, intro, licences));
        a.getDialogPane().setId("about-dialog");
        a.setResizable(true);
        Window w = owner.get();
        if (w != null && w.isShowing()) a.initOwner(w);
        a.showAndWait();
    }
}
