package org.diptych.align;

import java.util.ArrayList;
import java.util.List;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.glossary.Glossary;
import org.diptych.glossary.GlossaryStore;
import org.diptych.project.Project;

/**
 * The lexicon a project gives the aligner: its glossary's term pairs, plus word pairs learned from every
 * bead confirmed anywhere in the project for one language pair (alignments stored in either direction). The
 * CLI and the desk both align with it, so the engine gets better as a team uses it.
 */
public final class ProjectLexicon {
    private ProjectLexicon() {}

    /** The glossary's terms and the word pairs of every confirmed bead for {@code src}→{@code tgt}; null if none. */
    public static Lexicon learn(Project p, String src, String tgt) {
        List<String[]> pairs = new ArrayList<>();
        for (String id : p.statementIds()) {
            DocumentVersion a = null, b = null;
            for (boolean swapped : new boolean[] {false, true}) {
                Alignment al = swapped ? p.loadAlignment(id, tgt, src).orElse(null) : p.loadAlignment(id, src, tgt).orElse(null);
                if (al == null || al.beads().stream().noneMatch(Bead::isConfirmed)) continue;
                if (a == null) {
                    a = p.loadVersion(id, src).orElse(null);
                    b = p.loadVersion(id, tgt).orElse(null);
                }
                if (a == null || b == null) break;
                for (String[] pair : Lexicon.confirmedPairs(al, swapped ? b : a, swapped ? a : b)) {
                    pairs.add(swapped ? new String[] {pair[1], pair[0]} : pair);
                }
            }
        }
        Lexicon learned = pairs.isEmpty() ? null : Lexicon.learnFromPairs(src, tgt, pairs);
        List<Lexicon.Entry> terms = new ArrayList<>();
        for (Glossary.TermPair t : GlossaryStore.load(p).pairs(src, tgt)) {
            terms.add(new Lexicon.Entry(t.source(), t.target()));
        }
        if (terms.isEmpty()) return learned;
        Lexicon glossary = Lexicon.of(src, tgt, terms);
        return learned == null ? glossary : glossary.and(learned);
    }

}
