package org.diptych.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The interface texts in the user's language ({@code org/diptych/ui/messages*.properties}, UTF-8). */
public final class I18n {
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.bundle = ResourceBundle.getBundle("org.diptych.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, formatted with {@code args} when given. */
    public String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s : new MessageFormat(s, bundle.getLocale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * Names the standard buttons of a dialog (OK, Cancel, Close, Yes, No, Apply) in this language: JavaFX
     * names them in the language of the platform at start-up, and has no Russian at all.
     */
    public void translateButtons(javafx.scene.control.DialogPane pane) {
        for (javafx.scene.control.ButtonType bt : pane.getButtonTypes()) {
            String key = buttonKey(bt);
            if (key == null || !has(key)) continue;
            javafx.scene.Node n = pane.lookupButton(bt);
            if (n instanceof javafx.scene.control.Button b) b.setText(t(key));
        }
    }

    /** The message key of a standard button type, or null for a button type of the application's own. */
    static String buttonKey(javafx.scene.control.ButtonType bt) {
        if (bt == javafx.scene.control.ButtonType.OK) return "button.ok";
        if (bt == javafx.scene.control.ButtonType.CANCEL) return "button.cancel";
        if (bt == javafx.scene.control.ButtonType.CLOSE) return "button.close";
        if (bt == javafx.scene.control.ButtonType.YES) return "button.yes";
        if (bt == javafx.scene.control.ButtonType.NO) return "button.no";
        if (bt == javafx.scene.control.ButtonType.APPLY) return "button.apply";
        return null;
    }

    private static java.util.function.Supplier<I18n> dialogLanguage;

    /**
     * From now on, every dialog of the application gets its standard buttons named in the language
     * {@code current} gives at the moment it opens (the interface language can change while it runs; the
     * last window to call this wins). Call on the FX thread.
     */
    public static void translateDialogButtons(java.util.function.Supplier<I18n> current) {
        boolean first = dialogLanguage == null;
        dialogLanguage = current;
        if (!first) return;
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                if (!c.wasAdded()) continue;
                for (javafx.stage.Window w : c.getAddedSubList()) {
                    if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane) {
                        I18n i18n = dialogLanguage.get();
                        if (i18n != null) i18n.translateButtons(pane);
                    }
                }
            }
        });
    }
}
