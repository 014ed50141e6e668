package org.diptych.formats;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Russian, English and Portuguese apart: Cyrillic script means Russian; among Latin-script texts, the
 * more frequent of each language's common function words wins, with Portuguese-only letters (ã, õ, ç) as extra
 * evidence. Words shared by both languages ("a", "as", "no", "do"…) are not counted.
 */
public final class LanguageDetector {
    /**
     * A detected language.
     *
     * @param lang   {@code ru}, {@code en} or {@code pt}
     * @param reason the evidence, for the user
     */
    public record Result(String lang, String reason) {}

    private static final Set<String> EN = Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "with",
            "was", "on", "be", "by", "this", "are", "we", "our", "not", "from", "have", "has", "which", "their",
            "they", "will", "its", "an", "at", "or", "were", "been", "who", "all", "but", "would", "there", "what");
    private static final Set<String> PT = Set.of("de", "que", "e", "o", "da", "em", "um", "para", "com", "não",
            "uma", "os", "na", "por", "mais", "dos", "como", "mas", "ao", "das", "à", "pela", "pelo", "são", "também",
            "nos", "seu", "sua", "ou", "foi", "pelos", "nas", "está", "isso", "este", "esta", "ser", "ele", "eles",
            "nós", "nossa", "nosso", "contra", "sobre", "entre", "quando", "muito", "já", "até");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private LanguageDetector() {}

    /**
     * Detects the language of {@code text}.
     *
     * @return the language, or {@code null} if the text has too little evidence (no letters, or a tie)
     */
    public static Result detect(String text) {
        int cyr = 0, lat = 0, ptLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            if (sc == Character.UnicodeScript.CYRILLIC) cyr++;
            else if (sc == Character.UnicodeScript.LATIN) {
                lat++;
                char l = Character.toLowerCase(c);
                if (l == 'ã' || l == 'õ' || l == 'ç') ptLetters++;
            }
        }
        if (cyr + lat == 0) return null;
        if (cyr > lat) {
            return new Result("ru", "detected: " + percent(cyr, cyr + lat) + " of letters are Cyrillic");
        }
        int en = 0, pt = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (EN.contains(w)) en++;
            if (PT.contains(w)) pt++;
        }
        double ptScore = pt + 0.5 * ptLetters;
        if (en == 0 && ptScore == 0) return null;
        String evidence = "Latin script; " + en + " common English words, " + pt + " common Portuguese words"
                + (ptLetters > 0 ? ", " + ptLetters + " of ã/õ/ç" : "");
        if (ptScore > en) return new Result("pt", "detected: " + evidence);
        if (en > ptScore) return new Result("en", "detected: " + evidence);
        return null;
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
