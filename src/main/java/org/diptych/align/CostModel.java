package org.diptych.align;

import java.util.Arrays;
import java.util.List;

import org.diptych.model.Languages;

/**
 * The alignment cost model, all in one place: how much a bead (some consecutive source paragraphs
 * against some consecutive target paragraphs) is worth. The dynamic programme ({@link BandDp}) maximises
 * the sum of bead scores; forward-backward over the same scores gives each bead's posterior probability,
 * which {@link #confidence} maps to the reported confidence.
 *
 * <h2>Score of a bead</h2>
 * A score is a log-likelihood ratio in nats, "these paragraphs translate each other" against "they are
 * unrelated", plus the log prior of the bead's shape:
 * <pre>
 * score = prior(a:b) + length + Σ_classes evidence + words + structure + quotes       (a, b ≥ 1)
 * score = prior(1:0)                                                          (a paragraph left alone)
 * </pre>
 * <ul>
 *   <li><b>prior</b>: 1:1 → 0, 1:0 and 0:1 → {@link #PRIOR_SKIP}, 2:1 and 1:2 → {@link #PRIOR_21}, 2:2 →
 *       {@link #PRIOR_22}; 3:1 and 1:3 of any paragraphs (a translator ran three into one) → {@link #PRIOR_31}; 1:n and n:1 for 3 ≤ n ≤ {@link #MAX_LIST} → {@link #PRIOR_LIST} − 0.3·(n−3), and
 *       only when the n paragraphs are list-like (list items or short lines) and the single paragraph has at
 *       least n−1 separators (lines, commas, semicolons): a list written in one paragraph against its items.</li>
 *   <li><b>length</b> (Gale and Church, with a proportional term for long paragraphs):
 *       {@code δ = (lt − c·ls) / sqrt(s2·μ + (κ·μ)²)}, {@code μ = (ls + lt/c)/2}, score
 *       {@code bonus − (ν+1)/2·ln(1 + δ²/ν)} (Student's t, ν = {@link #LEN_DF}: heavy tails for the sentence a
 *       translator added or dropped; floored at {@link #LEN_FLOOR}), where {@code bonus} is the log ratio of the
 *       density of the bead's target lengths under "translation" (their sum at its expected value; where the
 *       paragraph breaks fall inside it, uniform) to their density under "unrelated" (each paragraph's length
 *       among the target document's own, a smoothed histogram of log lengths): two short lines of matching
 *       length prove little in a document full of short lines. The null is the same for every path, so a
 *       merge is not rewarded for making a length rarer than any single paragraph's; the bonus is averaged
 *       with the same taken from the source side, so the score does not depend on which version is the source.
 *       {@code c} (target characters per
 *       source character) is estimated from the two documents; {@code κ} from the first pass.</li>
 *   <li><b>evidence</b> of the keys of both sides (see {@link Units}), taken as the unions over each side's
 *       paragraphs. Exact anchors — numbers and dates, URLs and e-mails, names and acronyms through
 *       transliteration: every key shared earns {@code w = ln(p/q)}, every key of either side left unmatched
 *       costs {@code u = ln((1−q)/(1−p))}, with p the rate at which such a key finds its partner in a true pair
 *       and q the rate in an unrelated one (fixed: {@code NUM_*}, {@code URL_*}, {@code NAME_*}). Bags of
 *       words — cognates and lexicon entries, whose rates vary a lot between paragraphs and language pairs:
 *       {@code DICE_WEIGHT · (Dice − chance) · sqrt(min(|A|, |B|))}, where chance is the Dice of unrelated
 *       paragraphs, re-estimated from the first pass (its 1:1 beads shifted by three). The square root makes
 *       two 1:1 beads worth more than one 2:2 bead of the same similarity, so cross matches between
 *       neighbouring paragraphs do not glue them together.</li>
 *   <li><b>words</b>: the project's IBM Model 1 ({@link WordTable}, stored by {@link StoredLexicon}), read as
 *       {@link #WORD_WEIGHT}·(coverage − chance)·sqrt(known words of the smaller side), the coverage being the
 *       expected share of the bead's known words that have a translation on the other side (see
 *       {@link WordEvidence}), chance re-estimated from the first pass like the Dice of the bags.</li>
 *   <li><b>structure</b>: the first paragraph of each side compared by markdown role — heading levels, list
 *       items, bold openers ({@code **Question:** …}), link-only lines, quotes. Same role earns, heading
 *       against plain text costs, heading against bold opener earns a little (translators turn
 *       {@code ###} into bold lines). A heading inside a multi-paragraph bead costs, and so does a heading
 *       paired with a heading when one side also carries the body text that follows it. A lead-in line
 *       ("Signed:") glued to what it introduces earns {@link #STRUCT_LEAD_IN} against a paragraph that opens
 *       with its own lead-in.</li>
 *   <li><b>quotes</b>: quotation marks and brackets matched (+) or not (−).</li>
 *   <li>Two link-only lines ({@code [Title](url)}, the links of a post to its other language versions) pair
 *       by position with the fixed score {@link #LINK_PAIR}: their titles and targets differ by design.</li>
 * </ul>
 * A translator's note or credit line (see {@link Units}) and a link-only line cost {@link #STRUCT_NOTE} in a
 * bead with other paragraphs: they stand alone. So does page furniture ({@link Units#furniture}: translation credits,
 * "Source:" lines, captions, share lines, dates alone, signature tails, link definitions), which pairs 1:1 only with
 * furniture of its kind ({@link #FURNITURE_SAME}; with text, {@link #STRUCT_NOTE}) and is left alone for
 * {@link #PRIOR_FURNITURE_SKIP} instead of {@link #PRIOR_SKIP}: one version often has it and the other not. Two link
 * definitions pair for {@link #LINK_DEF_PAIR}, barely more than both left alone, so a block of them that a
 * translation moved past a paragraph (a crossing no monotone alignment can pair) is left alone, not paired at the
 * cost of the paragraphs. A short line (under {@link #SHORT} characters, not a list item)
 * in a 2:1, 1:2 or 2:2 bead costs {@link #SHORT_MERGE}: a short line without counterpart is more often one a
 * translator left out or added than one glued to its neighbour — except a lead-in ending with a colon
 * ("Signed:") that opens the bead.
 * <p>Sentences torn by a paragraph break ({@link Units#soft}: a paragraph ending with a comma or a word, the next
 * one starting with a small letter). Where both versions tear a sentence, each at its own point, the halves
 * correspond only as wholes: a 2:2 bead whose two sides are both torn earns {@link #SOFT_JOIN} per side (and its
 * short half is not a line left alone). A bead that opens inside a sentence on one side and at a sentence start
 * on the other costs {@link #SOFT_START}: one of its edges is likely misplaced. (A torn half left alone costs
 * nothing extra: translators do drop connectives such as "now, therefore,".)
 *
 * <h2>Confidence</h2>
 * The posterior p of each bead of the best path is computed with scores divided by {@link #TEMPERATURE}
 * (forward-backward over the band), then mapped by a logistic function of logit(p) and the bead's kind
 * (one-sided, multi-paragraph, holding a short unit), the margin by which a 1:1 bead's paragraph fits a neighbour
 * outside the bead better ({@link #rival}: a pasted duplicate, a rewrite next to its old version), for a
 * paragraph left alone, how much its own words are found in a neighbour ({@link #lone}, through {@link #support}: a
 * piece of a passage split into more paragraphs than a bead holds), a line the same in both versions that one of
 * them glued to a paragraph ({@link #glued}), and a paragraph that repeats the one before it ({@link #copy}):
 * {@code σ(w·x)}, see {@link #calibrationFeatures}; the map reads the bead's neighbours on the path, so it is
 * applied once the path is whole. The
 * weights {@link #CALIBRATION} were fitted by {@code org.diptych.align.AlignCalibration} (test sources) on
 * seeded perturbations of the project's own test statements (with, in some variants, a replaced paragraph, a glued
 * line or a paragraph split at every sentence), never on the benchmark's evaluation texts, with
 * every wrong bead counted three times: the map leans to doubt (a wrong pair called sure costs a coordinator
 * more than a right pair sent to review), so that most wrong beads fall below 0.5 while beads at 0.9 and above
 * stay right well over 97% of the time. Below 0.5 it is under-confident by design.
 */
final class CostModel {
    // -------------------------------------------------------------- priors (log probabilities)
    static final double PRIOR_SKIP = -3.6;
    static final double PRIOR_21 = -3.2;
    static final double PRIOR_22 = -4.6;
    static final double PRIOR_LIST = -3.5;
    /** Three paragraphs against one, not a list: a translator merged (or split) a longer passage. */
    static final double PRIOR_31 = -7.0;
    /** Longest list bead: 1:n with n up to this. */
    static final int MAX_LIST = 8;
    /** A line of a list: at most this many characters. */
    static final int LIST_LINE = 120;

    // -------------------------------------------------------------- length
    static final double S2 = 6.8;
    /** Weight, in source characters, of the typical ratio of a language pair against the documents' own. */
    static final double RATIO_PSEUDO = 1500;
    static final double KAPPA0 = 0.10;
    static final double LEN_FLOOR = -24;
    static final double LEN_DF = 6;
    /** Width of a bin of the length histogram, in natural log units. */
    static final double LOG_BIN = 0.25;

    // -------------------------------------------------------------- evidence rates (p: true pairs, q: chance)
    static final double NUM_P = 0.85, NUM_Q = 0.06;
    static final double URL_P = 0.85, URL_Q = 0.01;
    static final double NAME_P = 0.6, NAME_Q = 0.02;
    // -------------------------------------------------------------- bag-of-keys similarity (cognates, lexicon)
    /** Nats per unit of Dice above chance, per square root of the smaller side's key count. */
    static final double DICE_WEIGHT = 10;
    /**
     * The most a bag of words (cognates, lexicon entries) earns per word it shares: the Dice term of two bags of
     * one word each that match would be {@code DICE_WEIGHT·(1 − chance)}, about 9 nats, for one word pair — more
     * than a number or a name earns, and enough for a word of a neighbouring paragraph to glue it in (a learned
     * "government" pair in the UDHR's article 21, items 1 and 3). Large bags earn 2–3 nats per shared word.
     */
    static final double BAG_PER_KEY = 3.0;
    static final double CHANCE_DICE_SAME_SCRIPT = 0.05, CHANCE_DICE_CROSS_SCRIPT = 0.02, CHANCE_DICE_LEX = 0.03;

    // -------------------------------------------------------------- the project's word model (IBM Model 1)
    /** Nats per unit of Model 1 coverage above chance, per square root of the smaller side's known words. */
    static final double WORD_WEIGHT = 8;
    /** Default coverage of unrelated paragraphs, before the first pass re-estimates it. */
    static final double CHANCE_WORDS = 0.06;

    // -------------------------------------------------------------- structure and quotes
    static final double STRUCT_SAME = 1.5, STRUCT_HEADING_BOLD = 0.6, STRUCT_HEADING_PLAIN = -2.0,
            STRUCT_LIST_PLAIN = -0.3, STRUCT_LINK_OTHER = -1.5, STRUCT_OTHER = -0.5, STRUCT_INNER_HEADING = -1.5;
    /** Per side, a paragraph break inside a sentence (see {@link Units#soft}) within a 2:2 bead whose two sides both tear a sentence. */
    static final double SOFT_JOIN = 2.0;
    /** A bead that starts inside a sentence (see {@link Units#soft}) on one side only. */
    static final double SOFT_START = -1.5;
    /** A lead-in line alone ("Signed:") glued to what follows it, against a paragraph that opens with a lead-in. */
    static final double STRUCT_LEAD_IN = 1.0;
    /** A short line (not a list item) in a 2:1, 1:2 or 2:2 bead. */
    static final double SHORT_MERGE = -0.5;
    /** Two link-only lines paired. */
    static final double LINK_PAIR = 3.0;
    /** Two link-reference definitions paired (two left alone cost 2·{@link #PRIOR_FURNITURE_SKIP}). */
    static final double LINK_DEF_PAIR = 1.0;
    /** A unit of page furniture ({@link Units#furniture}) left alone. */
    static final double PRIOR_FURNITURE_SKIP = -1.0;
    /** Page furniture of the same kind paired (a source line with a source line); furniture with text costs {@link #STRUCT_NOTE}. */
    static final double FURNITURE_SAME = 1.5;
    /** A translator's note or credit line in a bead with anything (notes are additions, they stand alone); a link-only line with more than one unit. */
    static final double STRUCT_NOTE = -3.0;
    static final double QUOTE_W = 0.3, QUOTE_U = 0.4;

    // -------------------------------------------------------------- confidence
    static final double TEMPERATURE = 2.0;
    /** Weights of {@link #calibrationFeatures} ({@link #FEATURES}): bias, logit(posterior), one-sided, multi-paragraph, short unit, both, rival, lone, glued, lone as a step, copy. */
    static final double[] CALIBRATION = {-2.114, 2.515, 0.821, 4.536, 1.623, -2.918, -3.607, -0.044, -16.7, -15.815, -4.533};
    /** A unit shorter than this (characters) carries little evidence. */
    static final int SHORT = 40;

    /** Bead shapes the programme tries, as {a, b} pairs; list shapes come last. */
    static final int[][] SHAPES;

    static {
        int[][] base = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}};
        SHAPES = new int[base.length + 2 * (MAX_LIST - 2)][];
        System.arraycopy(base, 0, SHAPES, 0, base.length);
        int k = base.length;
        for (int n = 3; n <= MAX_LIST; n++) {
            SHAPES[k++] = new int[] {1, n};
            SHAPES[k++] = new int[] {n, 1};
        }
    }

    final Units src, tgt;
    final String sourceLang, targetLang;
    /** One side Cyrillic, the other Latin. */
    final boolean crossScript;
    // estimated parameters
    double c;
    double kappa = KAPPA0;
    /** Per key class: w, the worth of a shared key, and u, the cost of an unmatched one. */
    final double[] w = new double[Units.CLASSES];
    final double[] unmatched = new double[Units.CLASSES];
    /** Per bag class (cognates, lexicon): the Dice coefficient of unrelated paragraphs. */
    final double[] chanceDice = new double[Units.CLASSES];
    /** Per class, the key unions of units x and x+1 of each side. */
    private final int[][][] srcPairs, tgtPairs;
    private long[] srcLenSum, tgtLenSum;
    private int[] srcQuoteSum, tgtQuoteSum;
    /** Number of consecutive list-like units ending just before index k. */
    private int[] srcListRun, tgtListRun;
    /** ln c, kept with c. */
    private double logC;
    /** Prefix sums of each unit's log null density (per character) of its own length: target, source. */
    private final double[] tgtNullSum, srcNullSum;

    static final int NUM = Units.NUM, URL = Units.URL, NAME = Units.NAME, COG = Units.COG, LEX = Units.LEX;

    CostModel(Units src, Units tgt, String sourceLang, String targetLang) {
        this.src = src;
        this.tgt = tgt;
        this.sourceLang = sourceLang;
        this.targetLang = targetLang;
        double c0 = typicalRatio(sourceLang, targetLang);
        c = clamp((tgt.totalLen + RATIO_PSEUDO * c0) / (src.totalLen + RATIO_PSEUDO), 0.3, 3.0);
        logC = Math.log(c);
        crossScript = Languages.base(sourceLang).equals("ru") != Languages.base(targetLang).equals("ru");
        setRates(NUM, NUM_P, NUM_Q);
        setRates(URL, URL_P, URL_Q);
        setRates(NAME, NAME_P, NAME_Q);
        chanceDice[COG] = crossScript ? CHANCE_DICE_CROSS_SCRIPT : CHANCE_DICE_SAME_SCRIPT;
        chanceDice[LEX] = CHANCE_DICE_LEX;
        srcLenSum = prefix(src.len);
        tgtLenSum = prefix(tgt.len);
        srcQuoteSum = prefixInt(src.quotes);
        tgtQuoteSum = prefixInt(tgt.quotes);
        srcListRun = listRuns(src);
        tgtListRun = listRuns(tgt);
        tgtNullSum = nullSums(tgt, lengthHistogram(tgt));
        srcNullSum = nullSums(src, lengthHistogram(src));
        srcPairs = pairUnions(src);
        tgtPairs = pairUnions(tgt);
    }

    /** The project's word model over these units ({@link WordEvidence}), or null. */
    WordEvidence words;
    /** Model 1 coverage of unrelated paragraphs (re-estimated from the first pass). */
    double chanceWords = CHANCE_WORDS;
    private PairLexicon.Tokens srcTokens, tgtTokens;
    private boolean tokenized;

    /** The stems of both sides' units ({@link PairLexicon#tokens}), made once (two threads); null if a language has no analyzer. */
    PairLexicon.Tokens[] tokens() {
        if (!tokenized) {
            java.util.concurrent.CompletableFuture<PairLexicon.Tokens> tf = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> PairLexicon.tokens(tgt, targetLang), PairLexicon.ASYNC);
            srcTokens = PairLexicon.tokens(src, sourceLang);
            tgtTokens = tf.join();
            tokenized = true;
        }
        return srcTokens == null || tgtTokens == null ? null : new PairLexicon.Tokens[] {srcTokens, tgtTokens};
    }

    /** Reads the project's word model (oriented source→target) as the Model 1 term of every bead. */
    void useWords(WordTable table) {
        PairLexicon.Tokens[] t = table == null ? null : tokens();
        words = t == null ? null : WordEvidence.of(table, t[0], t[1]);
    }

    /** The Model 1 term of a bead: {@link #WORD_WEIGHT}·(coverage − chance)·sqrt(smaller side's known words). */
    double wordScore(int i0, int a, int j0, int b) {
        if (words == null) return 0;
        int ks = words.sourceKnown(i0, a), kt = words.targetKnown(j0, b);
        int small = Math.min(ks, kt);
        if (small == 0) return 0;
        double coverage = words.covered(i0, a, j0, b) / (ks + kt);
        return WORD_WEIGHT * (coverage - chanceWords) * Math.sqrt(small);
    }

    /** The lexicon keys of the units changed (a lexicon learned from pass one, {@link PairLexicon}): pairs of units recomputed. */
    void lexiconChanged() {
        for (int x = 0; x + 1 < src.n; x++) srcPairs[LEX][x] = src.union(LEX, x, 2);
        for (int x = 0; x + 1 < tgt.n; x++) tgtPairs[LEX][x] = tgt.union(LEX, x, 2);
    }

    private void setRates(int cls, double p, double q) {
        w[cls] = Math.log(p / q);
        unmatched[cls] = Math.log((1 - q) / (1 - p));
    }

    /** Keys of class {@code cls} of units [from, from+count) of one side; pairs come precomputed. */
    private static int[] keys(Units u, int[][][] pairsOf, int cls, int from, int count) {
        if (count == 1) return u.keys[cls][from];
        if (count == 2) return pairsOf[cls][from];
        return u.union(cls, from, count);
    }

    /**
     * The evidence of the key classes for a bead: Σ_f w_f·M_f − u_f·(|A_f| + |B_f| − 2·M_f), where A_f and
     * B_f are the unions of the keys of both sides and M_f = |A_f ∩ B_f|.
     */
    double evidence(int i0, int a, int j0, int b) {
        double e = 0;
        for (int f = 0; f < Units.CLASSES; f++) {
            int[] ks = keys(src, srcPairs, f, i0, a), kt = keys(tgt, tgtPairs, f, j0, b);
            e += classEvidence(f, ks, kt);
        }
        return e;
    }

    private double classEvidence(int f, int[] ks, int[] kt) {
        int total = ks.length + kt.length;
        if (total == 0) return 0;
        int common = Units.common(ks, kt);
        if (f == COG || f == LEX) {
            int small = Math.min(ks.length, kt.length);
            if (small == 0) return 0;
            double dice = 2.0 * common / total;
            double e = DICE_WEIGHT * (dice - chanceDice[f]) * Math.sqrt(small);
            // a bag of one or two words matched is not worth more per shared word than a large bag's
            return Math.min(e, BAG_PER_KEY * common);
        }
        return w[f] * common - unmatched[f] * (total - 2 * common);
    }

    /** Whether the shape (a, b) may start at source {@code i0} and target {@code j0}. */
    boolean allowed(int i0, int a, int j0, int b) {
        if (a <= 2 && b <= 2 || a + b == 4) return true;
        return listLike(i0, a, j0, b);
    }

    /** Whether a 1:n or n:1 bead (n ≥ 3) is a list written in one paragraph against its lines. */
    private boolean listLike(int i0, int a, int j0, int b) {
        if (a == 1) return tgtListRun[j0 + b] >= b && src.seps[i0] >= b - 1;
        return srcListRun[i0 + a] >= a && tgt.seps[j0] >= a - 1;
    }

    /** Score of the bead of source units [i0, i0+a) and target units [j0, j0+b). */
    double score(int i0, int a, int j0, int b) {
        if (a == 0 || b == 0) {
            // page furniture one version has and the other lacks is common: leaving it alone costs little
            boolean furniture = a == 1 ? src.furniture[i0] != Units.NONE : b == 1 && tgt.furniture[j0] != Units.NONE;
            return furniture ? PRIOR_FURNITURE_SKIP : PRIOR_SKIP;
        }
        if (a == 1 && b == 1 && src.struct[i0] == Units.LINK && tgt.struct[j0] == Units.LINK) {
            // link-only lines (a post's links to its other language versions) pair by position: their
            // titles and targets differ between versions by design, so only the structure counts; link
            // definitions, which a translation may move to another place, little more than being left alone
            boolean defs = src.furniture[i0] == Units.LINK_DEFINITION && tgt.furniture[j0] == Units.LINK_DEFINITION;
            return defs ? LINK_DEF_PAIR : LINK_PAIR;
        }
        double prior;
        if (a == 1 && b == 1) prior = 0;
        else if (a + b == 3) prior = PRIOR_21;
        else if (a == 2 && b == 2) prior = PRIOR_22;
        else if (listLike(i0, a, j0, b)) prior = PRIOR_LIST - 0.3 * (Math.max(a, b) - 3);
        else prior = PRIOR_31;
        return prior + length(i0, a, j0, b)
                + evidence(i0, a, j0, b) + wordScore(i0, a, j0, b) + structure(i0, a, j0, b) + quotes(i0, a, j0, b);
    }

    /** The parts of {@link #score}, for diagnostics ({@code ExplainDebug} in the test sources). */
    String explain(int i0, int a, int j0, int b) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%d:%d total=%.2f", a, b, score(i0, a, j0, b)));
        if (a == 0 || b == 0) return sb.toString();
        sb.append(String.format(java.util.Locale.ROOT, " len=%.2f", length(i0, a, j0, b)));
        String[] names = {"num", "url", "name", "cog", "lex"};
        for (int f = 0; f < Units.CLASSES; f++) {
            int[] ks = keys(src, srcPairs, f, i0, a), kt = keys(tgt, tgtPairs, f, j0, b);
            int common = Units.common(ks, kt);
            if (ks.length + kt.length > 0) {
                sb.append(String.format(java.util.Locale.ROOT, " %s=%d/%d/%d(%.2f)", names[f], common, ks.length, kt.length,
                        classEvidence(f, ks, kt)));
            }
        }
        if (words != null) sb.append(String.format(java.util.Locale.ROOT, " m1=%.2f", wordScore(i0, a, j0, b)));
        sb.append(String.format(java.util.Locale.ROOT, " struct=%.2f quotes=%.2f", structure(i0, a, j0, b), quotes(i0, a, j0, b)));
        return sb.toString();
    }

    /** Current parameters, for diagnostics. */
    String parameters() {
        return String.format(java.util.Locale.ROOT, "c=%.3f kappa=%.3f w=%s u=%s chanceDice=%s", c, kappa,
                Arrays.toString(w), Arrays.toString(unmatched), Arrays.toString(chanceDice));
    }

    /** Length score of the bead of source units [i0, i0+a) and target units [j0, j0+b), a, b ≥ 1. */
    double length(int i0, int a, int j0, int b) {
        double ls = srcLenSum[i0 + a] - srcLenSum[i0], lt = tgtLenSum[j0 + b] - tgtLenSum[j0];
        double mu = (ls + lt / c) / 2;
        double var = S2 * mu + (kappa * mu) * (kappa * mu);
        double d = (lt - c * ls);
        double sigma = Math.sqrt(var) * c;
        // log density of the target lengths under "translation" (of their sum at its expected value, and of
        // where the paragraph breaks fall inside it, uniform), against their density under "unrelated": each
        // paragraph's length among the document's own. The same null for every path, so a merge is not
        // rewarded for making a length rarer than any single paragraph's. Taken from both sides and averaged,
        // so that the score does not depend on which version is the source.
        double logSigma = Math.log(sigma);
        double bonusT = -logSigma - 0.92 - (b > 1 ? (b - 1) * Math.log(Math.max(1, lt)) : 0) - (tgtNullSum[j0 + b] - tgtNullSum[j0]);
        double bonusS = -(logSigma - logC) - 0.92 - (a > 1 ? (a - 1) * Math.log(Math.max(1, ls)) : 0) - (srcNullSum[i0 + a] - srcNullSum[i0]);
        double bonus = clamp((bonusT + bonusS) / 2, -3, 6);
        double z2 = d * d / (var * c * c);
        // Student's t with LEN_DF degrees of freedom: Gaussian near the centre, heavy tails for the
        // sentence a translator added or left out
        return Math.max(LEN_FLOOR, bonus - (LEN_DF + 1) / 2 * Math.log(1 + z2 / LEN_DF));
    }

    /** Log density (per character) of a length among a side's paragraph lengths ({@code h}: its histogram). */
    static double nullLogDensity(double[] h, double len) {
        int bin = (int) clamp(Math.floor(Math.log(Math.max(1, len)) / LOG_BIN), 0, h.length - 1);
        return h[bin] - Math.log(Math.max(1, len));
    }

    private static double[] nullSums(Units u, double[] h) {
        double[] p = new double[u.n + 1];
        for (int x = 0; x < u.n; x++) p[x + 1] = p[x] + nullLogDensity(h, u.len[x]);
        return p;
    }

    /** Smoothed histogram of log lengths (bins of {@link #LOG_BIN}) as log densities per unit of log length. */
    private static double[] lengthHistogram(Units u) {
        int bins = (int) Math.ceil(Math.log(100_000) / LOG_BIN);
        double[] h = new double[bins];
        for (int x = 0; x < u.n; x++) h[(int) Math.min(bins - 1, Math.floor(Math.log(Math.max(1, u.len[x])) / LOG_BIN))]++;
        double[] sm = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++) {
            double v = 0.5 * h[b] + 0.25 * (b > 0 ? h[b - 1] : 0) + 0.25 * (b + 1 < bins ? h[b + 1] : 0) + 0.2;
            sm[b] = v;
            total += v;
        }
        for (int b = 0; b < bins; b++) sm[b] = Math.log(sm[b] / total / LOG_BIN);
        return sm;
    }

    private double structure(int i0, int a, int j0, int b) {
        double s = compare(src.struct[i0], tgt.struct[j0]);
        byte fs = src.furniture[i0], ft = tgt.furniture[j0];
        if (a == 1 && b == 1 && (fs != Units.NONE || ft != Units.NONE)) {
            // furniture pairs with furniture of its kind; with text, it is a line one version lacks
            s += fs == ft ? FURNITURE_SAME : STRUCT_NOTE;
        } else if (a + b > 2) {
            for (int x = i0; x < i0 + a; x++) if (src.furniture[x] != Units.NONE && src.struct[x] != Units.LINK) s += STRUCT_NOTE;
            for (int y = j0; y < j0 + b; y++) if (tgt.furniture[y] != Units.NONE && tgt.struct[y] != Units.LINK) s += STRUCT_NOTE;
        }
        for (int x = 1; x < a; x++) s += inner(src, i0 + x);
        for (int y = 1; y < b; y++) s += inner(tgt, j0 + y);
        if (isHeading(src.struct[i0]) && isHeading(tgt.struct[j0]) && (a > 1) != (b > 1)) {
            // a heading against a heading, with body text glued to one of them: headings stand alone
            s += STRUCT_INNER_HEADING;
        }
        if (a > 1 && b == 1 && src.leadIn[i0] && src.len[i0] <= 60 && tgt.leadIn[j0]
                || b > 1 && a == 1 && tgt.leadIn[j0] && tgt.len[j0] <= 60 && src.leadIn[i0]) {
            // a lead-in line ("Signed:") with what it introduces, against a paragraph opening with its own
            s += STRUCT_LEAD_IN;
        }
        if (a + b == 3 || a == 2 && b == 2) {
            // a short line glued to a neighbour: more often a line left out or added (a lead-in ending
            // with a colon, "Signed:", opening the bead is the exception: it introduces what follows)
            // (a short piece of a sentence both versions tore is no such line)
            boolean srcTorn = a == 2 && src.soft[i0 + 1], tgtTorn = b == 2 && tgt.soft[j0 + 1], both = srcTorn && tgtTorn;
            for (int x = i0; x < i0 + a; x++) if (a > 1 && !both && shortGlued(src, x, x == i0)) s += SHORT_MERGE;
            for (int y = j0; y < j0 + b; y++) if (b > 1 && !both && shortGlued(tgt, y, y == j0)) s += SHORT_MERGE;
            // a sentence torn in two by a paragraph break: the break is layout; where both versions tear the
            // same sentence, where each tears it is arbitrary, so joining both halves is cheap
            if (both) s += 2 * SOFT_JOIN;
        }
        // a bead that opens in the middle of a sentence on one side only: one of its edges is misplaced
        if (src.soft[i0] != tgt.soft[j0]) s += SOFT_START;
        if (a > 1 && (src.struct[i0] == Units.NOTE || src.struct[i0] == Units.LINK)) s += STRUCT_NOTE;
        if (b > 1 && (tgt.struct[j0] == Units.NOTE || tgt.struct[j0] == Units.LINK)) s += STRUCT_NOTE;
        return s;
    }

    private static boolean shortGlued(Units u, int x, boolean first) {
        return u.len[x] < SHORT && u.struct[x] != Units.LIST && !(first && u.plain[x].endsWith(":"));
    }

    /** Cost of a unit inside a bead, after its first unit: headings and heading-like bold lines open beads. */
    private static double inner(Units u, int x) {
        byte s = u.struct[x];
        if (isHeading(s) || s == Units.BOLD && u.len[x] <= 100) return STRUCT_INNER_HEADING;
        if (s == Units.NOTE || s == Units.LINK) return STRUCT_NOTE;
        return 0;
    }

    static boolean isHeading(byte s) {
        return s >= 1 && s <= 6;
    }

    static double compare(byte s, byte t) {
        if (s == Units.PLAIN && t == Units.PLAIN) return 0;
        if (s == Units.NOTE || t == Units.NOTE) return STRUCT_NOTE;
        if (s == t) return STRUCT_SAME;
        boolean hs = isHeading(s), ht = isHeading(t);
        if (hs && ht) return STRUCT_SAME * 0.6;
        if (hs && t == Units.BOLD || ht && s == Units.BOLD) return STRUCT_HEADING_BOLD;
        if (hs || ht) return STRUCT_HEADING_PLAIN;
        if (s == Units.LINK || t == Units.LINK) return STRUCT_LINK_OTHER;
        if (s == Units.LIST && t == Units.PLAIN || t == Units.LIST && s == Units.PLAIN) return STRUCT_LIST_PLAIN;
        return STRUCT_OTHER;
    }

    private double quotes(int i0, int a, int j0, int b) {
        int qs = srcQuoteSum[i0 + a] - srcQuoteSum[i0], qt = tgtQuoteSum[j0 + b] - tgtQuoteSum[j0];
        if (qs == 0 && qt == 0) return 0;
        return QUOTE_W * Math.min(qs, qt) - QUOTE_U * Math.abs(qs - qt);
    }

    /** Temperature of the posteriors and the calibration map; constants, changed only by the calibration tool. */
    double temperature = TEMPERATURE;
    double[] calibration = CALIBRATION.clone();

    /** Names of the features of {@link #calibrationFeatures}, in order (diagnostics). */
    static final String[] FEATURES = {"bias", "logit", "oneSided", "multi", "short", "multiShort", "rival", "lone", "glued", "loneStep", "copy"};

    /**
     * The features of the calibration map for bead {@code k} of the best path {@code path}: 1, logit(posterior),
     * one-sided bead, multi-paragraph bead, a short unit (under {@link #SHORT} characters) in the bead, both of the
     * last two (a short line glued to a neighbour is the commonest doubtful merge), {@link #rival} and {@link #lone}
     * over the temperature, {@link #glued}, whether lone reaches {@link #LONE_STEP} (it acts as a step: on the
     * calibration data a paragraph left alone with less support is mostly one a version added next to a paragraph on
     * the same subject, with more it is nearly always a piece of its neighbour) and {@link #copy}.
     */
    double[] calibrationFeatures(double posterior, List<AlignedBead> path, int k) {
        AlignedBead bead = path.get(k);
        int i0 = bead.sourceStart(), a = bead.sourceSize(), j0 = bead.targetStart(), b = bead.targetSize();
        double p = clamp(posterior, 1e-6, 1 - 1e-6);
        boolean shortUnit = false;
        for (int x = i0; x < i0 + a && !shortUnit; x++) shortUnit = src.len[x] < SHORT;
        for (int y = j0; y < j0 + b && !shortUnit; y++) shortUnit = tgt.len[y] < SHORT;
        boolean multi = a > 1 || b > 1;
        double rival = rival(i0, a, j0, b), lone = lone(i0, a, j0, b);
        return new double[] {1, Math.log(p / (1 - p)), a == 0 || b == 0 ? 1 : 0, multi ? 1 : 0, shortUnit ? 1 : 0,
                multi && shortUnit ? 1 : 0, rival / temperature, lone / temperature,
                glued(path, k) ? 1 : 0, lone >= LONE_STEP ? 1 : 0, copy(i0, a, j0, b) ? 1 : 0};
    }

    /**
     * Whether a paragraph of the bead (not a short line: tags and rules repeat) is, markup for markup, the paragraph
     * just before it in its own version, while no paragraph of the bead's other side repeats the one before it: a
     * translation pasted a second time in place of the next paragraph's, whose copy the path must pair with
     * something ({@link #rival} says how much better the copy fits the bead before).
     */
    boolean copy(int i0, int a, int j0, int b) {
        if (a == 0 || b == 0) return false;
        return repeats(src, i0, a) != repeats(tgt, j0, b);
    }

    private static boolean repeats(Units u, int from, int count) {
        for (int x = Math.max(1, from); x < from + count; x++) {
            if (u.len[x] >= SHORT && u.whole[x - 1] == u.whole[x]) return true;
        }
        return false;
    }

    /**
     * Whether a paragraph left alone next to this bead (or this bead's one paragraph, if it is left alone) is found
     * verbatim as a line inside a paragraph of the neighbouring bead on the other side: a line that is the same in
     * both versions (a tag, a rule, an address) which one version glued to the paragraph before or after it, without
     * a blank line. The path then pairs the paragraph without it and leaves the line alone: both beads are wrong.
     */
    boolean glued(List<AlignedBead> path, int k) {
        AlignedBead bead = path.get(k);
        for (int n = k - 1; n <= k + 1; n += 2) {
            if (n < 0 || n >= path.size()) continue;
            AlignedBead other = path.get(n);
            AlignedBead alone = bead.sourceSize() + bead.targetSize() == 1 ? bead : other;
            AlignedBead holder = alone == bead ? other : bead;
            if (alone.sourceSize() + alone.targetSize() != 1 || holder.sourceSize() + holder.targetSize() == 1) continue;
            if (alone.sourceSize() == 1) {
                int h = src.whole[alone.sourceStart()];
                for (int y = holder.targetStart(); y < holder.targetEnd(); y++) if (Arrays.binarySearch(tgt.lines[y], h) >= 0) return true;
            } else {
                int h = tgt.whole[alone.targetStart()];
                for (int x = holder.sourceStart(); x < holder.sourceEnd(); x++) if (Arrays.binarySearch(src.lines[x], h) >= 0) return true;
            }
        }
        return false;
    }

    /**
     * For a paragraph left alone: the most its words say it translates (part of) a neighbour on the other side (the
     * paragraph just before or after its place), {@link #support} (anchors, bags of words and word model; length and
     * structure left out: two paragraphs of similar length prove nothing), in [0, {@link #RIVAL_CAP}].
     */
    double lone(int i0, int a, int j0, int b) {
        if (a + b != 1) return 0;
        double best = 0;
        if (a == 1) {
            for (int y = Math.max(0, j0 - 1); y <= Math.min(tgt.n - 1, j0); y++) best = Math.max(best, support(true, i0, y, 1));
        } else {
            for (int x = Math.max(0, i0 - 1); x <= Math.min(src.n - 1, i0); x++) best = Math.max(best, support(false, j0, x, 1));
        }
        return Math.min(RIVAL_CAP, best);
    }

    /**
     * How much the words of one paragraph say that it is part of the translation of some paragraphs of the other
     * side, in nats: the evidence of a bead counted from the one paragraph's keys and known words only — its
     * anchors found there earn {@code w}, its anchors missing cost {@code u}, its bags of words and Model 1 words
     * earn by the share found there above chance — so that a piece is not blamed for what the larger side says
     * beyond it. {@code source}: whether the paragraph is source unit {@code x} (the others target units
     * [{@code from}, {@code from + count})) or target unit {@code x}.
     */
    double support(boolean source, int x, int from, int count) {
        Units u = source ? src : tgt, o = source ? tgt : src;
        int[][][] pairsOf = source ? tgtPairs : srcPairs;
        double e = 0;
        for (int f = 0; f < Units.CLASSES; f++) {
            int[] ka = u.keys[f][x], kb = keys(o, pairsOf, f, from, count);
            if (ka.length == 0) continue;
            int common = Units.common(ka, kb);
            if (f == COG || f == LEX) {
                if (kb.length == 0) continue;
                double chance = Math.min(0.5, chanceDice[f] * (ka.length + kb.length) / (2.0 * ka.length));
                e += Math.min(DICE_WEIGHT * ((double) common / ka.length - chance) * Math.sqrt(ka.length), BAG_PER_KEY * common);
            } else {
                e += w[f] * common - unmatched[f] * (ka.length - common);
            }
        }
        if (words != null) {
            int known = source ? words.sourceKnown(x, 1) : words.targetKnown(x, 1);
            if (known > 0) {
                double covered = source ? words.sourceCovered(x, from, count) : words.targetCovered(x, from, count);
                e += WORD_WEIGHT * (covered / known - chanceWords) * Math.sqrt(known);
            }
        }
        return e;
    }

    /** Nats of {@link #lone} from which its step feature in {@link #calibrationFeatures} is set. */
    static final double LONE_STEP = 4;

    /** The most {@link #rival} counts, in nats: beyond it a neighbour is simply the better partner. */
    static final double RIVAL_CAP = 8;

    /**
     * How much better a paragraph of the bead fits a paragraph just outside it (the one before or after the bead
     * on the other side) than its best partner inside the bead, in nats of the 1:1 score, in [0, {@link #RIVAL_CAP}];
     * a paragraph left alone counts its best partner inside as 0 (unrelated). The posterior compares monotone
     * paths only: a translation pasted twice, a passage rewritten next to its old version, or a block moved past
     * a paragraph leaves a paragraph whose own translation is already taken by its neighbour; the path is the best
     * there is, and yet one of its beads pairs a paragraph with what is not its translation. This is the margin of
     * the best local choice over the path's choice.
     */
    double rival(int i0, int a, int j0, int b) {
        if (a != 1 || b != 1) return 0;
        double worst = 0;
        for (int x = i0; x < i0 + a; x++) {
            double inside = Double.NEGATIVE_INFINITY;
            for (int y = j0; y < j0 + b; y++) inside = Math.max(inside, score(x, 1, y, 1));
            double outside = Double.NEGATIVE_INFINITY;
            if (j0 > 0) outside = score(x, 1, j0 - 1, 1);
            if (j0 + b < tgt.n) outside = Math.max(outside, score(x, 1, j0 + b, 1));
            worst = Math.max(worst, outside - inside);
        }
        for (int y = j0; y < j0 + b; y++) {
            double inside = Double.NEGATIVE_INFINITY;
            for (int x = i0; x < i0 + a; x++) inside = Math.max(inside, score(x, 1, y, 1));
            double outside = Double.NEGATIVE_INFINITY;
            if (i0 > 0) outside = score(i0 - 1, 1, y, 1);
            if (i0 + a < src.n) outside = Math.max(outside, score(i0 + a, 1, y, 1));
            worst = Math.max(worst, outside - inside);
        }
        return Math.min(RIVAL_CAP, worst);
    }

    /** The reported confidence of bead {@code k} of the best path, whose posterior (at {@link #temperature}) is {@code posterior}. */
    double confidence(double posterior, List<AlignedBead> path, int k) {
        double[] x = calibrationFeatures(posterior, path, k);
        double z = 0;
        for (int f = 0; f < x.length; f++) z += calibration[f] * x[f];
        return 1 / (1 + Math.exp(-z));
    }

    // -------------------------------------------------------------- estimation from a first pass

    /**
     * Re-estimates the length ratio {@code c}, the proportional spread {@code κ} and the cognate and
     * lexicon rates from 1:1 beads of a first pass, given as {@code {i, j}} unit pairs. Needs at least eight
     * beads; otherwise the defaults stay.
     */
    void estimate(List<int[]> pairs) {
        if (pairs.size() < 8) return;
        double ls = 0, lt = 0;
        for (int[] p : pairs) {
            ls += src.len[p[0]];
            lt += tgt.len[p[1]];
        }
        c = clamp(lt / ls, 0.3, 3.0);
        logC = Math.log(c);
        // κ: the value that makes the median normalised squared deviation that of a χ²(1), 0.455
        double[] best = {KAPPA0, Double.MAX_VALUE};
        for (double k = 0.0; k <= 0.40001; k += 0.01) {
            double[] r = new double[pairs.size()];
            for (int x = 0; x < r.length; x++) {
                double a = src.len[pairs.get(x)[0]], b = tgt.len[pairs.get(x)[1]];
                double mu = (a + b / c) / 2, d = b / c - a;
                r[x] = d * d / (S2 * mu + k * k * mu * mu);
            }
            Arrays.sort(r);
            double err = Math.abs(Math.log(r[r.length / 2] / 0.455));
            if (err < best[1]) best = new double[] {k, err};
        }
        kappa = Math.max(0.04, best[0]);
        estimateChance(pairs, COG);
        estimateChance(pairs, LEX);
        estimateChanceWords(pairs);
    }

    /** Chance Model 1 coverage: its mean over the first pass's 1:1 pairs shifted by three, smoothed like Dice's. */
    private void estimateChanceWords(List<int[]> pairs) {
        if (words == null) return;
        double sum = 0;
        int count = 0, n = pairs.size();
        for (int x = 0; x < n; x++) {
            int i = pairs.get(x)[0], j = pairs.get((x + 3) % n)[1];
            int ks = words.sourceKnown(i, 1), kt = words.targetKnown(j, 1);
            if (ks == 0 || kt == 0) continue;
            sum += words.covered(i, 1, j, 1) / (ks + kt);
            count++;
        }
        if (count < 8) return;
        chanceWords = clamp((sum + 8 * chanceWords) / (count + 8), 0.005, 0.5);
    }

    /** Chance Dice of a class: its mean over the first pass's 1:1 pairs shifted by three (unrelated pairs). */
    private void estimateChance(List<int[]> pairs, int cls) {
        double sum = 0;
        int count = 0, n = pairs.size();
        for (int x = 0; x < n; x++) {
            int[] p = pairs.get(x), r = pairs.get((x + 3) % n);
            int[] a = src.keys[cls][p[0]], b = tgt.keys[cls][r[1]];
            if (a.length == 0 || b.length == 0) continue;
            sum += 2.0 * Units.common(a, b) / (a.length + b.length);
            count++;
        }
        if (count < 8) return;
        // smoothed towards the default with 8 pseudo-pairs
        chanceDice[cls] = clamp((sum + 8 * chanceDice[cls]) / (count + 8), 0.005, 0.5);
    }

    private static int[][][] pairUnions(Units u) {
        int[][][] p = new int[Units.CLASSES][Math.max(0, u.n - 1)][];
        for (int f = 0; f < Units.CLASSES; f++) {
            for (int x = 0; x + 1 < u.n; x++) p[f][x] = u.union(f, x, 2);
        }
        return p;
    }

    private static long[] prefix(int[] v) {
        long[] p = new long[v.length + 1];
        for (int i = 0; i < v.length; i++) p[i + 1] = p[i] + v[i];
        return p;
    }

    private static int[] prefixInt(int[] v) {
        int[] p = new int[v.length + 1];
        for (int i = 0; i < v.length; i++) p[i + 1] = p[i] + v[i];
        return p;
    }

    /** {@code run[k]}: how many list-like units (short lines: list items, plain or bold) end just before k. */
    private static int[] listRuns(Units u) {
        int[] run = new int[u.n + 1];
        for (int x = 0; x < u.n; x++) {
            byte s = u.struct[x];
            boolean listLike = u.len[x] <= LIST_LINE && (s == Units.LIST || s == Units.PLAIN || s == Units.BOLD);
            run[x + 1] = listLike ? run[x] + 1 : 0;
        }
        return run;
    }

    /** Typical characters of target per character of source (ru, en, pt; from parallel texts). */
    static double typicalRatio(String sourceLang, String targetLang) {
        return weight(Languages.base(targetLang)) / weight(Languages.base(sourceLang));
    }

    private static double weight(String base) {
        return switch (base) {
            case "ru" -> 1.10;
            case "pt" -> 1.15;
            default -> 1.0;
        };
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
