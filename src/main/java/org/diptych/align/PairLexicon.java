package org.diptych.align;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.diptych.model.Languages;
import org.diptych.tm.Analysis;

/**
 * The lexicon an alignment learns from the two documents it aligns (the realign of hunalign, with a real
 * model): the 1:1 beads of pass one that score well are taken as training pairs, IBM Model 1 ({@link WordModel})
 * is trained on their stems (the TM's Lucene analysis, {@link Analysis}, stop words dropped) in both
 * directions, and the symmetrised links become keys of the lexicon class of every paragraph holding them, for
 * pass two. Links of stems found in more than 12% of the paragraphs are dropped, as for cognates: they tell
 * nothing about which paragraph is which.
 */
final class PairLexicon {
    /** Key ids of learned links start here (a given lexicon's entries are numbered from 0). */
    static final int KEY_BASE = 1 << 24;
    /**
     * Pass-one 1:1 beads at least this good (nats) train the model: a bead whose lengths agree scores about 0
     * even without any other evidence (two languages of different scripts, no names, no numbers); one whose
     * lengths disagree, or whose anchors contradict it, scores lower. EM is robust to a few wrong pairs.
     */
    static final double TRAIN_SCORE = -1.0;
    /** Training pairs at most (taken evenly along the documents). */
    static final int MAX_PAIRS = 1500;
    /** Words of a paragraph read for training at most (its first ones). */
    static final int MAX_WORDS = 60;
    /** Fewest training pairs worth a model. */
    static final int MIN_PAIRS = 6;
    static final int ITERATIONS = 5;
    /** Both directions' t at least this. */
    static final double THRESHOLD = 0.4;

    private PairLexicon() {}

    /** A daemon thread per task (the aligner's own feature threads are made the same way). */
    static final java.util.concurrent.Executor ASYNC = r -> {
        Thread th = new Thread(r, "align-lexicon");
        th.setDaemon(true);
        th.start();
    };

    /** Stem ids per unit of one side, with the vocabulary they index (ids from 1). */
    record Tokens(int[][] ids, List<String> vocabulary) {}

    /** The stems of each unit's plain text as ids, or {@code null} for a language the analyzers do not know. */
    static Tokens tokens(Units u, String lang) {
        String base = Languages.base(lang);
        if (!base.equals("en") && !base.equals("ru") && !base.equals("pt")) return null;
        Analyzer a = Analysis.stems(base, true);
        Map<String, Integer> vocab = new HashMap<>();
        List<String> words = new ArrayList<>();
        words.add(null);
        int[][] ids = new int[u.n][];
        int[] buf = new int[64];
        try {
            for (int x = 0; x < u.n; x++) {
                int w = 0;
                if (u.struct[x] != Units.LINK && u.struct[x] != Units.CODE) {
                    try (TokenStream ts = a.tokenStream("", new StringReader(u.plain[x]))) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            if (term.length() < 2 || !hasLetter(term)) continue;
                            String s = term.toString();
                            Integer id = vocab.get(s);
                            if (id == null) {
                                id = words.size();
                                vocab.put(s, id);
                                words.add(s);
                            }
                            if (w == buf.length) buf = java.util.Arrays.copyOf(buf, 2 * w);
                            buf[w++] = id;
                        }
                        ts.end();
                    }
                }
                ids[x] = java.util.Arrays.copyOf(buf, w);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        } finally {
            a.close();
        }
        return new Tokens(ids, words);
    }

    private static boolean hasLetter(CharTermAttribute t) {
        for (int i = 0; i < t.length(); i++) if (Character.isLetter(t.charAt(i))) return true;
        return false;
    }

    /** What was learned: the links, with the stems they join. */
    record Learned(List<WordModel.Link> links, Tokens source, Tokens target, int trainingPairs) {
        String sourceWord(WordModel.Link l) {
            return source.vocabulary().get(l.e());
        }

        String targetWord(WordModel.Link l) {
            return target.vocabulary().get(l.f());
        }
    }

    /**
     * Trains on the given unit pairs and returns the links, or {@code null} with fewer than
     * {@link #MIN_PAIRS} usable pairs.
     */
    static Learned learn(Tokens s, Tokens t, List<int[]> pairs, double[] weights) {
        List<int[]> es = new ArrayList<>(), fs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        int step = Math.max(1, (pairs.size() + MAX_PAIRS - 1) / MAX_PAIRS);
        for (int k = 0; k < pairs.size(); k += step) {
            int[] p = pairs.get(k);
            int[] e = s.ids()[p[0]], f = t.ids()[p[1]];
            if (e.length == 0 || f.length == 0) continue;
            if (e.length > MAX_WORDS) e = java.util.Arrays.copyOf(e, MAX_WORDS);
            if (f.length > MAX_WORDS) f = java.util.Arrays.copyOf(f, MAX_WORDS);
            es.add(e);
            fs.add(f);
            ws.add(weights == null ? 1.0 : weights[k]);
        }
        if (es.size() < MIN_PAIRS) return null;
        double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
        // the two directions on two threads
        java.util.concurrent.CompletableFuture<WordModel> back =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> WordModel.train(fs, es, w, ITERATIONS), ASYNC);
        WordModel fwd = WordModel.train(es, fs, w, ITERATIONS);
        WordModel bwd = back.join();
        return new Learned(WordModel.links(fwd, bwd, THRESHOLD, 2), s, t, es.size());
    }

    /**
     * Pass one's lesson: trains on its good 1:1 beads ({@code ones}, {i, j} pairs) and adds the links as
     * lexicon keys to both sides' units (then {@link CostModel#lexiconChanged}). Returns what was learned, or
     * {@code null} when nothing was (too few pairs, a language without analyzer).
     */
    static Learned learnAndApply(CostModel model, List<int[]> ones, String sourceLang, String targetLang) {
        List<int[]> good = new ArrayList<>();
        for (int[] p : ones) if (model.score(p[0], 1, p[1], 1) >= TRAIN_SCORE) good.add(p);
        if (good.size() < MIN_PAIRS) return null;
        Tokens[] st = model.tokens();
        if (st == null) return null;
        Tokens s = st[0], t = st[1];
        Learned learned = learn(s, t, good, null);
        if (learned == null || learned.links().isEmpty()) return learned;
        apply(model.src, s, learned.links(), true);
        apply(model.tgt, t, learned.links(), false);
        model.lexiconChanged();
        return learned;
    }

    /** Adds to each unit the key of every link whose stem it holds (links of stems in too many units left out). */
    static void apply(Units u, Tokens tok, List<WordModel.Link> links, boolean sourceSide) {
        int words = tok.vocabulary().size();
        int[] df = new int[words];
        int[] seen = new int[words];
        java.util.Arrays.fill(seen, -1);
        for (int x = 0; x < u.n; x++) {
            for (int id : tok.ids()[x]) {
                if (seen[id] != x) {
                    seen[id] = x;
                    df[id]++;
                }
            }
        }
        int limit = u.n < 10 ? Integer.MAX_VALUE : Math.max(5, (int) (0.12 * u.n));
        Map<Integer, List<Integer>> byWord = new HashMap<>();
        for (int k = 0; k < links.size(); k++) {
            int w = sourceSide ? links.get(k).e() : links.get(k).f();
            if (df[w] > limit) continue;
            byWord.computeIfAbsent(w, z -> new ArrayList<>()).add(KEY_BASE + k);
        }
        if (byWord.isEmpty()) return;
        Units.KeyBuffer buf = new Units.KeyBuffer();
        for (int x = 0; x < u.n; x++) {
            if (u.struct[x] == Units.LINK) continue;
            buf.clear();
            boolean any = false;
            for (int id : tok.ids()[x]) {
                List<Integer> ks = byWord.get(id);
                if (ks == null) continue;
                for (int key : ks) buf.add(key);
                any = true;
            }
            if (!any) continue;
            for (int key : u.lex[x]) buf.add(key);
            u.lex[x] = buf.toSortedSet();
        }
    }
}
