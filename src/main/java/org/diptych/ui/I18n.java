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
}
