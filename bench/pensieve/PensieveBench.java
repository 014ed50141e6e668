import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.tmx.TmxFilter;
import net.sf.okapi.tm.pensieve.common.MetadataType;
import net.sf.okapi.tm.pensieve.common.TmHit;
import net.sf.okapi.tm.pensieve.seeker.ITmSeeker;
import net.sf.okapi.tm.pensieve.seeker.TmSeekerFactory;
import net.sf.okapi.tm.pensieve.tmx.OkapiTmxImporter;
import net.sf.okapi.tm.pensieve.writer.ITmWriter;
import net.sf.okapi.tm.pensieve.writer.TmWriterFactory;

/**
 * The benchmark's peer: Okapi's Pensieve TM on the same TMX and queries as Diptych, same output format
 * (see org.diptych.bench.TmBench). Compiled and run by bench/tm.sh on its own class path (Lucene 8).
 *
 * Usage: PensieveBench TMX QUERIES SRC TGT WORKDIR OUT-PREFIX
 */
public final class PensieveBench {
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] a) throws Exception {
        Path tmx = Path.of(a[0]);
        Path queries = Path.of(a[1]);
        LocaleId src = LocaleId.fromString(a[2]);
        LocaleId tgt = LocaleId.fromString(a[3]);
        Path work = Path.of(a[4]);
        String out = a[5];
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ITmWriter w = TmWriterFactory.createFileBasedTmWriter(work.toString(), true);
        OkapiTmxImporter imp = new OkapiTmxImporter(src, new TmxFilter());
        imp.importTmx(tmx.toUri(), tgt, w);
        w.close();
        long importNanos = System.nanoTime() - t0;
        long importCpu = cpu() - cpu0;
        long indexBytes;
        try (Stream<Path> s = Files.walk(work)) {
            indexBytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        ITmSeeker seeker = TmSeekerFactory.createFileBasedTmSeeker(work.toString());
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(200, lines.size()); i++) { // warm-up, not measured
            seeker.searchFuzzy(new TextFragment(lines.get(i).split("\t", -1)[1]), 60, 1, null);
        }
        try (BufferedWriter r = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                long q0 = System.nanoTime();
                List<TmHit> hits = seeker.searchFuzzy(new TextFragment(f[1]), 60, 1, null);
                long ns = System.nanoTime() - q0;
                String top = "";
                String score = "";
                if (!hits.isEmpty()) {
                    top = hits.get(0).getTu().getMetadataValue(MetadataType.ID);
                    score = String.valueOf(Math.round(hits.get(0).getScore()));
                }
                r.write(f[0] + "\t" + f[2] + "\t" + (top == null ? "" : top) + "\t" + score + "\t" + ns + "\n");
            }
        }
        seeker.close();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        Files.writeString(Path.of(out + ".properties"), "system=Pensieve (Okapi 1.47.0)"
                + "\nimport_ms=" + importNanos / 1_000_000 + "\nimport_cpu_ms=" + importCpu / 1_000_000 + "\nindex_bytes=" + indexBytes + "\ntmx_bytes="
                + Files.size(tmx) + "\nheap_peak_mb=" + peak / (1 << 20) + "\n");
    }
}
