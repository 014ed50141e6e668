package org.diptych.tm.solr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.ImportReport;
import org.diptych.tm.TmBackend;
import org.diptych.tm.TmBackendSupport;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmStats;
import org.diptych.tm.TmUnit;
import org.diptych.tm.TranslationMemory;

/**
 * A project's local TM together with its team TM. Lookups and concordance ask both and merge (a unit in both
 * counts once), each match saying where it comes from ({@link Sourced}: which TM, which team member); what
 * the local TM takes as confirmed (every approved unit an update puts, from the desk, the CLI's align or an
 * import of a site) is queued in the project's {@link PushQueue} and pushed to the team TM. When the server
 * cannot be reached the local TM works on alone: the queue keeps the units (on disk, through crashes) and
 * is sent when the server answers again (tried again at most every {@value #RETRY_MS} ms, on the next
 * update or lookup, or by {@link #push()}). A unit the server already has as it is is not sent again.
 *
 * <p>Imports, export and stats are the local TM's; deletions stay local (a translator who rejects a bead
 * does not remove a teammate's unit). Thread-safe; the desk calls it from its one TM thread.
 */
public final class TeamTm implements TmBackend {
    public static final long RETRY_MS = 30_000;
    /** The queue file in a project. */
    public static final String QUEUE = "team/outbox.log";

    /** Which TM a match or hit comes from. */
    public enum Origin { LOCAL, TEAM }

    /**
     * A match and where it comes from.
     *
     * @param member the team member who confirmed (or last changed) the unit, from its TMX attributes, or null
     */
    public record Sourced(TmMatch match, Origin origin, String member) {}

    private final TranslationMemory local;
    private final TeamTmConfig config;
    private final Supplier<SolrTmBackend> connector;
    private final PushQueue queue;
    private final LongSupplier clock;
    private SolrTmBackend team;
    private long retryAt;
    private String problem;
    private int pushed;

    /**
     * @param connector opens the team backend (throws when the server cannot be reached)
     * @param clock     milliseconds, for the retry delay
     */
    public TeamTm(TranslationMemory local, TeamTmConfig config, Supplier<SolrTmBackend> connector, PushQueue queue,
                  LongSupplier clock) {
        this.local = local;
        this.config = config;
        this.connector = connector;
        this.queue = queue;
        this.clock = clock;
        local.onUpdate(this::queued);
    }

    /**
     * The project's TMs: its local TM with the team TM its {@code team.json} names (the password from the
     * user's credentials file in {@code configDir}), or {@code null} when it names none.
     */
    public static TeamTm forProject(Path projectDir, TranslationMemory local, Path configDir) {
        TeamTmConfig config = TeamTmConfig.load(projectDir);
        if (config == null) return null;
        String password = config.user() == null ? null : new TeamCredentials(configDir).password(config.solrUrl(), config.user());
        return new TeamTm(local, config, () -> SolrTmBackend.connect(config, password, SolrTeam.TEAM_REQUEST_TIMEOUT_MS),
                PushQueue.open(projectDir.resolve(QUEUE)), System::currentTimeMillis);
    }

    public TeamTmConfig config() {
        return config;
    }

    public TranslationMemory local() {
        return local;
    }

    /** Units waiting to be pushed. */
    public int waiting() {
        return queue.size();
    }

    /** Units pushed by this object so far. */
    public synchronized int pushedCount() {
        return pushed;
    }

    /** Why the team TM is not used right now, or {@code null} when it answered last. */
    public synchronized String problem() {
        return problem;
    }

    /** True if the last call to the team TM succeeded. */
    public synchronized boolean online() {
        return team != null && problem == null;
    }

    private void queued(List<TmUnit> puts) {
        List<TmUnit> confirmed = new ArrayList<>();
        for (TmUnit u : puts) if (!u.isDraft()) confirmed.add(u);
        if (confirmed.isEmpty()) return;
        queue.add(confirmed);
        push();
    }

    /** The team backend, connecting if needed; {@code null} while the server is known unreachable. */
    private synchronized SolrTmBackend team(boolean force) {
        if (team != null) return team;
        if (!force && clock.getAsLong() < retryAt) return null;
        try {
            team = connector.get();
            problem = null;
            return team;
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    private synchronized void failed(RuntimeException e) {
        problem = e.getMessage();
        retryAt = clock.getAsLong() + RETRY_MS;
        if (e instanceof TeamUnavailableException && team != null) {
            // connect again next time (the server may have moved, restarted)
            team.close();
            team = null;
        }
    }

    private synchronized boolean available() {
        return team != null ? problem == null || clock.getAsLong() >= retryAt : clock.getAsLong() >= retryAt;
    }

    /**
     * Sends the queued units to the team TM now if it can be reached (skipping those it already has as they
     * are); returns how many were sent. Never throws for an unreachable server: the units stay queued.
     */
    public synchronized int push() {
        return push(false);
    }

    /** {@link #push()}, trying the server even within the retry delay. */
    public synchronized int push(boolean force) {
        PushQueue.Pending p = queue.pending();
        if (p.units().isEmpty()) return 0;
        if (!force && !available()) return 0;
        SolrTmBackend t = team(force);
        if (t == null) return 0;
        try {
            List<String> ids = new ArrayList<>();
            for (TmUnit u : p.units()) ids.add(u.id());
            Map<String, TmUnit> there = t.getAll(ids);
            List<TmUnit> send = new ArrayList<>();
            for (TmUnit u : p.units()) if (!u.equals(there.get(u.id()))) send.add(u);
            t.update(send, List.of());
            queue.ack(p.upTo());
            problem = null;
            pushed += send.size();
            return send.size();
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        }
    }

    /**
     * One line on the team TM after a run that fed the local TM (the CLI's align, an import of a site): the
     * units pushed, or why the server was not reached and how many units wait in the queue.
     */
    public synchronized String summary() {
        String who = "Team TM " + config.describe();
        int waiting = queue.size();
        if (problem != null) {
            return "Team TM not reached: " + problem + "; " + waiting + " confirmed units wait in "
                    + QUEUE + " and are pushed on the next run or by 'diptych tm team'";
        }
        return who + ": " + pushed + " confirmed units pushed" + (waiting == 0 ? "" : ", " + waiting + " still queued");
    }

    // ---------------------------------------------------------------- lookups

    /** The best matches of both TMs, merged (a unit in both once), best first, each with its origin. */
    public List<Sourced> lookupSourced(TmQuery q) {
        List<TmMatch> mine = local.lookup(q);
        List<TmMatch> theirs = List.of();
        SolrTmBackend t = teamForReading();
        if (t != null) {
            try {
                theirs = t.lookup(q);
                synchronized (this) {
                    problem = null;
                }
            } catch (DiptychException e) {
                if (!(e instanceof TeamUnavailableException) && !isTeamProblem(e)) throw e;
                failed(e);
            }
        }
        Map<String, Sourced> byId = new LinkedHashMap<>();
        for (TmMatch m : mine) byId.put(m.unit().id(), new Sourced(m, Origin.LOCAL, SolrTmBackend.member(m.unit())));
        for (TmMatch m : theirs) {
            Sourced s = new Sourced(m, Origin.TEAM, SolrTmBackend.member(m.unit()));
            Sourced old = byId.get(m.unit().id());
            if (old == null || TmBackendSupport.MATCH_ORDER.compare(m, old.match()) < 0) byId.put(m.unit().id(), s);
        }
        List<Sourced> all = new ArrayList<>(byId.values());
        all.sort((a, b) -> {
            int c = TmBackendSupport.MATCH_ORDER.compare(a.match(), b.match());
            return c != 0 ? c : a.origin().compareTo(b.origin());
        });
        return List.copyOf(all.subList(0, Math.min(q.max(), all.size())));
    }

    private static boolean isTeamProblem(DiptychException e) {
        // refusals by the server (authentication, a missing collection): the local TM goes on alone
        return e.getMessage() != null && e.getMessage().contains("(HTTP ");
    }

    private SolrTmBackend teamForReading() {
        synchronized (this) {
            if (!available()) return null;
        }
        SolrTmBackend t = team(false);
        if (t != null && queue.size() > 0) push();
        return t;
    }

    @Override
    public List<TmMatch> lookup(TmQuery q) {
        List<TmMatch> out = new ArrayList<>();
        for (Sourced s : lookupSourced(q)) out.add(s.match());
        return out;
    }

    @Override
    public List<ConcordanceHit> concordance(String text, String lang, int max) {
        List<ConcordanceHit> out = new ArrayList<>(local.concordance(text, lang, max));
        if (out.size() >= max) return out;
        SolrTmBackend t = teamForReading();
        if (t == null) return out;
        try {
            java.util.Set<String> have = new java.util.HashSet<>();
            for (ConcordanceHit h : out) have.add(h.unit().id());
            for (ConcordanceHit h : t.concordance(text, lang, max)) {
                if (out.size() >= max) break;
                if (have.add(h.unit().id())) out.add(h);
            }
        } catch (DiptychException e) {
            if (!(e instanceof TeamUnavailableException) && !isTeamProblem(e)) throw e;
            failed(e);
        }
        return out;
    }

    /** Whether a hit's unit is the local TM's (else it came from the team TM). */
    public Origin originOf(TmUnit u) {
        return Objects.equals(local.get(u.id()), u) ? Origin.LOCAL : Origin.TEAM;
    }

    @Override
    public TmUnit get(String unitId) {
        TmUnit u = local.get(unitId);
        if (u != null) return u;
        SolrTmBackend t = teamForReading();
        if (t == null) return null;
        try {
            return t.get(unitId);
        } catch (DiptychException e) {
            failed(e);
            return null;
        }
    }

    /** Puts and deletes in the local TM; the approved units put are queued and pushed to the team TM. */
    @Override
    public void update(List<TmUnit> puts, List<String> deleteIds) {
        local.update(puts, deleteIds);
    }

    @Override
    public ImportReport importTmx(Path file, Progress progress) {
        return local.importTmx(file, progress);
    }

    @Override
    public long exportTmx(Path out, boolean approvedOnly) {
        return local.exportTmx(out, approvedOnly);
    }

    @Override
    public TmStats stats() {
        return local.stats();
    }

    private boolean detached;

    /**
     * Stops listening to the local TM now (what it takes from now on is not queued by this object), so that
     * another TeamTm may listen to it while this one still pushes and closes.
     */
    public synchronized void detach() {
        if (detached) return;
        detached = true;
        local.onUpdate(null);
    }

    /** Stops listening to the local TM and closes the connection; the local TM stays open (its owner closes it). */
    @Override
    public synchronized void close() {
        detach();
        if (team != null) team.close();
        team = null;
    }
}
