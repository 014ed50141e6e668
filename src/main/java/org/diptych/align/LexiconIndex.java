package org.diptych.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Lexicon}'s entries for one direction, indexed by stem so that each paragraph gets the ids of the
 * entries it contains: entry {@code k} is a key of a source paragraph when all stems of its source side
 * occur there, and of a target paragraph likewise; a shared key is a lexicon match.
 */
final class LexiconIndex {
    final Side source, target;

    private LexiconIndex(List<Lexicon.Entry> entries) {
        List<String[]> s = new ArrayList<>(), t = new ArrayList<>();
        for (Lexicon.Entry e : entries) {
            s.add(stemList(e.source()).toArray(new String[0]));
            t.add(stemList(e.target()).toArray(new String[0]));
        }
        source = new Side(s);
        target = new Side(t);
    }

    /** The index of a lexicon's entries for a direction, or {@code null} when it has none. */
    static LexiconIndex of(Lexicon lexicon, String sourceLang, String targetLang) {
        if (lexicon == null) return null;
        List<Lexicon.Entry> e = lexicon.entries(sourceLang, targetLang);
        return e.isEmpty() ? null : new LexiconIndex(e);
    }

    /** One side of the index. */
    static final class Side {
        private final Map<String, int[]> byFirst = new HashMap<>();
        private final String[][] stems;

        Side(List<String[]> entryStems) {
            stems = entryStems.toArray(new String[0][]);
            Map<String, List<Integer>> m = new HashMap<>();
            for (int k = 0; k < stems.length; k++) {
                if (stems[k].length == 0) continue;
                m.computeIfAbsent(stems[k][0], x -> new ArrayList<>()).add(k);
            }
            m.forEach((key, ids) -> byFirst.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** Sorted ids of the entries all of whose stems are among {@code textStems}. */
        int[] keysOf(List<String> textStems) {
            if (textStems.isEmpty()) return Units.KeyBuffer.EMPTY;
            Set<String> present = null;
            Units.KeyBuffer buf = new Units.KeyBuffer();
            for (String st : textStems) {
                int[] ids = byFirst.get(st);
                if (ids == null) continue;
                for (int k : ids) {
                    String[] need = stems[k];
                    boolean all = true;
                    if (need.length > 1) {
                        if (present == null) present = new HashSet<>(textStems);
                        for (int x = 1; x < need.length && all; x++) all = present.contains(need[x]);
                    }
                    if (all) buf.add(k);
                }
            }
            return buf.toSortedSet();
        }
    }

    /** See {@link Lexicon#stem}; {@code lower} is already lower case. */
    static String stem(String lower) {
        StringBuilder sb = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'а' && c <= 'я') continue;
            sb = new StringBuilder();
            break;
        }
        String s = lower;
        if (sb != null) {
            String d = Normalizer.normalize(lower.replace('ё', 'е').replace('й', '\u0001'), Normalizer.Form.NFD);
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (c == '\u0001') sb.append('й');
                else if (Character.isLetter(c)) sb.append(c);
            }
            s = sb.toString();
        }
        return s.length() > 5 ? s.substring(0, 5) : s;
    }

    /** Stems of the words of a text, in order (words of three letters or more). */
    static List<String> stemList(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length(), i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetter(text.charAt(j)) || Character.getType(text.charAt(j)) == Character.NON_SPACING_MARK)) j++;
            if (j - i >= 3) out.add(stem(text.substring(i, j).toLowerCase(Locale.ROOT)));
            i = j;
        }
        return out;
    }

    static Set<String> stemSet(String text) {
        return new LinkedHashSet<>(stemList(text));
    }
}
