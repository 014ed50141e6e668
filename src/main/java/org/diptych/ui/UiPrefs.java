package org.diptych.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.diptych.platform.FilePreferences;
import org.diptych.platform.Locations;

/**
 * The user's settings, kept with {@link java.util.prefs.Preferences}: recent projects, reviewer name,
 * interface language, doubtful threshold, whether Diptych started before, the window's geometry
 * ({@link WindowMemory}). {@link #user()} keeps them in {@code settings.properties} in the OS's config folder.
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

    /** The settings file in a config folder. */
    public static final String FILE = "settings.properties";
    private static final String STARTED = "started";

    /** The current user's settings, in the config folder of {@link Locations#user()}. */
    public static UiPrefs user() {
        return user(Locations.user());
    }

    /**
     * The settings in {@code loc.config()}. The first time, those an earlier version kept in the JDK's
     * preferences store are copied over (the old store is left as it was).
     */
    public static UiPrefs user(Locations loc) {
        Path file = loc.config().resolve(FILE);
        boolean fresh = !Files.exists(file);
        FilePreferences root = FilePreferences.open(file);
        if (fresh && !Boolean.getBoolean("diptych.noLegacyPrefs")) {
            try {
                if (Preferences.userRoot().nodeExists("org/diptych/ui")) {
                    FilePreferences.copy(Preferences.userRoot().node("org/diptych/ui"), root);
                    root.flush();
                }
            } catch (BackingStoreException | RuntimeException e) {
                // the old settings are unreadable: start from defaults
            }
        }
        return new UiPrefs(root);
    }

    /** Whether Diptych never started before for this user (nothing recorded by {@link #markStarted()}). */
    public boolean firstStart() {
        return !node.getBoolean(STARTED, false);
    }

    public void markStarted() {
        node.putBoolean(STARTED, true);
        flush();
    }

    /** Replaces each recent project with {@code relocate}'s answer (projects moved by a migration). */
    public void relocateRecent(java.util.function.UnaryOperator<Path> relocate) {
        List<Path> r = new ArrayList<>();
        for (Path p : recentProjects()) {
            Path n = relocate.apply(p).toAbsolutePath().normalize();
            if (!r.contains(n)) r.add(n);
        }
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < r.size()) node.put(RECENT + i, r.get(i).toString());
            else node.remove(RECENT + i);
        }
        flush();
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

    /** Whether the translation editor and QA check spelling and grammar (on unless turned off in Preferences). */
    public boolean spellCheck() {
        return node.getBoolean("spellCheck", true);
    }

    public void setSpellCheck(boolean on) {
        node.putBoolean("spellCheck", on);
        flush();
    }

    public double doubtfulThreshold() {
        return node.getDouble("threshold", 0.6);
    }

    public void setDoubtfulThreshold(double t) {
        node.putDouble("threshold", t);
        flush();
    }

    void flush() {
        try {
            node.flush();
        } catch (BackingStoreException ignored) {
            // settings are a convenience: an unwritable store keeps them for this session only
        }
    }
}
