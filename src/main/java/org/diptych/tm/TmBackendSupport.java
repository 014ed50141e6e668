package org.diptych.tm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.model.Languages;

/**
 * What a backend other than the embedded one ({@link TranslationMemory}) needs of the TM's internals, so
 * that it indexes, retrieves and scores the way the embedded TM does: the unit's binary form, the terms the
 * embedded index holds for a text (stems and pairs of stems of {@link Analysis}, the same chain, so
 * candidates are found by the same words), the exact and number-masked hashes, the candidate scoring
 * ({@link MatchScorer}, in-context 101, the draft penalty, the same order), the concordance's phrase check,
 * and TMX reading and writing.
 *
 * <p>The lookup rule here is the embedded TM's ({@code TranslationMemory.lookup}): kept in step with it by
 * {@code TmBackendContract}, which runs the same behavioural tests on every backend.
 */
public final class TmBackendSupport {
    /** Exact-hash candidates per lookup (as the embedded TM). */
    public static final int EXACT_CANDIDATES = 10;
    /** Number-masked-hash candidates per lookup. */
    public static final int MASKED_CANDIDATES = 30;
    /** BM25 candidates per lookup (at least; three times the matches asked for when more). */
    public static final int BM25_CANDIDATES = 30;

    private TmBackendSupport() {}

    // ---------------------------------------------------------------- units

    /** The unit's compact binary form (what the embedded index stores). */
    public static byte[] encode(TmUnit u) {
        return UnitCodec.encode(u);
    }

    public static TmUnit decode(byte[] bytes) {
        return UnitCodec.decode(bytes, 0, bytes.length);
    }

    /** {@code statement|srcLang|tgtLang} for units fed from an alignment, else {@code null}. */
    public static String scopeOf(TmUnit u) {
        return TmIndex.scopeOf(u);
    }

    // ---------------------------------------------------------------- index terms

    /** Base languages of the unit's variants, each once, in order. */
    public static Set<String> bases(TmUnit u) {
        Set<String> out = new LinkedHashSet<>();
        for (TmVariant v : u.variants()) if (v.base() != null) out.add(v.base());
        return out;
    }

    /**
     * The terms the embedded index holds for a text in a base language: its stems and the pairs of
     * consecutive stems ({@code "deleg approv"}), in order, repeated as often as they occur.
     */
    public static List<String> indexTerms(String base, String text) {
        List<String> out = new ArrayList<>();
        for (Object[] t : TmIndex.analyze(base, TmIndex.words(base), text, false)) out.add((String) t[0]);
        for (Object[] t : TmIndex.analyze(base, TmIndex.words(base), text, true)) {
            String s = (String) t[0];
            if (s.indexOf(' ') >= 0) out.add(s);
        }
        return out;
    }

    /** The distinct query terms of a text: its pairs of stems, or (fallback) its stems. */
    public static List<String> queryTerms(String base, String text, boolean pairs) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Object[] t : TmIndex.analyze(base, TmIndex.words(base), text, pairs)) distinct.add((String) t[0]);
        return new ArrayList<>(distinct);
    }

    /** The stems of a text (stop words dropped), in order: a concordance phrase. */
    public static List<String> stems(String base, String text) {
        List<String> out = new ArrayList<>();
        for (Object[] t : TmIndex.analyze(base, TmIndex.words(base), text)) out.add((String) t[0]);
        return out;
    }

    /** {exact, masked}: hashes of a stored text's lower-case words, the second with numbers masked. */
    public static long[] textHashes(String text) {
        return Tokens.hashes(text);
    }

    // ---------------------------------------------------------------- lookup

    /**
     * One lookup: the query's hashes and terms for candidate retrieval, then the candidates offered one by
     * one, scored as the embedded TM scores them, and the best matches.
     */
    public static final class Lookup {
        private final TmQuery q;
        private final Tokens qt;
        private final String src;
        private final String tgt;
        private final String srcBase;
        private final String tgtBase;
        private final String context;
        private final Map<String, Candidate> scored = new java.util.LinkedHashMap<>();

        Lookup(TmQuery q) {
            this.q = q;
            src = normalize(q.sourceLang());
            tgt = normalize(q.targetLang());
            if (src.equals(tgt)) throw new DiptychException("source and target language are the same (" + src + ")");
            srcBase = Languages.base(src);
            tgtBase = Languages.base(tgt);
            qt = Tokens.of(q.text(), q.tags());
            context = q.previousText() == null ? null : TranslationMemory.contextHash(q.previousText());
            best = new int[Math.max(0, q.max())];
        }

        /** False if the query has nothing to look for (no word, no punctuation). */
        public boolean searchable() {
            return qt.words.length > 0 || !qt.all.isEmpty();
        }

        public String sourceBase() {
            return srcBase;
        }

        public String targetBase() {
            return tgtBase;
        }

        public long exactHash() {
            return Tokens.hash(qt.words);
        }

        public long maskedHash() {
            return Tokens.hash(qt.masked);
        }

        /** Query terms: the pairs of stems (first round), or the stems (second round). */
        public List<String> terms(boolean pairs) {
            return queryTerms(srcBase, q.text(), pairs);
        }

        /** BM25 candidates to fetch. */
        public int bm25Candidates() {
            return Math.max(BM25_CANDIDATES, q.max() * 3);
        }

        /** The best scores so far, at most {@code q.max()}, highest first. */
        private final int[] best;
        private int bestCount;

        /** Scores a candidate unit (a unit offered twice counts once). */
        public void offer(TmUnit u) {
            if (scored.containsKey(u.id())) return;
            // a candidate that cannot reach the minimum score, or the q.max()-th best score found so far,
            // cannot be among the matches: it is passed over before the edit distance and the trigrams
            int floor = best.length > 0 && bestCount == best.length
                    ? Math.max(q.minScore(), best[best.length - 1]) : q.minScore();
            Candidate c = score(u, qt, src, tgt, srcBase, tgtBase, context, PRUNE ? floor : Integer.MIN_VALUE);
            boolean kept = c != null && c.score >= q.minScore();
            scored.put(u.id(), kept ? c : null);
            if (kept) remember(c.score);
        }

        private void remember(int score) {
            if (best.length == 0) return;
            if (bestCount == best.length && score <= best[bestCount - 1]) return;
            int i = bestCount == best.length ? bestCount - 1 : bestCount++;
            while (i > 0 && best[i - 1] < score) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = score;
        }

        /** How many of the candidates scored so far are exact matches (100, or 101 in context). */
        public int exactMatches() {
            int n = 0;
            for (Candidate c : scored.values()) if (c != null && c.score >= 100) n++;
            return n;
        }

        /** True if fewer than the wanted matches were found: then look for single stems too. */
        public boolean wantsMore() {
            int n = 0;
            for (Candidate c : scored.values()) if (c != null) n++;
            return n < q.max();
        }

        /** The best matches, best first. */
        public List<TmMatch> matches() {
            List<Candidate> all = new ArrayList<>();
            for (Candidate c : scored.values()) if (c != null) all.add(c);
            all.sort(Candidate.ORDER);
            List<TmMatch> out = new ArrayList<>();
            for (Candidate c : all.subList(0, Math.min(q.max(), all.size()))) {
                out.add(new TmMatch(c.score, c.kind, c.scored.differences(), c.description, c.source, c.target,
                        MatchScorer.diff(qt, c.tokens), c.unit, c.unit.provenance()));
            }
            return out;
        }
    }

    /** Starts a lookup (checks the languages). */
    public static Lookup lookup(TmQuery q) {
        return new Lookup(q);
    }

    /** The order of matches of the embedded TM: score, approved before draft, closer characters, more used, newer. */
    public static final Comparator<TmMatch> MATCH_ORDER = Comparator.comparingInt((TmMatch m) -> -m.score())
            .thenComparing(m -> m.unit().isDraft())
            .thenComparingInt(m -> -m.unit().usageCount())
            .thenComparing((TmMatch m) -> m.unit().attributes().getOrDefault("changedate",
                    m.unit().attributes().getOrDefault("creationdate", "")), Comparator.reverseOrder());

    private record Candidate(TmUnit unit, TmVariant source, TmVariant target, Tokens tokens,
                             MatchScorer.Scored scored, int score, MatchKind kind, String description, double fine) {
        static final Comparator<Candidate> ORDER = Comparator.comparingInt((Candidate c) -> -c.score)
                .thenComparing(c -> c.unit.isDraft())
                .thenComparingDouble(c -> -c.fine)
                .thenComparingInt(c -> -c.unit.usageCount())
                .thenComparing((Candidate c) -> c.unit.attributes().getOrDefault("changedate",
                        c.unit.attributes().getOrDefault("creationdate", "")), Comparator.reverseOrder())
                .thenComparing(c -> c.unit.id());
    }

    /** Off only in the test that checks that passing over candidates changes no lookup's matches. */
    static volatile boolean PRUNE = true;

    /**
     * The unit's best source variant as a candidate, or null; a variant whose {@link MatchScorer#upperBound}
     * is below {@code floor} is not scored (it cannot be among the matches).
     */
    private static Candidate score(TmUnit u, Tokens qt, String src, String tgt, String srcBase, String tgtBase,
                                   String context, int floor) {
        Candidate best = null;
        for (TmVariant v : u.variants()) {
            String n = v.normalizedLang();
            if (n == null || !Languages.base(n).equals(srcBase)) continue;
            TmVariant target = targetFor(u, v, tgt, tgtBase);
            if (target == null) continue;
            Tokens vt = Tokens.of(v.text(), v.tags());
            // the draft penalty only lowers a score
            if (MatchScorer.upperBound(qt, vt) < floor) continue;
            MatchScorer.Scored sc = MatchScorer.score(qt, vt);
            int score = sc.score();
            MatchKind kind = sc.kind();
            String desc = sc.description();
            if (score == 100 && context != null && context.equals(v.prop(TmUnit.PROP_PREVIOUS))) {
                score = 101;
                kind = MatchKind.IN_CONTEXT;
                desc = "in-context exact match (the previous paragraph matches too)";
            }
            if (u.isDraft()) {
                score -= 1;
                desc += "; draft (not approved)";
            }
            Candidate c = new Candidate(u, v, target, vt, sc, score, kind, desc,
                    MatchScorer.dice(qt.trigrams(), vt.trigrams()));
            if (best == null || c.score > best.score || (c.score == best.score && n.equals(src))) best = c;
        }
        return best;
    }

    private static TmVariant targetFor(TmUnit u, TmVariant source, String tgt, String tgtBase) {
        TmVariant first = null;
        for (TmVariant v : u.variants()) {
            if (v == source) continue;
            String n = v.normalizedLang();
            if (n == null || !Languages.base(n).equals(tgtBase)) continue;
            if (n.equals(tgt)) return v;
            if (first == null) first = v;
        }
        return first;
    }

    /** A language code normalised ({@code EN_us} → {@code en-US}); a one-line error for an unknown one. */
    public static String normalize(String lang) {
        try {
            return Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- concordance

    /**
     * The concordance hit of a unit for a phrase of stems in a base language (the phrase's stems in order in
     * one of its variants), or {@code null}.
     */
    public static ConcordanceHit concordanceHit(TmUnit u, String base, List<String> phrase) {
        String field = TmIndex.words(base);
        for (TmVariant v : u.variants()) {
            if (!base.equals(v.base())) continue;
            List<Object[]> tokens = TmIndex.analyze(base, field, v.text());
            List<int[]> spans = TmConcordance.phraseSpans(tokens, phrase);
            if (!spans.isEmpty()) return new ConcordanceHit(v, spans, u, u.provenance());
        }
        return null;
    }

    // ---------------------------------------------------------------- TMX

    /** Receives the valid units of a TMX file. */
    public interface UnitSink {
        void unit(TmUnit u) throws IOException;
    }

    /** The counts of reading a TMX file; what became of the units is the sink's. */
    public record ReadResult(long read, long skipped, List<String> warnings, long warningCount) {}

    /**
     * Reads a TMX file (1.1–1.4b, the embedded TM's reader: malformed units skipped with line-numbered
     * warnings), giving each valid unit to the sink.
     *
     * @throws DiptychException if the file is not a readable TMX file
     */
    public static ReadResult readTmx(Path file, Progress progress, UnitSink sink) throws IOException {
        if (!Files.isRegularFile(file)) throw new DiptychException(file + ": no such file");
        long size = Files.size(file);
        TmxWarnings warnings = new TmxWarnings(file.toString());
        long[] read = new long[1];
        TmxReader.Result r = new TmxReader(file, warnings).read(new TmxReader.Handler() {
            @Override
            public void unit(TmUnit unit, int line) throws IOException {
                read[0]++;
                sink.unit(unit);
            }

            @Override
            public void progress(long bytesRead) {
                progress.checkCancelled();
                progress.update(bytesRead, size, "importing " + file.getFileName());
            }
        });
        return new ReadResult(read[0], r.skipped(), warnings.list(), warnings.count());
    }

    /** Gives units to a TMX writer. */
    public interface UnitSource {
        /** Calls {@code out} with every unit to write. */
        void forEach(UnitSink out) throws IOException;
    }

    /**
     * Writes units as TMX 1.4b to {@code out} atomically (a forced temporary file beside it, renamed into
     * place); returns how many were written.
     */
    public static long writeTmx(Path out, UnitSource units) {
        Path parent = out.toAbsolutePath().getParent();
        RecordFiles.Written w = null;
        try {
            Files.createDirectories(parent);
            w = RecordFiles.writeTmx(out, Map.of(), tw -> {
                long[] n = new long[1];
                units.forEach(u -> {
                    tw.write(u);
                    n[0]++;
                });
                return n[0];
            });
            RecordFiles.moveAtomically(w.tmp(), out);
            long n = w.units();
            w = null;
            return n;
        } catch (IOException e) {
            throw new DiptychException(out + ": cannot write TMX (" + e.getMessage() + ")", e);
        } finally {
            if (w != null) RecordFiles.deleteQuietly(w.tmp());
        }
    }
}
