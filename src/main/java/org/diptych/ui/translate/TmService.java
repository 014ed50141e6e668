package org.diptych.ui.translate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.diptych.DiptychException;
import org.diptych.segment.SentenceSegmenter;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.MarkdownCodes;
import org.diptych.tm.MatchKind;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;
import org.diptych.translate.Confirmation;
import org.diptych.tm.TmFeeder;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Alignment;

/**
 * The project's translation memory for the desk, used on one background thread: lookups, concordance
 * and the writes of confirmed rows run there in the order asked, never on the FX thread. The TM is opened
 * on first use and closed by {@link #close()} after every write asked before.
 */
public final class TmService implements AutoCloseable {
    /**
     * A match to show: a TM match, or a translation assembled from the best match of each sentence.
     *
     * @param score  percentage (the lowest of the sentences' for an assembled one)
     * @param target the translation to insert
     * @param match  the TM match, or {@code null} for an assembled translation
     * @param parts  the sentence matches of an assembled translation (empty otherwise)
     */
    public record Suggestion(int score, String target, TmMatch match, List<TmMatch> parts) {
        public boolean assembled() {
            return match == null;
        }
    }

    private final Path tmDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diptych-tm");
        t.setDaemon(true);
        return t;
    });
    private TranslationMemory tm;
    private final java.util.Map<String, Runnable> pendingFeeds = new java.util.concurrent.ConcurrentHashMap<>();
    private static final org.diptych.tm.SentencePairer PAIRER = new org.diptych.align.SentenceAligner().pairer();
    /**
     * Sentence pairs of the paragraph pairs fed so far, so that feeding after each review step aligns the
     * sentences of changed beads only. Used on the TM thread alone.
     */
    private final java.util.Map<String, List<org.diptych.tm.SentencePairer.SentencePair>> pairCache =
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, List<org.diptych.tm.SentencePairer.SentencePair>> e) {
                    return size() > 50_000;
                }
            };
    private final org.diptych.tm.SentencePairer cachedPairer = (src, srcLang, tgt, tgtLang) ->
            pairCache.computeIfAbsent(srcLang + '\u0000' + tgtLang + '\u0000' + src + '\u0000' + tgt,
                    k -> PAIRER.pair(src, srcLang, tgt, tgtLang));

    public TmService(Path tmDir) {
        this.tmDir = tmDir;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TmService.class);

    private TranslationMemory tm() {
        if (tm == null) {
            long t0 = System.nanoTime();
            tm = TranslationMemory.open(tmDir);
            LOG.info("Opened the TM {} in {} ms", tmDir, (System.nanoTime() - t0) / 1_000_000);
        }
        return tm;
    }

    /** The text to insert for a match's target: its markdown (codes rebuilt) or its plain text. */
    static String insertion(TmVariant target, boolean markdown) {
        return markdown ? MarkdownCodes.markdown(target) : target.text();
    }

    /**
     * The best matches of a row's source (plain text and inline codes, which count in the score), with an
     * assembled sentence-level translation added when the text has several sentences and each has a match.
     * A suggestion's target is markdown rebuilt from the match's codes when {@code markdown}, else its
     * plain text.
     */
    public CompletableFuture<List<Suggestion>> lookup(MarkdownCodes.Coded source, String previous, String sourceLang,
                                                      String targetLang, int max, boolean markdown) {
        String text = source.text();
        return CompletableFuture.supplyAsync(() -> {
            List<Suggestion> out = new ArrayList<>();
            if (text.isBlank()) return out;
            for (TmMatch m : tm().lookup(new TmQuery(text, source.tags(), sourceLang, targetLang, previous,
                    TmQuery.DEFAULT_MIN_SCORE, max))) {
                out.add(new Suggestion(m.score(), insertion(m.target(), markdown), m, List.of()));
            }
            boolean exact = !out.isEmpty() && out.get(0).score() >= 100;
            List<String> sentences = SentenceSegmenter.get().split(text, sourceLang);
            if (!exact && sentences.size() > 1) {
                List<TmMatch> parts = new ArrayList<>();
                StringBuilder sb = new StringBuilder();
                int min = 100;
                int[] from = {0};
                for (String s : sentences) {
                    MarkdownCodes.Coded part = source.sentence(s, from);
                    List<TmMatch> ms = tm().lookup(new TmQuery(s, part.tags(), sourceLang, targetLang, null, 70, 1));
                    if (ms.isEmpty()) {
                        parts = null;
                        break;
                    }
                    parts.add(ms.get(0));
                    min = Math.min(min, ms.get(0).score());
                    if (sb.length() > 0) sb.append(' ');
                    sb.append(insertion(ms.get(0).target(), markdown));
                }
                if (parts != null) {
                    Suggestion a = new Suggestion(min, sb.toString(), null, parts);
                    int at = 0;
                    while (at < out.size() && out.get(at).score() >= min) at++;
                    out.add(at, a);
                    while (out.size() > max) out.remove(out.size() - 1);
                }
            }
            return out;
        }, worker);
    }

    /**
     * The exact (100% or in-context: the same text and the same codes) translation of a source, as markdown
     * when {@code markdown}, or {@code null}.
     */
    public String exact(MarkdownCodes.Coded source, String previous, String sourceLang, String targetLang, boolean markdown) {
        if (source.text().isBlank()) return null;
        List<TmMatch> ms = tm().lookup(new TmQuery(source.text(), source.tags(), sourceLang, targetLang, previous, 100, 1));
        if (ms.isEmpty()) return null;
        TmMatch m = ms.get(0);
        boolean exact = m.kind() == MatchKind.EXACT || m.kind() == MatchKind.IN_CONTEXT || m.score() >= 100;
        return exact ? insertion(m.target(), markdown) : null;
    }

    /** Runs {@code work} on the TM thread. */
    public <T> CompletableFuture<T> submit(java.util.function.Function<TmService, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(this), worker);
    }

    /** Imports a TMX file into the TM (after everything asked before). */
    public CompletableFuture<org.diptych.tm.ImportReport> importTmx(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            var report = tm().importTmx(file, org.diptych.Progress.NONE);
            LOG.info("Imported TMX {} into {}: {}", file, tmDir, report);
            return report;
        }, worker);
    }

    /** Units containing a word or phrase (stemmed) in {@code lang}. */
    public CompletableFuture<List<ConcordanceHit>> concordance(String text, String lang, int max) {
        return CompletableFuture.supplyAsync(() -> tm().concordance(text, lang, max), worker);
    }

    /** Puts a confirmed row into the TM (durably) after everything asked before, with its sentence pairs. */
    public CompletableFuture<Void> write(Confirmation c) {
        return CompletableFuture.runAsync(() -> {
            c.writeTo(tm(), PAIRER);
            LOG.debug("Confirmed a row into the TM {}", tmDir);
        }, worker);
    }

    /**
     * Makes the TM's units of a statement's pair follow its alignment after a review step (confirmed beads
     * approved, automatic ones draft, rejected ones out; see {@link TmFeeder#feed}). Feeds are coalesced per
     * pair: a burst of steps costs one feed of the latest state. Failures go to {@code onError}.
     */
    public void feed(Alignment alignment, DocumentVersion source, DocumentVersion target, String user,
                     java.util.function.Consumer<String> onError) {
        String key = alignment.statementId() + "|" + alignment.sourceLang() + "|" + alignment.targetLang();
        Runnable job = () -> new TmFeeder(tm(), cachedPairer, true).feed(alignment.statementId(), source, target, alignment, user);
        if (pendingFeeds.put(key, job) == null) {
            worker.execute(() -> {
                Runnable latest = pendingFeeds.remove(key);
                if (latest == null) return;
                try {
                    latest.run();
                } catch (RuntimeException e) {
                    LOG.error("Feeding the TM {} failed for {}", tmDir, key, e);
                    onError.accept(e.getMessage());
                }
            });
        }
    }

    /** Counts one use of a unit whose translation was inserted. */
    public void recordUse(String unitId) {
        worker.execute(() -> {
            try {
                tm().recordUse(unitId);
            } catch (RuntimeException ignored) {
                // a usage count is not worth an error
            }
        });
    }

    /** Waits for every task asked so far. */
    public void flush() {
        try {
            worker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Finishes every task asked, then closes the TM. */
    @Override
    public void close() {
        worker.execute(() -> {
            if (tm != null) tm.close();
            tm = null;
        });
        worker.shutdown();
        try {
            worker.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one-line message of a failed TM task. */
    public static String message(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof DiptychException) return c.getMessage();
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
