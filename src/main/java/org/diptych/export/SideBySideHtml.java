package org.diptych.export;

import java.time.Instant;
import java.util.List;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * The side-by-side page of a bilingual bundle: one table row per bead, source on the left and target on the
 * right, every paragraph anchored ({@code id="ru-p3"}) and linked to its first counterpart in the same bead.
 * Rows carry their review state as a class and as words: {@code confirmed}, {@code unreviewed},
 * {@code doubtful} (unreviewed with confidence below {@link #DOUBTFUL_BELOW}) or {@code rejected}, so they
 * stay distinguishable on a black-and-white printout. Self-contained: inline CSS with print rules, no script.
 */
final class SideBySideHtml {
    /** An unreviewed bead below this confidence is shown as doubtful. */
    static final double DOUBTFUL_BELOW = 0.5;

    private SideBySideHtml() {}

    /** The row state of a bead: confirmed, rejected, doubtful or unreviewed. */
    static String state(Bead b) {
        if (b.status() == BeadStatus.CONFIRMED) return "confirmed";
        if (b.status() == BeadStatus.REJECTED) return "rejected";
        // a bead made by hand and not yet confirmed is doubtful whatever the engine said of its parts (as in the desk)
        return b.edited() || b.confidence() < DOUBTFUL_BELOW ? "doubtful" : "unreviewed";
    }

    static String render(String statementId, DocumentVersion src, DocumentVersion tgt, List<Bead> beads,
                         Instant exportedAt, String diptychVersion) {
        StringBuilder h = new StringBuilder(16_384);
        String srcTitle = title(src, statementId), tgtTitle = title(tgt, statementId);
        int confirmed = 0, doubtful = 0, rejected = 0;
        for (Bead b : beads) {
            switch (state(b)) {
                case "confirmed" -> confirmed++;
                case "doubtful" -> doubtful++;
                case "rejected" -> rejected++;
                default -> { }
            }
        }
        h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(src.lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(statementId)).append(" — ").append(esc(src.lang())).append(" / ")
                .append(esc(tgt.lang())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1><span lang=\"").append(esc(src.lang())).append("\">").append(esc(srcTitle)).append("</span><br><span lang=\"")
                .append(esc(tgt.lang())).append("\">").append(esc(tgtTitle)).append("</span></h1>\n");
        h.append("<p class=\"meta\">Statement ").append(esc(statementId)).append(" · ").append(esc(src.lang())).append(" → ")
                .append(esc(tgt.lang())).append(" · ").append(beads.size()).append(" rows: ").append(confirmed)
                .append(" confirmed, ").append(beads.size() - confirmed - doubtful - rejected).append(" unreviewed, ")
                .append(doubtful).append(" doubtful, ").append(rejected).append(" rejected · exported ")
                .append(esc(exportedAt.toString())).append(" by Diptych ").append(esc(diptychVersion)).append("</p>\n");
        h.append("<table>\n<thead><tr><th lang=\"").append(esc(src.lang())).append("\">").append(esc(src.lang()))
                .append("</th><th class=\"st\">state</th><th lang=\"").append(esc(tgt.lang())).append("\">")
                .append(esc(tgt.lang())).append("</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (Bead b : beads) {
            n++;
            String state = state(b);
            h.append("<tr id=\"row").append(n).append("\" class=\"").append(state).append("\">");
            cell(h, src, b.source(), tgt.lang(), b.target());
            h.append("<td class=\"st\">").append(state);
            if (b.isEngineProposal()) {
                h.append("<br>").append(Math.round(b.confidence() * 100)).append('%');
            } else if (b.edited()) {
                h.append("<br>edited by hand");
            }
            if (b.reviewer() != null) h.append("<br>").append(esc(b.reviewer()));
            if (b.note() != null && !b.note().isBlank()) h.append("<br><em>").append(esc(b.note())).append("</em>");
            h.append("</td>");
            cell(h, tgt, b.target(), src.lang(), b.source());
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void cell(StringBuilder h, DocumentVersion v, List<String> ids, String otherLang, List<String> otherIds) {
        h.append("<td lang=\"").append(esc(v.lang())).append("\">");
        for (String id : ids) {
            Paragraph p = v.paragraph(id);
            String text = p == null ? "" : p.text();
            String cls = p == null ? "p" : p.kind() == BlockKind.HEADING ? "p heading" : p.kind() == BlockKind.LIST_ITEM ? "p item" : "p";
            h.append("<p id=\"").append(esc(v.lang() + "-" + id)).append("\" class=\"").append(cls).append("\">")
                    .append(esc(text));
            if (!otherIds.isEmpty()) {
                h.append(" <a class=\"cp\" href=\"#").append(esc(otherLang + "-" + otherIds.get(0)))
                        .append("\" title=\"counterpart\">⇄</a>");
            }
            h.append("</p>");
        }
        h.append("</td>");
    }

    private static String title(DocumentVersion v, String fallback) {
        String t = v.title();
        return t == null || t.isBlank() ? fallback : HtmlEntities.decode(t);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: Georgia, "Times New Roman", serif; margin: 1.5em; color: #111; line-height: 1.4; }
            h1 { font-size: 1.3em; }
            .meta { font: 0.85em sans-serif; color: #555; }
            table { border-collapse: collapse; width: 100%; }
            th, td { vertical-align: top; text-align: left; padding: 0.4em 0.6em; border-bottom: 1px solid #ccc; width: 45%; }
            th.st, td.st { width: 10%; font: 0.8em sans-serif; color: #555; }
            td p { margin: 0 0 0.4em 0; }
            p.heading { font-weight: bold; }
            p.item::before { content: "• "; }
            tr.confirmed td:first-child { border-left: 4px solid #2a7a2a; }
            tr.doubtful { background: #fff3cd; }
            tr.doubtful td:first-child { border-left: 4px dashed #b07000; }
            tr.doubtful td.st { color: #8a5a00; font-weight: bold; }
            tr.rejected { background: #f8d7da; }
            tr.rejected td.st { color: #8a1c1c; font-weight: bold; }
            a.cp { font: 0.75em sans-serif; text-decoration: none; color: #777; }
            :target { outline: 2px solid #36c; }
            @media print {
              body { margin: 0; font-size: 10pt; }
              tr { page-break-inside: avoid; }
              thead { display: table-header-group; }
              a.cp { display: none; }
              tr.doubtful, tr.rejected { background: none; }
            }
            """;
}
