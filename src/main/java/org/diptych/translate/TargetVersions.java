package org.diptych.translate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diptych.export.MarkdownLinks;
import org.diptych.export.Site;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest.SiteProfile;

/**
 * Starts a translation: a target version made from a source version, with no paragraphs yet, and the
 * alignment that gives every source paragraph an empty target cell (1:0 beads), except the source's leading
 * link lines (links to its other versions), which the target starts with too, so they are no rows to translate
 * and export writes the target's own links in their place. The desk fills the cells
 * ({@link TranslationSession#setTarget}); each filled cell becomes a target paragraph with its source's
 * structure.
 */
public final class TargetVersions {
    /** A new target version and its alignment with the source. */
    public record Start(DocumentVersion target, Alignment alignment) {}

    private TargetVersions() {}

    /** {@link #start(String, DocumentVersion, String, Map)} without site profiles. */
    public static Start start(String statementId, DocumentVersion source, String targetLang) {
        return start(statementId, source, targetLang, Map.of());
    }

    /**
     * An empty target version in {@code targetLang} whose front matter is the source's as a draft to
     * translate ({@link FrontMatterDraft#draft}: language keys set for the target, permalink and a
     * per-language category from {@code sites}, text keys left to translate as rows of the desk, the rest
     * copied), and the alignment of one 1:0 bead per source paragraph.
     */
    public static Start start(String statementId, DocumentVersion source, String targetLang,
                              Map<String, SiteProfile> sites) {
        String lang = Languages.normalize(targetLang);
        if (lang.equals(source.lang())) throw new IllegalArgumentException("the target language is the source's (" + lang + ")");
        List<Paragraph> links = new ArrayList<>();
        List<Bead> beads = new ArrayList<>();
        for (Paragraph p : source.paragraphs()) {
            if (beads.size() == links.size() && isLinkLine(p, source.lang(), sites)) {
                // the source's reciprocal link line: not text to translate; the target starts with the same
                // line, which export recognises as a link to another version and writes anew for the target
                Paragraph copy = new Paragraph("p" + (links.size() + 1), p.kind(), p.level(), p.markup(), p.text());
                links.add(copy);
                beads.add(Bead.auto(List.of(p.id()), List.of(copy.id()), 1.0));
            } else {
                beads.add(Bead.auto(List.of(p.id()), List.of(), 1.0));
            }
        }
        DocumentVersion target = new DocumentVersion(lang, null, source.format(), "UTF-8",
                FrontMatterDraft.draft(statementId, source, lang, sites), links);
        return new Start(target, new Alignment(statementId, source.lang(), lang, beads, Instant.now()));
    }

    /**
     * Whether a paragraph is a link line of the kind these sites put at the top of a post: every line is
     * nothing but one markdown link (export's rule for recognising reciprocal links) and, where the project has
     * site profiles, each link's address is a post of another language's profile, so an ordinary paragraph that
     * is only a link (to a source, a petition) stays a row to translate.
     */
    static boolean isLinkLine(Paragraph p, String sourceLang, Map<String, SiteProfile> sites) {
        boolean any = false;
        for (String line : p.markup().split("\\n")) {
            if (line.isBlank()) continue;
            MarkdownLinks.Link link = MarkdownLinks.linkOnly(line);
            if (link == null) return false;
            if (!sites.isEmpty() && !toAnotherVersion(link.url(), sourceLang, sites)) return false;
            any = true;
        }
        return any;
    }

    private static boolean toAnotherVersion(String url, String sourceLang, Map<String, SiteProfile> sites) {
        for (Map.Entry<String, SiteProfile> e : sites.entrySet()) {
            if (e.getKey().equals(sourceLang) || e.getValue() == null) continue;
            try {
                if (Site.of(e.getKey(), e.getValue()).url().match(url) != null) return true;
            } catch (RuntimeException bad) {
                // a profile whose pattern does not parse recognises nothing
            }
        }
        return false;
    }
}
