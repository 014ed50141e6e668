package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import org.diptych.DiptychException;
import org.diptych.model.Languages;

/** Concordance of the embedded TM: units holding a word or phrase, stemmed, with the hits marked. */
final class TmConcordance {
    private TmConcordance() {}

    /**
     * Finds the units whose {@code lang} text contains a word or phrase, stemmed as the language's analyzer
     * stems it ("право" finds "права"), with the hits marked.
     *
     * @throws DiptychException if the text has only stop words
     */
    static List<ConcordanceHit> find(TmStore store, String text, String lang, int max) {
        String base = Languages.base(TmLookup.normalize(lang));
        String field = TmIndex.words(base);
        List<String> phrase = new ArrayList<>();
        for (Object[] t : TmIndex.analyze(base, field, text)) phrase.add((String) t[0]);
        if (phrase.isEmpty()) throw new DiptychException("'" + text + "' has only stop words; search for other words");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(phrase)) b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.MUST);
        List<ConcordanceHit> out = new ArrayList<>();
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                StoredFields sf = s.storedFields();
                // The index has no positions: candidates have all the words, the phrase is checked here.
                for (ScoreDoc sd : s.search(b.build(), Math.max(max * 4, 50)).scoreDocs) {
                    TmUnit u = TranslationMemory.load(sf, sd.doc);
                    for (TmVariant v : u.variants()) {
                        if (!base.equals(v.base())) continue;
                        List<int[]> spans = phraseSpans(TmIndex.analyze(base, field, v.text()), phrase);
                        if (!spans.isEmpty()) {
                            out.add(new ConcordanceHit(v, spans, u, u.provenance()));
                            break;
                        }
                    }
                    if (out.size() >= max) break;
                }
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Offsets of each run of analysed tokens equal to the phrase's terms, in order. */
    static List<int[]> phraseSpans(List<Object[]> tokens, List<String> phrase) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            boolean match = true;
            for (int k = 0; k < phrase.size() && match; k++) match = phrase.get(k).equals(tokens.get(i + k)[0]);
            if (!match) continue;
            for (int k = 0; k < phrase.size(); k++) {
                Object[] t = tokens.get(i + k);
                spans.add(new int[] {(Integer) t[1], (Integer) t[2]});
            }
            i += phrase.size() - 1;
        }
        return spans;
    }
}
