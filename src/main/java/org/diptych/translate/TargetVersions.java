package org.diptych.translate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;

/**
 * Starts a translation: a target version made from a source version, with no paragraphs yet, and the
 * alignment that gives every source paragraph an empty target cell (1:0 beads). The desk fills the cells
 * ({@link TranslationSession#setTarget}); each filled cell becomes a target paragraph with its source's
 * structure.
 */
public final class TargetVersions {
    private static final Pattern LANG_LINE = Pattern.compile("(?m)^(lang\\s*[:=]\\s*[\"']?)([A-Za-z-]+)([\"']?\\s*)$");

    /** A new target version and its alignment with the source. */
    public record Start(DocumentVersion target, Alignment alignment) {}

    private TargetVersions() {}

    /**
     * An empty target version in {@code targetLang} with the source's format and front matter (its
     * {@code lang} key, if any, set to the target language; the title stays to be translated), and the
     * alignment of one 1:0 bead per source paragraph.
     */
    public static Start start(String statementId, DocumentVersion source, String targetLang) {
        String lang = Languages.normalize(targetLang);
        if (lang.equals(source.lang())) throw new IllegalArgumentException("the target language is the source's (" + lang + ")");
        DocumentVersion target = new DocumentVersion(lang, null, source.format(), "UTF-8",
                frontMatter(source.frontMatter(), lang), List.of());
        List<Bead> beads = new ArrayList<>();
        for (Paragraph p : source.paragraphs()) beads.add(Bead.auto(List.of(p.id()), List.of(), 1.0));
        return new Start(target, new Alignment(statementId, source.lang(), lang, beads, Instant.now()));
    }

    /** The source's front matter with its {@code lang} key (if any) naming the target language. */
    static FrontMatter frontMatter(FrontMatter fm, String lang) {
        if (fm == null || fm.style() == FrontMatter.Style.NONE || !fm.fields().containsKey("lang")) return fm;
        Map<String, Object> fields = new LinkedHashMap<>(fm.fields());
        fields.put("lang", lang);
        Matcher m = LANG_LINE.matcher(fm.raw());
        String raw = m.find() ? m.replaceFirst("$1" + Matcher.quoteReplacement(lang) + "$3") : fm.raw();
        return new FrontMatter(fm.style(), raw, fields);
    }
}
