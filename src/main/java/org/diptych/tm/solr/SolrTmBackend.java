package org.diptych.tm.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

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
import org.diptych.tm.TmVariant;

/**
 * A translation memory kept in a SolrCloud collection (a team's), laid out by {@link SolrTmSchema}. Lookups
 * retrieve candidates as the embedded TM does (texts equal up to case and punctuation, or up to numbers,
 * by their hashes; BM25 over the pairs of stems, then over the stems when that found too few) and score
 * them on the client with the embedded TM's {@code MatchScorer} ({@link TmBackendSupport.Lookup}), so a query
 * gives the same matches and percentages on both. One difference in retrieval: the embedded TM keeps the
 * twelve rarest terms of a query (it knows each term's document frequency at no cost); here every term of
 * the query goes to the server in one request and BM25's idf weighs the rare ones up.
 *
 * <p>Writes are visible to every client once this returns (a soft commit; Solr's transaction log makes them
 * durable at once). An update request is one step for the client; Solr applies its documents in order and
 * the schema rejects none of them, so all of it is kept unless the server fails midway. A TMX import is
 * sent in batches tagged with the import's id; if it fails (the file turns out malformed, the connection
 * drops, it is cancelled), the batches sent are deleted again, so an import is all or nothing unless the
 * server becomes unreachable in the middle of it (then running it again completes it: units are identified
 * by their content, nothing is added twice).
 *
 * <p>Errors reaching the server are {@link TeamUnavailableException}s. Thread-safe (SolrJ clients are).
 */
public final class SolrTmBackend implements TmBackend {
    static final int BATCH = 1000;
    private static final float EXACT_BOOST = 1_000_000f;
    private static final float MASKED_BOOST = 100_000f;

    private final SolrClient client;
    private final String collection;
    private final String where;
    private final boolean ownsClient;
    /** The user the client authenticates as, or {@code null}: for what a 401 means. */
    private final String user;

    /**
     * @param client     a SolrJ client of the server (any node of the cloud)
     * @param collection the team TM's collection
     * @param where      how to name the TM in messages ({@code http://host:8983/solr collection tm})
     * @param ownsClient close the client with the backend
     */
    public SolrTmBackend(SolrClient client, String collection, String where, boolean ownsClient) {
        this(client, collection, where, ownsClient, null);
    }

    /** @param user the user {@code client} authenticates as (basic authentication), or {@code null} */
    public SolrTmBackend(SolrClient client, String collection, String where, boolean ownsClient, String user) {
        this.client = client;
        this.collection = collection;
        this.where = where;
        this.ownsClient = ownsClient;
        this.user = user;
    }

    /** Opens a backend on a team TM: checks the collection exists and has Diptych's schema. */
    public static SolrTmBackend connect(TeamTmConfig config, String password) {
        return connect(config, password, SolrTeam.REQUEST_TIMEOUT_MS);
    }

    /** {@link #connect(TeamTmConfig, String)} with a request timeout of its own. */
    public static SolrTmBackend connect(TeamTmConfig config, String password, long requestTimeoutMs) {
        SolrClient c = SolrTeam.client(config.solrUrl(), config.user(), password, requestTimeoutMs);
        SolrTmBackend b = new SolrTmBackend(c, config.collection(), config.describe(), true, config.user());
        try {
            b.checkSchema();
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    public String collection() {
        return collection;
    }

    /** How the TM is named in messages. */
    public String where() {
        return where;
    }

    /** Checks that the collection answers and holds a Diptych TM of this schema version. */
    public void checkSchema() {
        String name = SolrTeam.schemaName(client, collection, where, user);
        if (!SolrTmSchema.NAME.equals(name)) {
            throw new DiptychException(where + ": not a Diptych team TM (schema '" + name + "', expected '"
                    + SolrTmSchema.NAME + "'); create one with 'diptych tm solr-setup'");
        }
    }

    // ---------------------------------------------------------------- documents

    /** The Solr document of a unit. */
    static SolrInputDocument document(TmUnit u, String importId) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", u.id());
        d.addField("unit", TmBackendSupport.encode(u));
        Map<String, StringBuilder> terms = new LinkedHashMap<>();
        for (TmVariant v : u.variants()) {
            String b = v.base();
            if (b == null) continue;
            if (!terms.containsKey(b)) d.addField("lang", b);
            StringBuilder t = terms.computeIfAbsent(b, k -> new StringBuilder());
            for (String term : TmBackendSupport.indexTerms(b, v.text())) {
                if (t.length() > 0) t.append('\t');
                t.append(term);
            }
            d.addField("w_" + b, v.text());
            long[] h = TmBackendSupport.textHashes(v.text());
            d.addField("y_" + b, h[0]);
            d.addField("x_" + b, h[1]);
        }
        for (Map.Entry<String, StringBuilder> e : terms.entrySet()) {
            // one field value per language: its terms together, so its norm counts all of them
            d.setField("t_" + e.getKey(), e.getValue().toString());
        }
        String scope = TmBackendSupport.scopeOf(u);
        if (scope != null) d.addField("scope", scope);
        d.addField("draft", u.isDraft());
        String member = member(u);
        if (member != null) d.addField("member", member);
        if (importId != null) d.addField("import", importId);
        return d;
    }

    /** Who changed the unit last, or created it: the team member a match comes from. */
    public static String member(TmUnit u) {
        String m = u.attributes().get("changeid");
        if (m == null || m.isBlank()) m = u.attributes().get("creationid");
        return m == null || m.isBlank() ? null : m;
    }

    private static TmUnit unitOf(SolrDocument d) {
        Object o = d.getFieldValue("unit");
        if (o instanceof byte[] b) return TmBackendSupport.decode(b);
        if (o instanceof java.nio.ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return TmBackendSupport.decode(b);
        }
        throw new DiptychException("team TM: a document without its unit (" + d.getFieldValue("id") + ")");
    }

    // ---------------------------------------------------------------- lookup

    @Override
    public List<TmMatch> lookup(TmQuery q) {
        TmBackendSupport.Lookup lk = TmBackendSupport.lookup(q);
        if (!lk.searchable()) return List.of();
        String src = lk.sourceBase();
        StringBuilder query = new StringBuilder();
        query.append("(y_").append(src).append(":\"").append(lk.exactHash()).append("\")^").append(EXACT_BOOST);
        query.append(" (x_").append(src).append(":\"").append(lk.maskedHash()).append("\")^").append(MASKED_BOOST);
        appendTerms(query, src, lk.terms(true));
        int rows = TmBackendSupport.EXACT_CANDIDATES + TmBackendSupport.MASKED_CANDIDATES + lk.bm25Candidates();
        for (TmUnit u : candidates(query.toString(), lk.targetBase(), rows)) lk.offer(u);
        if (lk.wantsMore()) {
            StringBuilder words = new StringBuilder();
            appendTerms(words, src, lk.terms(false));
            if (words.length() > 0) {
                for (TmUnit u : candidates(words.toString(), lk.targetBase(), lk.bm25Candidates())) lk.offer(u);
            }
        }
        return lk.matches();
    }

    private static void appendTerms(StringBuilder q, String base, List<String> terms) {
        for (String t : terms) {
            if (q.length() > 0) q.append(' ');
            q.append("t_").append(base).append(":\"").append(quote(t)).append('"');
        }
    }

    static String quote(String term) {
        return term.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private List<TmUnit> candidates(String q, String targetBase, int rows) {
        SolrQuery sq = new SolrQuery(q);
        sq.set("q.op", "OR");
        sq.set("df", "id");
        sq.addFilterQuery("lang:" + targetBase);
        sq.setRows(rows);
        sq.setFields("id", "unit");
        List<TmUnit> out = new ArrayList<>();
        for (SolrDocument d : query(sq).getResults()) out.add(unitOf(d));
        return out;
    }

    // ---------------------------------------------------------------- concordance

    @Override
    public List<ConcordanceHit> concordance(String text, String lang, int max) {
        String base = org.diptych.model.Languages.base(TmBackendSupport.normalize(lang));
        List<String> phrase = TmBackendSupport.stems(base, text);
        if (phrase.isEmpty()) throw new DiptychException("'" + text + "' has only stop words; search for other words");
        // The server stems the words with its own chain (the same as the embedded TM's); the phrase is checked here.
        StringBuilder q = new StringBuilder();
        for (String w : text.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            if (q.length() > 0) q.append(' ');
            q.append(org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(w));
        }
        SolrQuery sq = new SolrQuery(q.toString());
        sq.set("df", "w_" + base);
        sq.set("q.op", "AND");
        sq.setRows(Math.max(max * 4, 50));
        sq.setFields("id", "unit");
        List<ConcordanceHit> out = new ArrayList<>();
        for (SolrDocument d : query(sq).getResults()) {
            ConcordanceHit h = TmBackendSupport.concordanceHit(unitOf(d), base, phrase);
            if (h != null) out.add(h);
            if (out.size() >= max) break;
        }
        return out;
    }

    // ---------------------------------------------------------------- units

    @Override
    public TmUnit get(String unitId) {
        Map<String, TmUnit> m = getAll(List.of(unitId));
        return m.get(unitId);
    }

    /**
     * The units of these ids that the team TM has (real-time get: also those not yet committed). The ids go
     * in the body of a POST, one {@code id} parameter each ({@code SolrClient.getById} puts them in the URL,
     * which the server refuses with 414 "URI Too Long" for a batch of 1,000, and its {@code ids} would split
     * an id at its commas), {@value #BATCH} per request.
     */
    public Map<String, TmUnit> getAll(Collection<String> ids) {
        Map<String, TmUnit> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += BATCH) {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("fl", "id,unit");
            for (String id : all.subList(from, Math.min(all.size(), from + BATCH))) p.add("id", id);
            org.apache.solr.client.solrj.request.QueryRequest req =
                    new org.apache.solr.client.solrj.request.QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
            req.setPath("/get");
            try {
                org.apache.solr.common.util.NamedList<Object> r = client.request(req, collection);
                // one id: {"doc": …}; several: {"response": [...]}
                Object one = r.get("doc");
                if (one instanceof SolrDocument d) out.put((String) d.getFieldValue("id"), unitOf(d));
                if (r.get("response") instanceof SolrDocumentList docs) {
                    for (SolrDocument d : docs) out.put((String) d.getFieldValue("id"), unitOf(d));
                }
            } catch (SolrServerException | IOException | SolrException e) {
                throw unavailable(e);
            }
        }
        return out;
    }

    @Override
    public void update(List<TmUnit> puts, List<String> deleteIds) {
        if (puts.isEmpty() && deleteIds.isEmpty()) return;
        UpdateRequest r = new UpdateRequest();
        for (TmUnit u : puts) r.add(document(u, null));
        if (!deleteIds.isEmpty()) r.deleteById(new ArrayList<>(deleteIds));
        r.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        send(r);
    }

    private void send(UpdateRequest r) {
        try {
            r.process(client, collection);
        } catch (SolrServerException | IOException | SolrException e) {
            throw unavailable(e);
        }
    }

    private QueryResponse query(SolrQuery q) {
        try {
            return client.query(collection, q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw unavailable(e);
        }
    }

    private RuntimeException unavailable(Exception e) {
        return SolrTeam.failure(where, user, e);
    }

    // ---------------------------------------------------------------- import and export

    @Override
    public ImportReport importTmx(Path file, Progress progress) {
        String importId = UUID.randomUUID().toString();
        Set<String> seen = new HashSet<>();
        List<TmUnit> batch = new ArrayList<>();
        long[] counts = new long[2]; // added, duplicates
        boolean[] sent = {false};
        boolean done = false;
        try {
            TmBackendSupport.ReadResult r = TmBackendSupport.readTmx(file, progress, u -> {
                if (!seen.add(u.id())) {
                    counts[1]++;
                    return;
                }
                batch.add(u);
                if (batch.size() >= BATCH) {
                    sendBatch(batch, importId, counts);
                    sent[0] = true;
                }
            });
            sendBatch(batch, importId, counts);
            progress.checkCancelled();
            UpdateRequest commit = new UpdateRequest();
            commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
            send(commit);
            done = true;
            return new ImportReport(file.toString(), r.read(), counts[0], counts[1], r.skipped(), r.warnings(),
                    r.warningCount());
        } catch (IOException e) {
            throw new DiptychException(file + ": import failed, the team TM is unchanged (" + e.getMessage() + ")", e);
        } finally {
            if (!done && (sent[0] || counts[0] > 0)) rollback(importId);
        }
    }

    private void sendBatch(List<TmUnit> batch, String importId, long[] counts) {
        if (batch.isEmpty()) return;
        List<String> ids = new ArrayList<>();
        for (TmUnit u : batch) ids.add(u.id());
        Set<String> have = getAll(ids).keySet();
        UpdateRequest r = new UpdateRequest();
        int n = 0;
        for (TmUnit u : batch) {
            if (have.contains(u.id())) {
                counts[1]++;
                continue;
            }
            r.add(document(u, importId));
            n++;
        }
        batch.clear();
        if (n == 0) return;
        send(r);
        counts[0] += n;
    }

    /** Takes back what a failed import sent (its documents carry the import's id). */
    private void rollback(String importId) {
        try {
            UpdateRequest r = new UpdateRequest();
            r.deleteByQuery("import:\"" + importId + "\"");
            r.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
            r.process(client, collection);
        } catch (SolrServerException | IOException | RuntimeException ignored) {
            // unreachable: the units sent stay (an import run again completes them, adding nothing twice)
        }
    }

    @Override
    public long exportTmx(Path out, boolean approvedOnly) {
        return TmBackendSupport.writeTmx(out, sink -> forEachUnit(approvedOnly, sink));
    }

    /** Every unit (or the approved ones) in id order, read with a cursor in pages of {@value #BATCH}. */
    public void forEachUnit(boolean approvedOnly, TmBackendSupport.UnitSink sink) throws IOException {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*");
            if (approvedOnly) q.addFilterQuery("draft:false");
            q.setRows(BATCH);
            q.setFields("id", "unit");
            q.setSort("id", SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            for (SolrDocument d : r.getResults()) sink.unit(unitOf(d));
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) return;
            cursor = next;
        }
    }

    // ---------------------------------------------------------------- stats

    @Override
    public TmStats stats() {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        q.setFacet(true);
        q.addFacetField("lang");
        q.addFacetQuery("draft:true");
        q.setFacetMinCount(1);
        QueryResponse r = query(q);
        long units = r.getResults().getNumFound();
        long draft = r.getFacetQuery().getOrDefault("draft:true", 0);
        Map<String, Long> per = new TreeMap<>();
        FacetField f = r.getFacetField("lang");
        if (f != null) for (FacetField.Count c : f.getValues()) per.put(c.getName(), c.getCount());
        return new TmStats(units, units - draft, draft, per, 0, 0, 0, 0);
    }

    /** Units per team member (who confirmed or imported them last). */
    public Map<String, Long> members() {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        q.setFacet(true);
        q.addFacetField("member");
        q.setFacetMinCount(1);
        q.setFacetLimit(-1);
        Map<String, Long> out = new TreeMap<>();
        FacetField f = query(q).getFacetField("member");
        if (f != null) for (FacetField.Count c : f.getValues()) out.put(c.getName(), c.getCount());
        return out;
    }

    @Override
    public void close() {
        if (!ownsClient) return;
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to release
        }
    }
}
