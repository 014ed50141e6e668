package org.diptych.project;

/**
 * The one rule for text that goes into a message shown to the user: control characters (a terminal escape,
 * a carriage return that overwrites the line, a NUL) are never echoed raw. The CLI passes every message it
 * prints through {@link #oneLine}.
 */
public final class Messages {
    private Messages() {}

    /** {@code s} with every control character shown as {@code ?}, cut after 200 characters. */
    public static String printable(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(s.length(), 201));
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= 200) {
                b.append('…');
                break;
            }
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e' ? '?' : c);
        }
        return b.toString();
    }

    /**
     * A message as one printable line: its first line only (a stack of causes is not for users), control
     * characters other than the line break shown as {@code ?}. Not cut: a message may name long paths.
     */
    public static String oneLine(String s) {
        if (s == null) return "null";
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        StringBuilder b = new StringBuilder(first.length());
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e' ? '?' : c);
        }
        return b.toString();
    }
}
