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
import org.diptych.tm.solr.TeamTm;
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
    public record Suggestion(int score, String target, TmMatch match, List<TmMatch> parts, TeamTm.Origin origin, String member) {
        /** A suggestion of a project without a team TM (no origin shown). */
        public Suggestion(int score, String target, TmMatch match, List<TmMatch> parts) {
            this(score, target, match, parts, null, null);
        }

        public boolean assembled() {
            return match == null;
        }
    }

    /**
     * What the desk says about the team TM when it changes: the server stopped answering ({@code problem}
     * set; the desk works on the local TM, {@code waiting} confirmed units queued) or answers again
     * ({@code problem} null, {@code sent} queued units pushed).
     */
    public record TeamStatus(String team, String problem, int waiting, int sent) {}

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

    /** Opens the project's team TM over the local one, or returns {@code null} (none named). */
    private final java.util.function.Function<TranslationMemory, TeamTm> teamOpener;
    private final java.util.function.Consumer<TeamStatus> teamStatus;
    private TeamTm team;
    /** Where each concordance hit shown comes from (a project with a team TM), filled on the TM thread. */
    private final java.util.Map<ConcordanceHit, TeamTm.Origin> hitOrigins =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The desk's TM of a TM folder alone (no team TM). */
    public TmService(Path tmDir) {
        this(tmDir, local -> null, s -> { });
    }

    /**
     * @param teamOpener  the team TM over the local one, or {@code null} (called once, on the TM thread)
     * @param teamStatus  told on the TM thread when the team TM stops or starts answering
     */
    public TmService(Path tmDir, java.util.function.Function<TranslationMemory, TeamTm> teamOpener,
                     java.util.function.Consumer<TeamStatus> teamStatus) {
        this.tmDir = tmDir;
        this.teamOpener = teamOpener;
        this.teamStatus = teamStatus;
    }

    /**
     * The desk's TM of a project: its local TM, with the team TM its {@code team.json} names (the password
     * from the user's credentials file); lookups and concordance ask both, confirmed rows are pushed.
     */
    public static TmService forProject(org.diptych.project.Project p, java.util.function.Consumer<TeamStatus> teamStatus) {
        Path dir = p.dir();
        Path config = org.diptych.platform.Locations.user().config();
        return new TmService(p.tmDir(), local -> TeamTm.forProject(dir, local, config), teamStatus);
    }

    /** The one-line status of the team TM for the desk's message line, in the window's language. */
    public static String statusText(TeamStatus s, org.diptych.ui.I18n i18n) {
        return s.problem() != null ? i18n.t("tr.team.offline", s.problem(), s.waiting())
                : i18n.t("tr.team.online", s.team(), s.sent(), s.waiting());
    }

    /** "local" or "team: MEMBER" for a match of a project with a team TM; {@code null} without one. */
    public static String originText(TeamTm.Origin origin, String member, org.diptych.ui.I18n i18n) {
        if (origin == null) return null;
        if (origin == TeamTm.Origin.LOCAL) return i18n.t("tr.origin.local");
        return member == null ? i18n.t("tr.origin.team.nobody") : i18n.t("tr.origin.team", member);
    }

    /** {@link #originText} of a suggestion, or {@code null} (no team TM, or an assembled translation). */
    public static String originText(Suggestion s, org.diptych.ui.I18n i18n) {
        return s.assembled() ? null : originText(s.origin(), s.member(), i18n);
    }

    /** Where a concordance hit this service returned comes from, or {@code null} (no team TM). */
    public TeamTm.Origin origin(ConcordanceHit h) {
        return hitOrigins.get(h);
    }

    /** {@link #originText} of a concordance hit this service returned, or {@code null} (no team TM). */
    public String originText(ConcordanceHit h, org.diptych.ui.I18n i18n) {
        TeamTm.Origin o = hitOrigins.get(h);
        return o == null ? null : originText(o, org.diptych.tm.solr.SolrTmBackend.member(h.unit()), i18n);
    }

    /** A provenance line with the origin in front ("team: ana · …"), or the line alone. */
    public static String withOrigin(String origin, String provenance) {
        if (origin == null) return provenance;
        return provenance == null || provenance.isBlank() ? origin : origin + " · " + provenance;
    }

    /** The team TM, when the project names one (on the TM thread; for tests and the status). */
    TeamTm team() {
        tm();
        return team;
    }

    /** What lookups and concordance ask: the team and the local TM, or the local TM. */
    private org.diptych.tm.TmBackend search() {
        tm();
        return team != null ? team : tm;
    }

    /**
     * Tells the desk when the team TM stopped answering (once, not on every lookup) or answers again (with
     * the queued units it was sent since); called on the TM thread after each call that may reach it.
     */
    private void reportTeam() {
        if (team == null) return;
        String problem = team.problem();
        TeamStatus st = null;
        if (problem != null && !offline) {
            offline = true;
            pushedWhenOffline = team.pushedCount();
            st = new TeamStatus(team.config().describe(), problem, team.waiting(), 0);
        } else if (problem == null && offline && team.online()) {
            offline = false;
            st = new TeamStatus(team.config().describe(), null, team.waiting(), team.pushedCount() - pushedWhenOffline);
        }
        if (st == null) return;
        try {
            teamStatus.accept(st);
        } catch (RuntimeException e) {
            LOG.warn("Telling the desk of the team TM failed", e);
        }
    }

    private boolean offline;
    private int pushedWhenOffline;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TmService.class);

    private TranslationMemory tm() {
        if (tm == null) {
            long t0 = System.nanoTime();
            TranslationMemory opened = TranslationMemory.open(tmDir);
            try {
                team = teamOpener.apply(opened);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            tm = opened;
            LOG.info("Opened the TM {} in {} ms{}", tmDir, (System.nanoTime() - t0) / 1_000_000,
                    team == null ? "" : " with the team TM " + team.config().describe());
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
            TmQuery query = new TmQuery(text, source.tags(), sourceLang, targetLang, previous, TmQuery.DEFAULT_MIN_SCORE, max);
            tm();
            if (team != null) {
                for (TeamTm.Sourced m : team.lookupSourced(query)) {
                    out.add(new Suggestion(m.match().score(), insertion(m.match().target(), markdown), m.match(), List.of(),
                            m.origin(), m.member()));
                }
                reportTeam();
            } else {
                for (TmMatch m : tm.lookup(query)) {
                    out.add(new Suggestion(m.score(), insertion(m.target(), markdown), m, List.of()));
                }
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
                    List<TmMatch> ms = search().lookup(new TmQuery(s, part.tags(), sourceLang, targetLang, null, 70, 1));
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
        List<TmMatch> ms = search().lookup(new TmQuery(source.text(), source.tags(), sourceLang, targetLang, previous, 100, 1));
        reportTeam();
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
        return CompletableFuture.supplyAsync(() -> {
            List<ConcordanceHit> hits = search().concordance(text, lang, max);
            if (team != null) {
                hitOrigins.clear();
                for (ConcordanceHit h : hits) hitOrigins.put(h, team.originOf(h.unit()));
                reportTeam();
            }
            return hits;
        }, worker);
    }

    /** Puts a confirmed row into the TM (durably) after everything asked before, with its sentence pairs. */
    public CompletableFuture<Void> write(Confirmation c) {
        return CompletableFuture.runAsync(() -> {
            c.writeTo(tm(), PAIRER); // a team TM queues the approved units and pushes them
            reportTeam();
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
                    reportTeam();
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

    /**
     * Sends what is queued for the team TM (if the server answers) and closes the connection, on a thread of
     * its own, waiting at most {@code waitMs}: the queue is crash-safe, so a push left running when the app
     * exits loses nothing.
     */
    static void pushAndClose(TeamTm t, long waitMs) {
        t.detach();
        Thread push = new Thread(() -> {
            try {
                t.push();
            } catch (RuntimeException e) {
                LOG.warn("Pushing to the team TM on close failed", e);
            } finally {
                t.close();
            }
        }, "diptych-team-push");
        push.setDaemon(true);
        push.start();
        try {
            push.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (push.isAlive()) LOG.info("The team TM did not answer within {} ms; the queue is sent on the next run", waitMs);
    }

    /**
     * Opens the project's team TM again, after its settings changed (Preferences): the next lookup asks the
     * team TM the project now names, or the local TM alone. On the TM thread, after what was asked before.
     */
    public void reopenTeam() {
        worker.execute(() -> {
            TeamTm old = team;
            team = null;
            offline = false;
            if (old != null) pushAndClose(old, CLOSE_PUSH_MS);
            if (tm != null) {
                try {
                    team = teamOpener.apply(tm);
                } catch (RuntimeException e) {
                    LOG.warn("Opening the team TM again failed", e);
                    teamStatus.accept(new TeamStatus("", e.getMessage(), 0, 0));
                }
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

    /**
     * How long {@link #close()} waits for the last push to the team TM: a server that accepts connections
     * and does not answer must not hold the closing desk for the client's whole request timeout. What is
     * not sent stays in the project's queue (on disk) and goes on the next run; a push cut short is not
     * sent twice (the server's copy is compared first).
     */
    static final long CLOSE_PUSH_MS = 5_000;

    /** Finishes every task asked, then closes the TM. */
    @Override
    public void close() {
        worker.execute(() -> {
            TeamTm t = team;
            team = null;
            if (tm != null) tm.close();
            tm = null;
            if (t != null) pushAndClose(t, CLOSE_PUSH_MS);
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
