package org.diptych.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.diptych.glossary.GlossaryMatcher;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.spell.SpellChecker;

/** Runs every QA rule over the rows of a translation (before export, or on demand in the desk). */
public final class QaCheck {
    private QaCheck() {}

    /**
     * The issues of every row that has a source paragraph, in row order. A row without translation gives
     * only {@link QaRule#EMPTY}.
     *
     * @param glossary the pair's glossary matcher, or {@code null} to skip the glossary rule
     */
    public static List<QaIssue> run(Alignment alignment, DocumentVersion source, DocumentVersion target,
                                    GlossaryMatcher glossary) {
        return run(alignment, source, target, glossary, null, null);
    }

    /**
     * As {@link #run(Alignment, DocumentVersion, DocumentVersion, GlossaryMatcher)}, with the spelling and
     * grammar findings of each translated row after its other issues.
     *
     * @param spell    the target language's checker, or {@code null} to skip spelling and grammar
     * @param accepted words the spelling rule takes as written (the project's dictionary, words ignored), or null
     */
    public static List<QaIssue> run(Alignment alignment, DocumentVersion source, DocumentVersion target,
                                    GlossaryMatcher glossary, SpellChecker spell, Predicate<String> accepted) {
        List<QaIssue> out = new ArrayList<>();
        List<Bead> beads = alignment.beads();
        for (int i = 0; i < beads.size(); i++) {
            Bead b = beads.get(i);
            if (b.source().isEmpty()) continue;
            QaRules.Texts t = new QaRules.Texts(source.join(b.source(), true), source.join(b.source(), false),
                    target.join(b.target(), true), target.join(b.target(), false));
            for (QaIssue issue : check(t, glossary)) out.add(issue.at(i));
            if (spell != null) for (QaIssue issue : QaRules.spelling(t, spell, accepted)) out.add(issue.at(i));
        }
        return out;
    }

    /** Every rule on one row's texts. */
    public static List<QaIssue> check(QaRules.Texts t, GlossaryMatcher glossary) {
        List<QaIssue> empty = QaRules.empty(t);
        if (!empty.isEmpty() || t.sourceText().isBlank()) return empty;
        List<QaIssue> out = new ArrayList<>();
        out.addAll(QaRules.untranslated(t));
        out.addAll(QaRules.numbers(t));
        out.addAll(QaRules.dates(t));
        out.addAll(QaRules.urls(t));
        out.addAll(QaRules.links(t));
        out.addAll(QaRules.bold(t));
        out.addAll(QaRules.doubleSpaces(t));
        out.addAll(QaRules.quotes(t));
        out.addAll(QaRules.brackets(t));
        out.addAll(QaRules.glossary(t, glossary));
        return out;
    }
}
