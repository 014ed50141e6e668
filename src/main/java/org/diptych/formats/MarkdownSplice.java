package org.diptych.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diptych.model.BlockKind;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * Writes an edited post back over its original text, so that everything not edited stays byte for byte:
 * the original's paragraphs are located in its text, the new paragraphs are matched to them (a longest
 * common subsequence of their markups), and
 * <ul>
 * <li>an unchanged paragraph is written as its original source, and so is the white space between two
 *     unchanged neighbours (blank lines, trailing spaces, white-space-only lines, no blank line after a
 *     heading, the final newline or its absence);</li>
 * <li>an edited, inserted or removed paragraph takes the place of the original ones it replaces, between the
 *     original white space around them; edited one for one, the white space between the replaced ones is kept
 *     too; new text is written with the line end of the original it replaces (CRLF, CR or LF);</li>
 * <li>the front matter is the original's source when unchanged, else the new raw block in the file's line ends.</li>
 * </ul>
 * The original text is given as decoded, with its line ends and without a byte order mark; the caller encodes
 * the result.
 */
public final class MarkdownSplice {
    private MarkdownSplice() {}

    /** The largest middle (original × new paragraphs) matched paragraph by paragraph. */
    static final long MAX_LCS_CELLS = 4_000_000;

    private static boolean same(Paragraph a, Paragraph b) {
        return a.markup().equals(b.markup());
    }

    /**
     * The post {@code frontMatter} + {@code body} written over {@code originalText}, or empty when the original's
     * paragraphs cannot be located in its text (then the caller writes the post afresh).
     *
     * @param originalText        the original file's text, line ends as in the file, no byte order mark
     * @param originalFrontMatter the original's front matter as the importer reads it
     * @param originalParagraphs  the original's paragraphs as the importer reads them
     */
    public static Optional<String> write(String originalText, FrontMatter originalFrontMatter, List<Paragraph> originalParagraphs,
                                         FrontMatter frontMatter, List<Paragraph> body) {
        // the text the importer saw (\n line ends) and where each of its characters starts in the original
        StringBuilder norm = new StringBuilder(originalText.length());
        int[] rawAt = new int[originalText.length() + 1];
        for (int i = 0; i < originalText.length(); i++) {
            char c = originalText.charAt(i);
            rawAt[norm.length()] = i;
            if (c == '\r') {
                if (i + 1 < originalText.length() && originalText.charAt(i + 1) == '\n') i++;
                norm.append('\n');
            } else {
                norm.append(c);
            }
        }
        rawAt[norm.length()] = originalText.length();
        String n = norm.toString();

        boolean hadFm = originalFrontMatter != null && originalFrontMatter.style() != FrontMatter.Style.NONE
                && !originalFrontMatter.raw().isEmpty();
        boolean hasFm = frontMatter != null && frontMatter.style() != FrontMatter.Style.NONE && !frontMatter.raw().isEmpty();
        if (hadFm && !hasFm) return Optional.empty();
        int fmEnd = 0;
        if (hadFm) {
            if (!n.startsWith(originalFrontMatter.raw())) return Optional.empty();
            fmEnd = originalFrontMatter.raw().length();
        }
        int count = originalParagraphs.size();
        int[] start = new int[count], end = new int[count];
        int cursor = fmEnd;
        for (int i = 0; i < count; i++) {
            String m = originalParagraphs.get(i).markup();
            int at = m.isEmpty() ? -1 : n.indexOf(m, cursor);
            if (at < 0) return Optional.empty();
            start[i] = at;
            end[i] = at + m.length();
            cursor = end[i];
        }
        String raw = originalText;
        String fileEol = firstEol(raw, 0, raw.length(), "\n");

        // original pieces: gaps[k] is the white space before paragraph k (gaps[count] the tail)
        String[] gaps = new String[count + 1];
        String[] sources = new String[count];
        for (int i = 0; i <= count; i++) {
            int from = i == 0 ? fmEnd : end[i - 1];
            int to = i == count ? n.length() : start[i];
            gaps[i] = raw.substring(rawAt[from], rawAt[to]);
            if (i < count) sources[i] = raw.substring(rawAt[start[i]], rawAt[end[i]]);
        }

        StringBuilder out = new StringBuilder(originalText.length() + 256);
        if (hasFm) {
            if (hadFm && frontMatter.raw().equals(originalFrontMatter.raw())) {
                out.append(raw, 0, rawAt[fmEnd]);
            } else {
                String eol = hadFm ? firstEol(raw, 0, rawAt[fmEnd], fileEol) : fileEol;
                out.append(frontMatter.raw().replace("\n", eol));
                if (!hadFm) out.append(eol).append(eol);
            }
        }

        // match new paragraphs to the original ones by their markup: the common head and tail, then a longest
        // common subsequence of the middle (when small enough; a large rewritten middle is one replaced run)
        int m = body.size();
        List<int[]> anchors = new ArrayList<>(); // {original index, new index}
        int head = 0;
        while (head < count && head < m && same(originalParagraphs.get(head), body.get(head))) {
            anchors.add(new int[] {head, head});
            head++;
        }
        int tail = 0;
        while (tail < count - head && tail < m - head && same(originalParagraphs.get(count - 1 - tail), body.get(m - 1 - tail))) tail++;
        int oc = count - head - tail, nc = m - head - tail;
        if (oc > 0 && nc > 0 && (long) oc * nc <= MAX_LCS_CELLS) {
            int[][] lcs = new int[oc + 1][nc + 1];
            for (int i = oc - 1; i >= 0; i--) {
                for (int j = nc - 1; j >= 0; j--) {
                    lcs[i][j] = same(originalParagraphs.get(head + i), body.get(head + j))
                            ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            for (int i = 0, j = 0; i < oc && j < nc; ) {
                if (same(originalParagraphs.get(head + i), body.get(head + j))) {
                    anchors.add(new int[] {head + i, head + j});
                    i++;
                    j++;
                } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        for (int k = tail; k > 0; k--) anchors.add(new int[] {count - k, m - k});
        anchors.add(new int[] {count, m}); // the end

        int prevI = -1, prevJ = -1; // the last anchor written
        for (int[] a : anchors) {
            int di = prevI + 1, dj = prevJ + 1; // the run between: originals [di, a[0]), new [dj, a[1])
            int removed = a[0] - di, inserted = a[1] - dj;
            boolean atStart = prevI < 0, atEnd = a[0] == count;
            if (removed == 0 && inserted == 0) {
                out.append(gaps[di]); // between two unchanged neighbours (or the tail / the first gap)
            } else if (inserted == 0) {
                String g = atStart ? gaps[di] : atEnd ? gaps[count] : wider(gaps[di], gaps[a[0]]);
                out.append(g);
            } else {
                String eol = removed > 0 ? firstEol(raw, rawAt[start[di]], rawAt[end[a[0] - 1]],
                        firstEol(gaps[a[0]], 0, gaps[a[0]].length(), firstEol(gaps[di], 0, gaps[di].length(), fileEol)))
                        : firstEol(gaps[di], 0, gaps[di].length(), fileEol);
                // before the first new paragraph
                if (removed == 0 && atEnd && !atStart) {
                    out.append(separator(body.get(prevJ), body.get(dj), eol));
                } else {
                    out.append(gaps[di]);
                }
                for (int k = 0; k < inserted; k++) {
                    Paragraph p = body.get(dj + k);
                    out.append(p.markup().replace("\n", eol));
                    if (k + 1 < inserted) {
                        out.append(removed == inserted ? gaps[di + k + 1] : separator(p, body.get(dj + k + 1), eol));
                    }
                }
                // after the last new paragraph
                if (removed > 0) {
                    out.append(gaps[a[0]]);
                } else if (atEnd && !atStart) {
                    out.append(gaps[count]);
                } else if (atEnd) {
                    out.append(fileEol);
                } else {
                    out.append(separator(body.get(a[1] - 1), body.get(a[1]), eol));
                }
            }
            if (a[0] < count) out.append(sources[a[0]]);
            prevI = a[0];
            prevJ = a[1];
        }
        return Optional.of(out.toString());
    }

    /** Between two new neighbours: one line end inside a list, a blank line otherwise. */
    private static String separator(Paragraph a, Paragraph b, String eol) {
        return a.kind() == BlockKind.LIST_ITEM && b.kind() == BlockKind.LIST_ITEM ? eol : eol + eol;
    }

    /** The gap with more line ends (a removed paragraph must not join a list to the paragraph after it). */
    private static String wider(String a, String b) {
        return lineEnds(b) > lineEnds(a) ? b : a;
    }

    private static int lineEnds(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) c++;
        }
        return c;
    }

    /** The first line end in {@code s[from, to)} and what follows it, or {@code dflt}. */
    private static String firstEol(String s, int from, int to, String dflt) {
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') return "\n";
            if (c == '\r') return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "\r\n" : "\r";
        }
        return dflt;
    }
}
