package org.diptych.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.diptych.Progress;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan;
import org.diptych.site.SiteImporter;
import org.diptych.site.SitePlanner;

/**
 * The site benchmark (docs/BENCHMARKS.md, "Site import"): generates a Jekyll site of N ru posts (default 2,000)
 * from our own sample statements, 30% of them translated (every translated one into en, one in four of those
 * also into pt), each version with the reciprocal link lines at the top; then plans (discovery and pairing),
 * imports, aligns and feeds the TM of a new project, printing progress and the time and heap of each phase.
 * Usage: SiteBench WORK_DIR [POSTS]
 */
public final class SiteBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path site = work.resolve("site"), proj = work.resolve("project");
        deleteTree(work);
        long t0 = System.nanoTime();
        int translated = generate(site, n);
        System.out.printf(Locale.ROOT, "generated %d ru posts, %d translated (%.1f s)%n", n, translated, secs(t0));
        try (Project p = Project.create(proj, "bench", List.of("ru", "en", "pt"))) {
            long t1 = System.nanoTime();
            Progress pr = new Progress() {
                long last;

                @Override
                public void update(long done, long total, String message) {
                    long now = System.nanoTime();
                    if (now - last > 5_000_000_000L) {
                        last = now;
                        System.out.printf(Locale.ROOT, "  %6.1f s  %d/%d %s%n", secs(t1), done, total, message);
                    }
                }
            };
            ImportPlan plan = SitePlanner.plan(p, site, pr);
            double plan_s = secs(t1);
            System.out.printf(Locale.ROOT, "discover+pair: %.1f s, %d statements, %d paired, %d ambiguous, heap %d MB%n",
                    plan_s, plan.statements().size(), plan.pairedCount(), plan.ambiguous().size(), heapMb());
            long t2 = System.nanoTime();
            SiteImporter.Report r = SiteImporter.run(p, plan, true, pr);
            double run_s = secs(t2);
            System.out.printf(Locale.ROOT, "import+align+TM: %.1f s (%s), heap %d MB%n", run_s, r.summary(), heapMb());
            System.out.printf(Locale.ROOT, "total discover+import+align: %.1f s; max heap used %d MB (-Xmx %d MB)%n",
                    plan_s + run_s, peak, Runtime.getRuntime().maxMemory() >> 20);
            long t3 = System.nanoTime();
            ImportPlan again = SitePlanner.plan(p, site, Progress.NONE);
            SiteImporter.Report r2 = SiteImporter.run(p, again, true, Progress.NONE);
            System.out.printf(Locale.ROOT, "second run (nothing changed): %.1f s (%s)%n", secs(t3), r2.summary());
        }
    }

    static long peak;

    private static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
        peak = Math.max(peak, used);
        return used;
    }

    private static double secs(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static String body(String id, String lang) {
        String md = OwnStatements.read(id + "." + lang + ".md");
        if (md.startsWith("---")) md = md.substring(md.indexOf("\n---", 3) + 4);
        return md.strip() + "\n";
    }

    static int generate(Path site, int n) throws Exception {
        write(site.resolve("_config.yml"), "url: \"https://bench.example.org\"\nlang: ru\npermalink: pretty\n");
        String base = "https://bench.example.org";
        int translated = 0;
        for (int i = 0; i < n; i++) {
            String src = OwnStatements.IDS.get(i % OwnStatements.IDS.size());
            int day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2010 + i / (28 * 12);
            String date = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            String slug = src + "-" + i;
            String path = date.replace('-', '/') + "/" + slug + "/";
            boolean en = i % 10 < 3, pt = en && i % 40 < 3;
            if (en) translated++;
            StringBuilder ruLinks = new StringBuilder();
            if (en) ruLinks.append("[English](").append(base).append("/en/").append(path).append(")\n");
            if (pt) ruLinks.append("[Português](").append(base).append("/pt/").append(path).append(")\n");
            String fm = "---\nlayout: post\ntitle: \"%s %d\"\n---\n\n";
            write(site.resolve("_posts/" + date + "-" + slug + ".md"),
                    fm.formatted("Заявление", i) + (ruLinks.isEmpty() ? "" : ruLinks + "\n") + body(src, "ru"));
            if (en) {
                write(site.resolve("en/_posts/" + date + "-" + slug + ".md"), fm.formatted("Statement", i)
                        + "[Русский](" + base + "/" + path + ")\n\n" + body(src, "en"));
            }
            if (pt) {
                write(site.resolve("pt/_posts/" + date + "-" + slug + ".md"), fm.formatted("Declaração", i)
                        + "[Русский](" + base + "/" + path + ")\n\n" + body(src, "pt"));
            }
        }
        return translated;
    }

    private static void write(Path f, String s) throws Exception {
        Files.createDirectories(f.getParent());
        Files.writeString(f, s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
