package org.diptych.review;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;

/**
 * Where a statement stands, for a coordinator: its title, the languages it has (and those of the project it
 * lacks), and per aligned pair how many beads are confirmed, doubtful and untranslated. Read from the
 * project's files (or from the desk's states of the pairs open in it).
 *
 * @param statementId the statement
 * @param title       the title of its first version with one (project language order), or null
 * @param languages   languages with a version, in the project's order
 * @param missing     project languages with no version yet
 * @param pairs       progress per aligned pair, in the project's language order
 */
public record StatementProgress(String statementId, String title, List<String> languages, List<String> missing,
                                List<Pair> pairs) {
    /**
     * Progress of one aligned pair.
     *
     * @param total        beads
     * @param confirmed    confirmed beads
     * @param doubtful     automatic beads worth a look ({@link BeadFilter#isDoubtful})
     * @param untranslated unconfirmed beads with source paragraphs and no target text (a 1:0 bead, a row of an
     *                     empty translation); a confirmed 1:0 bead is a paragraph left out on purpose
     */
    public record Pair(String source, String target, int total, int confirmed, int doubtful, int untranslated) {
        /** True while a bead is unconfirmed or a source paragraph has no translation. */
        public boolean needsWork() {
            return confirmed < total || untranslated > 0;
        }
    }

    public StatementProgress {
        languages = List.copyOf(languages);
        missing = List.copyOf(missing);
        pairs = List.copyOf(pairs);
    }

    /**
     * True if something is left: a pair still to review or translate, a project language without a version,
     * or a version aligned with no other.
     */
    public boolean needsWork() {
        if (!missing.isEmpty()) return true;
        for (String l : languages) {
            // a version aligned with no other: its pair is still to align (or translate)
            if (languages.size() > 1 && pairs.stream().noneMatch(x -> x.source().equals(l) || x.target().equals(l))) return true;
        }
        return pairs.stream().anyMatch(Pair::needsWork);
    }

    /** Counts one pair from its beads and target version (paragraphs blank or absent count as untranslated). */
    public static Pair count(Alignment a, DocumentVersion target, double threshold) {
        int confirmed = 0, doubtful = 0, untranslated = 0;
        for (Bead b : a.beads()) {
            if (b.status() == BeadStatus.CONFIRMED) confirmed++;
            if (BeadFilter.isDoubtful(b, threshold)) doubtful++;
            if (b.status() != BeadStatus.CONFIRMED && !b.source().isEmpty() && blank(b.target(), target)) untranslated++;
        }
        return new Pair(a.sourceLang(), a.targetLang(), a.beads().size(), confirmed, doubtful, untranslated);
    }

    private static boolean blank(List<String> ids, DocumentVersion target) {
        if (ids.isEmpty()) return true;
        if (target == null) return false;
        for (String id : ids) {
            Paragraph p = target.paragraph(id);
            if (p == null || p.text().isBlank()) return true;
        }
        return false;
    }

    /**
     * Reads a statement's progress from the project's files.
     *
     * @param open the desk's current states of pairs it holds (key {@code src-tgt}; newer than the files), may be empty
     */
    public static StatementProgress of(Project p, String statementId, double threshold, Map<String, ReviewState> open) {
        List<String> order = p.manifest().languages();
        Comparator<String> byOrder = Comparator.comparingInt((String l) -> order.indexOf(l) < 0 ? Integer.MAX_VALUE
                : order.indexOf(l)).thenComparing(Comparator.naturalOrder());
        List<String> langs = new ArrayList<>(p.versionLanguages(statementId));
        langs.sort(byOrder);
        List<String> missing = order.stream().filter(l -> !langs.contains(l)).toList();
        Map<String, DocumentVersion> versions = new HashMap<>();
        for (ReviewState s : open.values()) {
            versions.put(s.alignment().sourceLang(), s.source());
            versions.put(s.alignment().targetLang(), s.target());
        }
        String title = null;
        List<Pair> pairs = new ArrayList<>();
        for (String src : langs) {
            for (String tgt : langs) {
                if (src.equals(tgt)) continue;
                ReviewState s = open.get(src + "-" + tgt);
                Alignment a;
                if (s != null) {
                    a = s.alignment();
                } else {
                    if (!Files.isRegularFile(p.alignmentFile(statementId, src, tgt))) continue;
                    a = p.loadAlignment(statementId, src, tgt).orElse(null);
                    if (a == null) continue;
                }
                DocumentVersion target = versions.computeIfAbsent(tgt, l -> p.loadVersion(statementId, l).orElse(null));
                pairs.add(count(a, target, threshold));
            }
        }
        for (String l : langs) {
            DocumentVersion v = versions.computeIfAbsent(l, x -> p.loadVersion(statementId, x).orElse(null));
            if (v != null && v.title() != null && !v.title().isBlank()) {
                title = v.title();
                break;
            }
        }
        return new StatementProgress(statementId, title, langs, missing, pairs);
    }
}
