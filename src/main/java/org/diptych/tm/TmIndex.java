package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import org.diptych.model.Languages;

/**
 * How units are laid out in the Lucene index. One document per unit:
 *
 * <pre>
 * id          (long point) 64-bit hash of the unit id
 * lang        base language of each variant (en, ru, pt): filters lookups to units with the target language
 * w_&lt;lang&gt;    variant text analysed by that language's Lucene analyzer (stemming, stop words): the stems
 *             (concordance) and the pairs of consecutive stems, "deleg approv" (BM25 lookup candidates);
 *             which documents only: no frequencies, norms or positions (layout 2, {@link TmStore#INDEX_FORMAT})
 * y_&lt;lang&gt;    (long point) hash of the lower-case words: finds texts equal up to case, punctuation and tags
 * x_&lt;lang&gt;    (long point) the same with numbers masked: finds texts that differ only in numbers
 * scope       statement|srcLang|tgtLang of units fed from an alignment
 * draft       "1" for draft units
 * unit        the whole unit ({@link UnitCodec}), stored
 * </pre>
 */
final class TmIndex {
    static final String ID = "id";
    static final String LANG = "lang";
    static final String SCOPE = "scope";
    static final String DRAFT = "draft";
    static final String UNIT = "unit";

    private static final Map<String, Analyzer> ANALYZERS = Map.of(
            "en", chain("en", 0), "ru", chain("ru", 0), "pt", chain("pt", 0));
    private static final Map<String, Analyzer> PAIR_ANALYZERS = Map.of(
            "en", chain("en", 1), "ru", chain("ru", 1), "pt", chain("pt", 1));
    /** Words and word pairs in one pass: what the w_ fields index. */
    private static final Map<String, Analyzer> INDEX_ANALYZERS = Map.of(
            "en", chain("en", 2), "ru", chain("ru", 2), "pt", chain("pt", 2));

    /**
     * Analysed words and word pairs: which documents hold them, nothing more. Phrases are checked on the
     * candidates' text, and candidates are re-scored by {@link MatchScorer}, so BM25 needs only the terms'
     * rarity; without norms the flush no longer reads a norm back for every posting (the import's largest
     * flush cost), without frequencies the postings are smaller.
     */
    static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    /** A one-dimensional long point ({@link LongPoint}'s layout), one type for every point the index adds. */
    private static final FieldType LONG_POINT = new FieldType();

    static {
        LONG_POINT.setDimensions(1, Long.BYTES);
        LONG_POINT.freeze();
    }

    private TmIndex() {}

    /**
     * The same field as {@code new LongPoint(name, value)} without a new {@link FieldType} per point (the
     * index adds five points to every unit).
     */
    private static Field longPoint(String name, long value) {
        byte[] b = new byte[Long.BYTES];
        NumericUtils.longToSortableBytes(value, b, 0);
        return new Field(name, new BytesRef(b), LONG_POINT);
    }

    /** The TM's analysis of a base language, with stop words; see {@link Analysis#chain}. */
    private static Analyzer chain(String base, int mode) {
        return Analysis.chain(base, true, mode);
    }

    static String words(String base) {
        return "w_" + base;
    }

    static String exact(String base) {
        return "y_" + base;
    }

    static String masked(String base) {
        return "x_" + base;
    }

    static Analyzer analyzer(String base) {
        Analyzer a = ANALYZERS.get(base);
        if (a == null) throw new IllegalArgumentException("no analyzer for language " + base);
        return a;
    }

    /** Word pairs (two consecutive stems; a lone stem when there is only one): lookup candidates. */
    static Analyzer pairAnalyzer(String base) {
        Analyzer a = PAIR_ANALYZERS.get(base);
        if (a == null) throw new IllegalArgumentException("no analyzer for language " + base);
        return a;
    }

    /** The analyzer for index writing: each w_ field gets its language's words and word pairs. */
    static Analyzer indexAnalyzer() {
        Map<String, Analyzer> per = new HashMap<>();
        for (String b : Languages.SUPPORTED_BASES) per.put(words(b), INDEX_ANALYZERS.get(b));
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), per);
    }

    /** The documents of a unit id (its 64-bit hash: a point, not a term, keeps a million ids cheap). */
    static org.apache.lucene.search.Query idQuery(String id) {
        return LongPoint.newExactQuery(ID, UnitIds.longOf(id));
    }

    static String hex(long h) {
        return HexFormat.of().toHexDigits(h);
    }

    static Document document(TmUnit u) {
        Document d = new Document();
        d.add(longPoint(ID, UnitIds.longOf(u.id())));
        Set<String> langs = new LinkedHashSet<>();
        for (TmVariant v : u.variants()) {
            String b = v.base();
            if (b == null) continue;
            langs.add(b);
            d.add(new Field(words(b), v.text(), WORDS_TYPE));
            long[] h = Tokens.hashes(v.text());
            d.add(longPoint(exact(b), h[0]));
            d.add(longPoint(masked(b), h[1]));
        }
        for (String b : langs) d.add(new StringField(LANG, b, Field.Store.NO));
        String scope = scopeOf(u);
        if (scope != null) d.add(new StringField(SCOPE, scope, Field.Store.NO));
        if (u.isDraft()) d.add(new StringField(DRAFT, "1", Field.Store.NO));
        d.add(new StoredField(UNIT, UnitCodec.encodeRef(u)));
        return d;
    }

    /** {@code statement|srcLang|tgtLang} for fed units (the first three parts of their key), else null. */
    static String scopeOf(TmUnit u) {
        String key = u.prop(TmUnit.PROP_KEY);
        if (key == null) return null;
        String[] p = key.split("\\|");
        return p.length >= 3 ? p[0] + "|" + p[1] + "|" + p[2] : null;
    }

    /** The analysed terms of a text, in order, each with its offsets: {term, start, end}. */
    static List<Object[]> analyze(String base, String field, String text) {
        return analyze(base, field, text, false);
    }

    /** Like {@link #analyze(String, String, String)}; with {@code pairs}, the word pairs instead of the words. */
    static List<Object[]> analyze(String base, String field, String text, boolean pairs) {
        List<Object[]> out = new ArrayList<>();
        Analyzer a = pairs ? pairAnalyzer(base) : analyzer(base);
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Object[] {term.toString(), off.startOffset(), off.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
