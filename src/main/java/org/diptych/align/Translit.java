package org.diptych.align;

import java.text.Normalizer;

/**
 * Spelling-neutral keys for comparing words across Cyrillic and Latin scripts.
 *
 * <p>Cyrillic is first transliterated letter by letter into one Latin scheme (й→y, х→kh, щ→shch,
 * ю→yu, я→ya, ц→ts, ж→zh …), then {@link #canonical} maps any Latin spelling to a coarse key in which
 * the common transliteration schemes coincide: {@code y}, {@code j} and {@code i} become {@code i}
 * (so й→y/i/j and ю→yu/iu/ju agree), {@code kh}/{@code h} become {@code h}, {@code shch}/{@code sch}/
 * {@code sh} one letter, {@code ch}/{@code tch} one letter, {@code ts}/{@code tz} one letter, {@code z}/{@code s}
 * merge, {@code w}→{@code v}, {@code ph}→{@code f}, {@code th}→{@code t}, {@code x}→{@code ks}, hard
 * {@code c}/{@code q}→{@code k}, soft {@code c}/{@code ç}→{@code s}, accents dropped and doubled letters
 * collapsed. Thus "Путин" and "Putin", "Зеленский" and "Zelenskyy", "МГКП" and "MGKP", "Декларация" and
 * "Declaration" share a key prefix.
 *
 * <p>Thread-safe, no state.
 */
public final class Translit {
    private static final String[] CYR = new String[64];

    static {
        String lower = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        String[] lat = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
        for (int i = 0; i < lower.length(); i++) {
            CYR[lower.charAt(i) - 'а'] = lat[i];
        }
    }

    private Translit() {}

    /** True if the character is a Cyrillic letter. */
    public static boolean isCyrillic(char c) {
        return (c >= 'А' && c <= 'я') || c == 'ё' || c == 'Ё' || (c >= 'Ѐ' && c <= 'ӿ');
    }

    /** Transliterates Cyrillic letters to Latin (one scheme, lower case); other characters pass lower-cased. */
    public static String toLatin(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'а' && c <= 'я') {
                sb.append(CYR[c - 'а']);
            } else if (c == 'ё') {
                sb.append('e');
            } else if (c == 'і' || c == 'ї') {
                sb.append('i');
            } else if (c == 'є') {
                sb.append("ye");
            } else if (c == 'ґ') {
                sb.append('g');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The spelling-neutral key of one word in any of ru, en, pt (see the class comment). Non-letters are
     * dropped. Returns an empty string for a word without letters.
     */
    public static String canonical(String word) {
        String s = toLatin(word);
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 128;
        if (!ascii) {
            // Portuguese -ção/-ções is -tion in English and -ция in Russian
            s = s.replace("ção", "tiao").replace("ções", "tioes").replace('ç', 's');
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
        }
        StringBuilder in = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') in.append(c);
        }
        int n = in.length();
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            char next = i + 1 < n ? in.charAt(i + 1) : 0;
            char k;
            switch (c) {
                case 's' -> {
                    if (startsAt(in, i, "shch")) { k = 'S'; i += 3; }
                    else if (startsAt(in, i, "sch")) { k = 'S'; i += 2; }
                    else if (next == 'h') { k = 'S'; i++; }
                    else k = 's';
                }
                case 't' -> {
                    if (startsAt(in, i, "tch")) { k = 'C'; i += 2; }
                    else if (next == 's' && !startsAt(in, i + 1, "sh") || next == 'z') { k = 'T'; i++; }
                    else if (next == 'h') { k = 't'; i++; }
                    else k = 't';
                }
                case 'c' -> {
                    if (next == 'h') { k = 'C'; i++; }
                    else if (next == 'k') { k = 'k'; i++; }
                    else if (next == 'e' || next == 'i' || next == 'y') k = 's';
                    else k = 'k';
                }
                case 'k' -> {
                    if (next == 'h') { k = 'h'; i++; } else k = 'k';
                }
                case 'z' -> {
                    if (next == 'h') { k = 'Z'; i++; } else k = 's';
                }
                case 'p' -> {
                    if (next == 'h') { k = 'f'; i++; } else k = 'p';
                }
                case 'q' -> {
                    k = 'k';
                    if (next == 'u') i++;
                }
                case 'x' -> {
                    out.append('k');
                    k = 's';
                }
                case 'y', 'j' -> k = 'i';
                case 'w' -> k = 'v';
                default -> k = c;
            }
            if (out.length() == 0 || out.charAt(out.length() - 1) != k) out.append(k);
        }
        return out.toString();
    }

    private static final String[] CYRILLIC_ENDINGS = {"ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями",
            "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ом", "ем", "ах", "ях",
            "ую", "юю", "а", "я", "у", "ю", "е", "ы", "и", "о"};

    /**
     * The comparison key of a word: its {@link #canonical} form, with a Russian inflectional ending removed
     * first (keeping at least three letters), reduced to its first letter and the next {@code consonants}
     * consonants. Vowels are what varies most between languages and transliterations ("Ассамблея",
     * "Assembléia", "Assembly" → {@code asmb}; "Путиным", "Putin" → {@code ptn}). A word with fewer
     * consonants keeps its whole canonical form ("Шойгу", "Shoigu" → {@code Soigu}); empty if that is
     * shorter than four letters.
     */
    public static String skeleton(String word, int consonants) {
        String w = word;
        if (!w.isEmpty() && isCyrillic(w.charAt(0))) {
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            for (String e : CYRILLIC_ENDINGS) {
                if (lower.endsWith(e) && lower.length() - e.length() >= 3) {
                    w = w.substring(0, w.length() - e.length());
                    break;
                }
            }
        }
        String c = canonical(w);
        if (c.isEmpty()) return c;
        StringBuilder sb = new StringBuilder(consonants + 1);
        sb.append(c.charAt(0));
        for (int i = 1; i < c.length() && sb.length() <= consonants; i++) {
            char ch = c.charAt(i);
            if (ch == 'T') {
                // ц: "t" in the -ция ending (революция ~ revolution ~ revolução), else "s" (принцип ~ principle)
                boolean ending = i + 1 < c.length() && c.charAt(i + 1) == 'i'
                        && (i + 2 == c.length() || i + 3 == c.length() && "aeiou".indexOf(c.charAt(i + 2)) >= 0);
                ch = ending ? 't' : 's';
            }
            if (ch != 'a' && ch != 'e' && ch != 'i' && ch != 'o' && ch != 'u' && ch != sb.charAt(sb.length() - 1)) sb.append(ch);
        }
        if (sb.length() >= 3) return sb.toString();
        return c.length() >= 4 ? c : ""; // few consonants ("Шойгу", "Lula"): the whole key
    }

    private static boolean startsAt(CharSequence s, int at, String what) {
        if (at + what.length() > s.length()) return false;
        for (int i = 0; i < what.length(); i++) {
            if (s.charAt(at + i) != what.charAt(i)) return false;
        }
        return true;
    }
}
