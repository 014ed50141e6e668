package org.diptych.tm;

/** XML text escaping for TMX writing. */
final class Xml {
    private Xml() {}

    /** What element content writes for {@code c}, or null if it is written as it is. */
    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\r' -> "&#13;";
            default -> null;
        };
    }

    /** Escapes {@code & < >} for element content (the same string, not a copy, when none is there). */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = entity(c);
            if (rep != null) {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * True if {@code xml} is {@link #escape}{@code (text)}, found without building the escaped text (the
     * index asks it of every variant it stores: most segments are their text escaped).
     */
    static boolean isEscaped(String text, String xml) {
        int n = text.length();
        if (xml.length() < n) return false;
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String rep = entity(c);
            if (rep == null) {
                if (j >= xml.length() || xml.charAt(j) != c) return false;
                j++;
            } else {
                if (!xml.startsWith(rep, j)) return false;
                j += rep.length();
            }
        }
        return j == xml.length();
    }

    /** Escapes {@code & < > "} and line breaks for attribute values (the same string when none is there). */
    static String escapeAttr(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                case '\t' -> "&#9;";
                default -> null;
            };
            if (rep != null) {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
