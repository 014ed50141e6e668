package org.diptych.model;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a string can be one file or folder name on every platform Diptych runs on (and in a git checkout
 * shared between them): not empty, not {@code .} or {@code ..}, no separator, no control character, none of
 * the characters Windows forbids, not a Windows device name ({@code CON}, {@code aux.txt}, {@code COM1}…),
 * no trailing dot or space. The rule is the same on every OS, so a project that works on one works on all.
 */
public final class PortableNames {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "CONIN$", "CONOUT$");
    /** Longest name accepted (most file systems allow 255 bytes). */
    public static final int MAX_LENGTH = 200;

    private PortableNames() {}

    /** Why {@code name} cannot be a portable file name, or {@code null} if it can. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "empty name";
        if (name.equals(".") || name.equals("..")) return "'" + name + "' names a folder, not a file";
        if (name.length() > MAX_LENGTH) return "name longer than " + MAX_LENGTH + " characters";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return "control character in the name";
            if (c == '/' || c == '\\') return "path separator in the name";
            if ("<>:\"|?*".indexOf(c) >= 0) return "character '" + c + "' is not allowed in file names on Windows";
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') return "name ends with a dot or a space (not possible on Windows)";
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) return "'" + name + "' is a device name on Windows";
        return null;
    }

    /** {@code true} if {@link #problem} finds nothing. */
    public static boolean isPortable(String name) {
        return problem(name) == null;
    }
}
