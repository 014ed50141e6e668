package org.diptych.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The user's settings, kept with {@link java.util.prefs.Preferences}: recent projects, reviewer name,
 * interface language, doubtful threshold.
 */
public final class UiPrefs {
    /** Interface languages offered; the empty tag means "as the system". */
    public static final List<String> LANGUAGES = List.of("", "en", "ru", "pt");
    public static final int RECENT_MAX = 8;

    private static final String RECENT = "recent.";
    private final Preferences node;

    public UiPrefs(Preferences node) {
        this.node = node;
    }

    /** The current user's settings. */
    public static UiPrefs user() {
        return new UiPrefs(Preferences.userRoot().node("org/diptych/ui"));
    }

    public Preferences node() {
        return node;
    }

    /** Recent projects, most recent first. */
    public List<Path> recentProjects() {
        List<Path> r = new ArrayList<>();
        for (int i = 0; i < RECENT_MAX; i++) {
            String s = node.get(RECENT + i, null);
            if (s != null) r.add(Path.of(s));
        }
        return r;
    }

    /** Puts a project at the top of the recent list. */
    public void addRecent(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> r = new ArrayList<>(recentProjects());
        r.remove(abs);
        r.add(0, abs);
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < r.size()) node.put(RECENT + i, r.get(i).toString());
            else node.remove(RECENT + i);
        }
        flush();
    }

    public String reviewer() {
        return node.get("reviewer", "");
    }

    public void setReviewer(String name) {
        node.put("reviewer", name == null ? "" : name.strip());
        flush();
    }

    /** The interface language tag chosen by the user ("" = system). */
    public String language() {
        return node.get("language", "");
    }

    public void setLanguage(String tag) {
        node.put("language", tag == null ? "" : tag);
        flush();
    }

    /** The locale of the interface: the chosen language, or the system's. */
    public Locale locale() {
        String l = language();
        return l.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(l);
    }

    public double doubtfulThreshold() {
        return node.getDouble("threshold", 0.6);
    }

    public void setDoubtfulThreshold(double t) {
        node.putDouble("threshold", t);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException ignored) {
            // settings are a convenience: an unwritable store keeps them for this session only
        }
    }
}
