package org.diptych.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.diptych.Progress;
import org.diptych.tm.ImportReport;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TmQuery;
import org.diptych.tm.solr.SolrTeam;
import org.diptych.tm.solr.SolrTmBackend;
import org.diptych.tm.solr.TeamTmConfig;

/**
 * The team column of {@code bench/tm.sh} (run in the {@code -Pteam} class path): a two-node SolrCloud in this
 * JVM (MiniSolrCloudCluster, embedded ZooKeeper), a collection of two shards made by {@link SolrTeam#setup} as
 * {@code tm solr-setup} makes it, the TMX imported through {@link SolrTmBackend#importTmx} (batches of 1,000,
 * one commit at the end), then every query answered by {@code CLIENTS} concurrent clients, each with its own
 * HTTP client, as team members' desks would ask. Writes OUT.tsv and OUT.properties in {@link TmBench}'s
 * format, so that {@code TmBench report} puts the team row beside the embedded TM and Pensieve.
 *
 * <pre>TeamTmBench TMX QUERIES SRC TGT WORKDIR OUT [CLIENTS]</pre>
 *
 * The Solr nodes, the ZooKeeper and the clients share the machine's cores: the import and lookup figures
 * are those of a server on the translator's own 2-core machine, a floor for a real team server.
 */
public final class TeamTmBench {
    private TeamTmBench() {}

    public static void main(String[] a) throws Exception {
        try {
            run(a);
        } catch (Exception | Error e) {
            // ZooKeeper's handler of uncaught exceptions logs one line without the exception
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the cluster's non-daemon threads
    }

    private static void run(String[] a) throws Exception {
        Path tmx = Path.of(a[0]);
        Path queries = Path.of(a[1]);
        String src = a[2];
        String tgt = a[3];
        Path work = a[4].isEmpty() ? Files.createTempDirectory("diptych-team-bench") : Files.createDirectories(Path.of(a[4]));
        String out = a[5];
        int clients = a.length > 6 ? Integer.parseInt(a[6]) : 8;
        System.setProperty("solr.allowPaths", "*");
        Path dir = Files.createTempDirectory(work, "cloud");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, dir).build();
        try {
            String url0 = cluster.getJettySolrRunner(0).getBaseUrl().toString();
            String url1 = cluster.getJettySolrRunner(1).getBaseUrl().toString();
            TeamTmConfig config = new TeamTmConfig(url0, "bench", null);
            SolrTeam.setup(config, null, 2, 1);
            long t0 = System.nanoTime();
            long cpu0 = TmBench.cpu();
            ImportReport r;
            try (SolrTmBackend b = SolrTmBackend.connect(config, null)) {
                r = b.importTmx(tmx, Progress.NONE);
            }
            long importNanos = System.nanoTime() - t0;
            long importCpu = TmBench.cpu() - cpu0;
            System.out.printf("team import: %d units in %.1f s (%.1f s CPU of the whole JVM: Solr nodes, ZooKeeper, client)%n",
                    r.added(), importNanos / 1e9, importCpu / 1e9);

            List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
            List<SolrTmBackend> backends = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                // half the clients on each node, as desks would be spread
                TeamTmConfig c = new TeamTmConfig(i % 2 == 0 ? url0 : url1, "bench", null);
                backends.add(SolrTmBackend.connect(c, null));
            }
            for (int i = 0; i < Math.min(200, lines.size()); i++) {
                backends.get(i % clients).lookup(query(lines.get(i), src, tgt));
            }
            String[] results = new String[lines.size()];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long q0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                int client = k;
                fs.add(pool.submit(() -> {
                    SolrTmBackend b = backends.get(client);
                    for (int i = client; i < lines.size(); i += clients) {
                        String[] f = lines.get(i).split("\t", -1);
                        long s = System.nanoTime();
                        List<TmMatch> m = b.lookup(query(lines.get(i), src, tgt));
                        long ns = System.nanoTime() - s;
                        String top = m.isEmpty() ? "" : m.get(0).unit().tuid();
                        String score = m.isEmpty() ? "" : String.valueOf(m.get(0).score());
                        results[i] = f[0] + "\t" + f[2] + "\t" + top + "\t" + score + "\t" + ns + "\n";
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            double lookupS = (System.nanoTime() - q0) / 1e9;
            pool.shutdown();
            for (SolrTmBackend b : backends) b.close();
            System.out.printf("team lookups: %d queries from %d clients in %.1f s (%.0f queries/s)%n",
                    lines.size(), clients, lookupS, lines.size() / lookupS);
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
                for (String s : results) w.write(s);
            }
            long indexBytes = 0;
            try (var s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(p) && p.toString().contains("/data/index")) indexBytes += Files.size(p);
                }
            }
            Files.writeString(Path.of(out + ".properties"), "system=Team (SolrCloud, 2 nodes, " + clients + " clients)\nunits="
                    + r.added() + "\nimport_ms=" + importNanos / 1_000_000 + "\nimport_cpu_ms=" + importCpu / 1_000_000
                    + "\nindex_bytes=" + indexBytes + "\ntmx_bytes=" + Files.size(tmx)
                    + "\nheap_peak_mb=" + TmBench.peakHeap() / (1 << 20) + "\nqueries_per_s=" + Math.round(lines.size() / lookupS) + "\n");
        } finally {
            cluster.shutdown();
        }
    }

    private static TmQuery query(String line, String src, String tgt) {
        return new TmQuery(line.split("\t", -1)[1], "", src, tgt, null, 60, 1);
    }

}
