package org.diptych.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The build's version and the licences of the libraries shipped with it (for Help → About and reports). */
public final class AppInfo {
    private AppInfo() {}

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            return "development";
        }
    }

    /** The bundled libraries with their licences ({@code THIRD-PARTY.txt}). */
    public static String licences() {
        try (InputStream in = AppInfo.class.getResourceAsStream("THIRD-PARTY.txt")) {
            if (in == null) throw new IllegalStateException("THIRD-PARTY.txt is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line about this machine: OS, architecture, Java. */
    public static String environment() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch")
                + "), Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
                + " (" + System.getProperty("java.vendor") + ")";
    }
}
