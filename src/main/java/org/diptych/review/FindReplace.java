package org.diptych.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * Find and replace over the paragraphs of one side of a pair (the source or the target version): the
 * preview lists every paragraph that would change with its markup before and after; {@link #apply} makes
 * all of them one undoable step of the desk's editor, each logged as a text correction.
 * The search runs over a paragraph's markup as written (what a correction edits), literally: the
 * text searched for is no pattern.
 */
public final class FindReplace {
    /**
     * What to find and what to put instead.
     *
     * @param find      the literal text searched for (not empty)
     * @param replace   what replaces each occurrence (may be empty)
     * @param matchCase false to find "Union" for "union" (Unicode case folding)
     * @param wholeWord true to find only occurrences not inside a longer word (letters, digits, _)
     */
    public record Query(String find, String replace, boolean matchCase, boolean wholeWord) {
        public Query {
            if (find == null || find.isEmpty()) throw new IllegalArgumentException("nothing to find");
            replace = replace == null ? "" : replace;
        }

        Pattern pattern() {
            String p = Pattern.quote(find);
            if (wholeWord) p = "(?<![\\p{L}\\p{N}_])" + p + "(?![\\p{L}\\p{N}_])";
            return Pattern.compile(p, matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    /** One paragraph that would change: its markup before and after, and how many occurrences it has. */
    public record Hit(Side side, String paragraphId, String before, String after, int count) {}

    private FindReplace() {}

    /** One paragraph of a version that would change: its markup before and after, and how many occurrences. */
    public record Change(String paragraphId, String before, String after, int count) {}

    /** The paragraphs of {@code side} the query changes, in document order (a paragraph left empty is skipped). */
    public static List<Hit> preview(ReviewState state, Side side, Query q) {
        return changes(state.version(side), q).stream()
                .map(c -> new Hit(side, c.paragraphId(), c.before(), c.after(), c.count())).toList();
    }

    /** The paragraphs of a version the query changes, in document order (a paragraph left empty is skipped). */
    public static List<Change> changes(DocumentVersion v, Query q) {
        Pattern pat = q.pattern();
        List<Change> out = new ArrayList<>();
        for (Paragraph p : v.paragraphs()) {
            Matcher m = pat.matcher(p.markup());
            int n = 0;
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                n++;
                m.appendReplacement(sb, Matcher.quoteReplacement(q.replace()));
            }
            if (n == 0) continue;
            m.appendTail(sb);
            String after = sb.toString().strip();
            if (after.isEmpty() || after.equals(p.markup())) continue;
            out.add(new Change(p.id(), p.markup(), after, n));
        }
        return out;
    }

    /**
     * Applies the hits of a preview as one undoable step named "replace" (each paragraph's change logged in
     * the version's corrections); returns how many occurrences were replaced.
     *
     * @throws NotApplicable if there is nothing to replace
     */
    public static int apply(AlignmentEditor editor, List<Hit> hits) {
        if (hits.isEmpty()) throw new NotApplicable("nothingToReplace", "nothing to replace");
        Side side = hits.get(0).side();
        Map<String, String> changes = new LinkedHashMap<>();
        int n = 0;
        for (Hit h : hits) {
            if (h.side() != side) throw new IllegalArgumentException("hits of both sides: replace one side at a time");
            changes.put(h.paragraphId(), h.after());
            n += h.count();
        }
        editor.editTexts(side, changes, "replace");
        return n;
    }
}
