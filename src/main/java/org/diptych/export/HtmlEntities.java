package org.diptych.export;

import net.htmlparser.jericho.CharacterReference;

/**
 * Decodes HTML character references in front-matter values ({@code &quot;} → {@code "},
 * {@code &#8212;} → {@code —}, {@code &laquo;} → {@code «}). Uses the HTML parser that Okapi's HTML filter
 * is built on, which knows every named entity of HTML 4 and the numeric forms; unknown names are left as
 * written.
 */
public final class HtmlEntities {
    private HtmlEntities() {}

    public static String decode(String s) {
        if (s == null || s.indexOf('&') < 0) return s;
        return CharacterReference.decode(s);
    }
}
