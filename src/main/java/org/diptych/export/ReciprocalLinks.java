package org.diptych.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Recognises and writes the reciprocal link paragraphs at the top of a post's body.
 *
 * <p>A leading paragraph is a reciprocal link paragraph when every one of its lines is nothing but one
 * markdown link that points at another language version: its URL matches another language's URL pattern,
 * or its text equals or closely resembles another version's title (entities decoded, case, punctuation
 * and spacing ignored). Recognition stops at the first paragraph that is not one. This makes re-export
 * idempotent: a link line imported with the post is replaced, never duplicated.
 */
final class ReciprocalLinks {
    private ReciprocalLinks() {}

    /** The body with the recognised top links removed; {@code kept} are recognised links to languages the
     *  statement has no version in, which export leaves in place after its own links. */
    record Stripped(List<Paragraph> kept, List<Paragraph> rest, int removed) {}

    /**
     * @param body       the version's paragraphs
     * @param ownLang    the version's language (links to its own URL pattern are not reciprocal)
     * @param sites      all site profiles by language
     * @param titles     decoded titles of the statement's other versions, by language
     * @param managed    languages whose links export writes itself (recognised links to them are dropped)
     */
    static Stripped strip(List<Paragraph> body, String ownLang, Map<String, Site> sites,
                          Map<String, String> titles, Set<String> managed) {
        List<Paragraph> kept = new ArrayList<>();
        int i = 0;
        for (; i < body.size(); i++) {
            Paragraph p = body.get(i);
            List<String> keptLines = new ArrayList<>();
            boolean all = true;
            boolean any = false;
            for (String line : p.markup().split("\n")) {
                if (line.isBlank()) continue;
                MarkdownLinks.Link link = MarkdownLinks.linkOnly(line);
                String lang = link == null ? null : targetLanguage(link, ownLang, sites, titles);
                if (lang == null) {
                    all = false;
                    break;
                }
                any = true;
                if (!managed.contains(lang)) keptLines.add(line.strip());
            }
            if (!all || !any) break;
            if (!keptLines.isEmpty()) {
                String markup = String.join("\n", keptLines);
                kept.add(new Paragraph(p.id(), p.kind(), p.level(), markup, markup));
            }
        }
        return new Stripped(kept, List.copyOf(body.subList(i, body.size())), i);
    }

    /** The language a link-only line points at, or {@code null} if it is not a reciprocal link. */
    static String targetLanguage(MarkdownLinks.Link link, String ownLang, Map<String, Site> sites,
                                 Map<String, String> titles) {
        for (Site s : sites.values()) {
            if (!s.lang().equals(ownLang) && s.url().match(link.url()) != null) return s.lang();
        }
        String text = link.text().replace("\\", "");
        for (Map.Entry<String, String> t : titles.entrySet()) {
            if (!t.getKey().equals(ownLang) && resembles(text, t.getValue())) return t.getKey();
        }
        return null;
    }

    /** A link paragraph {@code [title](url)}. */
    static Paragraph linkParagraph(String lang, String title, String url) {
        return new Paragraph("link-" + lang, BlockKind.PARAGRAPH, 0, MarkdownLinks.format(title, url), title);
    }

    /**
     * True if two titles are the same up to entities, case, punctuation and spacing, or share at least
     * 80% of their words (Dice coefficient over word sets, both having at least three words).
     */
    static boolean resembles(String a, String b) {
        if (a == null || b == null) return false;
        List<String> wa = words(a), wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) return false;
        if (wa.equals(wb)) return true;
        if (wa.size() < 3 || wb.size() < 3) return false;
        Set<String> sa = new HashSet<>(wa), sb = new HashSet<>(wb);
        int common = 0;
        for (String w : sa) if (sb.contains(w)) common++;
        return 2.0 * common / (sa.size() + sb.size()) >= 0.8;
    }

    private static List<String> words(String s) {
        String n = Normalizer.normalize(HtmlEntities.decode(s), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        List<String> out = new ArrayList<>();
        for (String w : n.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }
}
