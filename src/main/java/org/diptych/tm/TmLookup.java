package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import org.diptych.DiptychException;
import org.diptych.model.Languages;

/**
 * Lookups of the embedded TM (ranking): candidate retrieval from the index and re-scoring of each
 * candidate by {@link MatchScorer}. Thread-safe; works on the searcher the store gives.
 */
final class TmLookup {
    /**
     * Query terms used for BM25 candidates: the rarest ones. {@code -Ddiptych.tm.maxTerms=N} (and {@code
     * diptych.tm.maskedCandidates}, {@code diptych.tm.bm25Candidates}) for the lookup benchmarks only.
     */
    static final int MAX_TERMS = Integer.getInteger("diptych.tm.maxTerms", 8);
    private static final int MASKED_CANDIDATES = Integer.getInteger("diptych.tm.maskedCandidates",
            TmBackendSupport.MASKED_CANDIDATES);
    private static final int EXACT_CANDIDATES = TmBackendSupport.EXACT_CANDIDATES;
    private static final Integer BM25_CANDIDATES = Integer.getInteger("diptych.tm.bm25Candidates");

    private final TmStore store;

    TmLookup(TmStore store) {
        this.store = store;
    }

    /**
     * Finds the units whose source-language text is most like the query and that have the target
     * language, best first (score, then approved before draft, then more used, then newer).
     * Candidates come from the index: units whose words are equal up to case, punctuation and tags, or up
     * to numbers (hash points), and the best BM25 hits on the query's rarest pairs of stems (then on its
     * rarest stems if that found fewer than {@code max} matches); each candidate is scored by
     * {@link MatchScorer}.
     */
    List<TmMatch> lookup(TmQuery q) {
        // the candidates' scoring and order are TmBackendSupport's, shared with the team TM
        TmBackendSupport.Lookup lk = TmBackendSupport.lookup(q);
        if (!lk.searchable()) return List.of();
        String srcBase = lk.sourceBase();
        String tgtBase = lk.targetBase();
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                // Most TMs have the target language in every unit; then filtering would only slow BM25 down.
                Query filter = everyUnitHas(s, tgtBase) ? null : new TermQuery(new Term(TmIndex.LANG, tgtBase));
                Set<Integer> docs = new LinkedHashSet<>();
                collect(s, LongPoint.newExactQuery(TmIndex.exact(srcBase), lk.exactHash()), filter, EXACT_CANDIDATES, docs);
                StoredFields sf = s.storedFields();
                Set<Integer> offered = Set.of();
                if (TmBackendSupport.PRUNE && docs.size() < EXACT_CANDIDATES) {
                    // Every unit with the query's words is among these (fewer than were asked for). Any other
                    // unit has other words, so it scores 99 at most: when these already give the matches
                    // wanted at 100 or more, no other candidate can take their place.
                    for (int doc : docs) lk.offer(TranslationMemory.load(sf, doc));
                    if (lk.exactMatches() >= q.max()) return lk.matches();
                    offered = new java.util.HashSet<>(docs);
                }
                collect(s, LongPoint.newExactQuery(TmIndex.masked(srcBase), lk.maskedHash()), filter, MASKED_CANDIDATES, docs);
                int n = BM25_CANDIDATES == null ? lk.bm25Candidates() : BM25_CANDIDATES;
                Query pairs = termsQuery(s, srcBase, q.text(), true);
                if (pairs != null) collect(s, pairs, filter, n, docs);
                for (int doc : docs) {
                    if (!offered.contains(doc)) lk.offer(TranslationMemory.load(sf, doc));
                }
                if (lk.wantsMore()) {
                    // Edits can break most word pairs of a short text: then single words find the unit.
                    Query words = termsQuery(s, srcBase, q.text(), false);
                    Set<Integer> more = new LinkedHashSet<>();
                    if (words != null) collect(s, words, filter, n, more);
                    more.removeAll(docs);
                    for (int doc : more) lk.offer(TranslationMemory.load(sf, doc));
                }
                return lk.matches();
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private volatile Object languageCacheReader;
    private final Map<String, Boolean> languageCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** True if every unit has a variant in that language (remembered per index reader). */
    private boolean everyUnitHas(IndexSearcher s, String base) throws IOException {
        if (languageCacheReader != s.getIndexReader()) {
            languageCache.clear();
            languageCacheReader = s.getIndexReader();
        }
        Boolean all = languageCache.get(base);
        if (all == null) {
            all = s.count(new TermQuery(new Term(TmIndex.LANG, base))) == s.getIndexReader().numDocs();
            languageCache.put(base, all);
        }
        return all;
    }

    private static void collect(IndexSearcher s, Query q, Query filter, int n, Set<Integer> docs) throws IOException {
        Query bq = filter == null ? q : new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
        for (ScoreDoc sd : s.search(bq, n).scoreDocs) docs.add(sd.doc);
    }

    /**
     * A disjunction of the query's rarest word pairs, or stems (at most {@link #MAX_TERMS}, terms that no
     * unit has left out): BM25 over them ranks the candidates. Rare pairs are what tells a unit from its
     * many near-duplicates, and leaving out the common ones keeps the lookup fast on large TMs; single
     * stems are the fallback when the pairs found too little.
     */
    private static Query termsQuery(IndexSearcher s, String base, String text, boolean pairs) throws IOException {
        String field = TmIndex.words(base);
        Set<String> distinct = new LinkedHashSet<>();
        for (Object[] t : TmIndex.analyze(base, field, text, pairs)) distinct.add((String) t[0]);
        List<Term> terms = new ArrayList<>();
        Map<Term, TermStates> states = new java.util.HashMap<>();
        for (String t : distinct) {
            Term term = new Term(field, t);
            // the term's place in each index segment, looked up once: its docFreq picks the rarest terms, and
            // the TermQuery built on it does not look the term up again
            TermStates st = TermStates.build(s, term, true);
            if (st.docFreq() > 0) {
                terms.add(term);
                states.put(term, st);
            }
        }
        if (terms.isEmpty()) return null;
        terms.sort(Comparator.comparingInt(t -> states.get(t).docFreq()));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Term t : terms.subList(0, Math.min(MAX_TERMS, terms.size()))) {
            b.add(new TermQuery(t, states.get(t)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    static String normalize(String lang) {
        try {
            return Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
    }
}
