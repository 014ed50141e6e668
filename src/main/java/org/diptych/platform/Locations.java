package org.diptych.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import dev.dirs.ProjectDirectories;
import dev.dirs.UserDirectories;

/**
 * Where Diptych keeps its files on this computer, by the conventions of each OS, from the dirs-dev library
 * ({@code dev.dirs:directories}): settings in the config folder ({@code $XDG_CONFIG_HOME/diptych},
 * {@code %APPDATA%\Diptych\config}, {@code ~/Library/Application Support/org.Diptych.Diptych}), logs and crash
 * reports in the local data folder ({@code $XDG_DATA_HOME/diptych/logs}, {@code %LOCALAPPDATA%\Diptych\data\logs},
 * {@code ~/Library/Application Support/org.Diptych.Diptych/logs}: dirs-dev 26 has no state folder), and the
 * user's projects (the sample's copy, new projects by default) in {@code <Documents>/Diptych}.
 *
 * @param home      the user's home folder
 * @param config    settings and recent projects
 * @param logs      rolling log and crash reports
 * @param documents the folder for the user's projects
 */
public record Locations(Path home, Path config, Path logs, Path documents) {
    /** System property that puts every location under one folder (tests, portable use). */
    public static final String ROOT_PROPERTY = "diptych.root";

    public Locations {
        Objects.requireNonNull(home);
        Objects.requireNonNull(config);
        Objects.requireNonNull(logs);
        Objects.requireNonNull(documents);
    }

    /** The folder Diptych used before these locations: {@code ~/Diptych}. */
    public Path legacy() {
        return home.resolve("Diptych");
    }

    /**
     * The locations of the current user (or all under {@code -Ddiptych.root=DIR}). The OS's are found once per
     * home and kept: on Linux finding the documents folder starts {@code xdg-user-dir} processes, and a start of
     * the window asked three times (logback's log folder, the start, the TM).
     */
    public static Locations user() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) return under(Path.of(root));
        honourHomeVariable();
        String home = System.getProperty("user.home");
        Found f = found;
        if (f == null || !f.home().equals(home)) {
            f = new Found(home, fromSystem());
            found = f;
        }
        return f.locations();
    }

    /** The OS's locations last found by {@link #user()}, and for which {@code user.home}. */
    private record Found(String home, Locations locations) {}

    private static volatile Found found;

    /**
     * On Linux and macOS the JVM takes {@code user.home} from the password database, desktop programs
     * take {@code $HOME}: where they differ (a fresh HOME for a trial, a sandbox), {@code $HOME} wins, so
     * that dirs-dev, which reads {@code user.home}, agrees with the desktop.
     */
    static void honourHomeVariable() {
        if (System.getProperty("os.name", "").startsWith("Windows")) return;
        String h = System.getenv("HOME");
        if (h != null && !h.isBlank() && Path.of(h).isAbsolute() && !h.equals(System.getProperty("user.home"))) {
            System.setProperty("user.home", h);
        }
    }

    /** Every location in one folder: {@code DIR/config}, {@code DIR/logs}, {@code DIR/Documents/Diptych}. */
    public static Locations under(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return new Locations(d, d.resolve("config"), d.resolve("logs"), d.resolve("Documents").resolve("Diptych"));
    }

    /** The OS's locations for the home in {@code user.home}, as dirs-dev finds them. */
    static Locations fromSystem() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        ProjectDirectories dirs = ProjectDirectories.from("org", "Diptych", "Diptych");
        Path docs = documentsFolder(home);
        return new Locations(home, Path.of(dirs.configDir), Path.of(dirs.dataLocalDir).resolve("logs"),
                docs.resolve("Diptych"));
    }

    /**
     * The user's documents folder. dirs-dev asks the desktop ({@code xdg-user-dir} on Linux, the shell
     * folders on Windows); where it knows none, or answers the home itself (a desktop-less Linux), it is
     * {@code ~/Documents}.
     */
    private static Path documentsFolder(Path home) {
        String d = null;
        try {
            d = UserDirectories.get().documentDir;
        } catch (RuntimeException e) {
            // no desktop to ask (e.g. xdg-user-dir is absent): the default below
        }
        return documentsFolder(home, d);
    }

    /** The documents folder from the desktop's answer {@code d} (null if none). */
    static Path documentsFolder(Path home, String d) {
        if (d != null && !d.isBlank()) {
            Path p = Path.of(d).toAbsolutePath().normalize();
            if (!p.equals(home) && (Files.isDirectory(p) || p.startsWith(home))) return p;
        }
        return home.resolve("Documents");
    }

    /** The rolling log file. */
    public Path logFile() {
        return logs.resolve("diptych.log");
    }
}
