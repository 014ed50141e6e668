package org.diptych.export;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Statement;
import org.diptych.project.Project;
import org.diptych.qa.QaCheck;
import org.diptych.qa.QaIssue;
import org.diptych.qa.QaRule;
import org.diptych.qa.QaRules;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.ReviewState;
import org.diptych.review.ReviewStore;
import org.diptych.translate.FrontMatterRows;
import org.diptych.translate.TranslationSession;
import org.diptych.translate.TranslationStatus;
import org.diptych.translate.TranslationStore;

/**
 * What export counts before writing, per language: rows still untranslated (each named), rows in draft and
 * open QA errors (numbers, links, a title or description not in the version's language).
 *
 * <p>Rows are counted for a version that is the target of an alignment and was translated in Diptych (it
 * has no original file of its own, or translation records for that pair): its rows are the beads with a
 * source paragraph plus the front-matter text keys ({@link FrontMatterRows}). A version imported as
 * published is only checked for the language of its title and description.
 */
public record ExportCheck(Map<String, Language> languages) {
    /** QA rules whose issues are errors that hold an export back. */
    public static final Set<QaRule> ERRORS = Set.of(QaRule.NUMBERS, QaRule.LINKS, QaRule.WRONG_LANGUAGE);

    public ExportCheck {
        languages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    }

    /**
     * The count of one language.
     *
     * @param lang         the version's language
     * @param pair         the pair its rows were counted in ({@code ru-pt}), or {@code null}
     * @param untranslated one line per untranslated row: {@code row 4: «Мы требуем…»} or {@code title: «…»}
     * @param drafts       one line per row in draft
     * @param errors       one line per open QA error: {@code row 2: numbers differ: …}
     */
    public record Language(String lang, String pair, List<String> untranslated, List<String> drafts, List<String> errors) {
        public Language {
            untranslated = List.copyOf(untranslated);
            drafts = List.copyOf(drafts);
            errors = List.copyOf(errors);
        }

        public boolean complete() {
            return untranslated.isEmpty() && drafts.isEmpty() && errors.isEmpty();
        }

        /** {@code pt: 2 untranslated, 1 draft, 1 QA error}. */
        public String summary() {
            return lang + ": " + untranslated.size() + " untranslated, " + drafts.size() + " draft(s), "
                    + errors.size() + " QA error(s)";
        }
    }

    public boolean complete() {
        return languages.values().stream().allMatch(Language::complete);
    }

    /** The languages that are not complete. */
    public List<Language> incomplete() {
        return languages.values().stream().filter(l -> !l.complete()).toList();
    }

    /** Every line of the check, for a listing: {@code [pt] untranslated row 4: «…»}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Language l : incomplete()) {
            for (String u : l.untranslated()) out.add("[" + l.lang() + "] untranslated " + u);
            for (String d : l.drafts()) out.add("[" + l.lang() + "] draft " + d);
            for (String e : l.errors()) out.add("[" + l.lang() + "] QA error " + e);
        }
        return out;
    }

    /** Counts the given languages of a statement (all of them when {@code langs} is null). */
    static ExportCheck of(Project project, Statement st, List<String> order, java.util.Collection<String> langs) {
        Map<String, Language> out = new LinkedHashMap<>();
        for (String lang : order) {
            if (langs != null && !langs.contains(lang)) continue;
            out.put(lang, language(project, st, order, lang));
        }
        return new ExportCheck(out);
    }

    private static Language language(Project project, Statement st, List<String> order, String lang) {
        DocumentVersion v = st.version(lang);
        List<String> untranslated = new ArrayList<>(), drafts = new ArrayList<>(), errors = new ArrayList<>();
        Set<String> untranslatedKeys = new java.util.HashSet<>();
        String pair = null;
        for (String src : order) {
            if (src.equals(lang)) continue;
            Optional<Alignment> a = project.loadAlignment(st.id(), src, lang);
            if (a.isEmpty()) continue;
            var records = TranslationStore.load(project, st.id(), src, lang);
            boolean own = v.originalFile() == null || project.originalFile(st.id(), lang).isEmpty();
            if (!own && records.isEmpty()) continue;
            DocumentVersion sv = st.version(src);
            try {
                a.get().validate(sv, v);
            } catch (IllegalStateException e) {
                errors.add("alignment " + src + "-" + lang + " does not match its versions; re-align it");
                break;
            }
            pair = src + "-" + lang;
            TranslationSession s = new TranslationSession(new AlignmentEditor(new ReviewState(a.get(), sv, v,
                    List.of(), List.of()), () -> null, Clock.systemUTC()), records, () -> null, Clock.systemUTC());
            for (FrontMatterRows.Row r : s.frontMatterRows()) {
                if (r.status() == TranslationStatus.UNTRANSLATED) {
                    untranslated.add(r.key() + ": «" + clip(r.source()) + "»");
                    untranslatedKeys.add(r.key());
                }
                else if (r.status() == TranslationStatus.DRAFT) drafts.add(r.key() + ": «" + clip(r.target()) + "»");
            }
            List<Bead> beads = a.get().beads();
            for (int i = 0; i < beads.size(); i++) {
                if (beads.get(i).source().isEmpty()) continue;
                TranslationStatus status = s.status(i);
                if (status == TranslationStatus.UNTRANSLATED) untranslated.add("row " + (i + 1) + ": «" + clip(s.sourceText(i)) + "»");
                else if (status == TranslationStatus.DRAFT) drafts.add("row " + (i + 1) + ": «" + clip(s.targetText(i)) + "»");
            }
            for (QaIssue q : QaCheck.run(a.get(), sv, v, null)) {
                if (ERRORS.contains(q.rule())) errors.add("row " + (q.bead() + 1) + ": " + q.message());
            }
            break;
        }
        // a title still the source's is counted once, as untranslated
        for (String key : List.of("title", "description", "summary")) {
            if (untranslatedKeys.contains(key)) continue;
            for (QaIssue q : QaRules.wrongLanguage(key, FrontMatterKeys.scalar(v.frontMatter(), key), lang)) {
                errors.add(key + ": " + q.message());
            }
        }
        return new Language(lang, pair, untranslated, drafts, errors);
    }

    private static String clip(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 59) + "…";
    }
}
