package org.diptych.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.export.ExportOptions;
import org.diptych.export.ExportReport;
import org.diptych.export.Exporter;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Statement;
import org.diptych.project.Project;
import org.diptych.translate.TargetVersions;

/**
 * The round trip of bench/public-sites.sh, in one JVM: {@code all PROJECT SITE} exports every statement of a
 * project imported from SITE back into it (incomplete versions allowed: the site's own pairs are drafts) and
 * prints how many files were written and how many of them changed; {@code translate PROJECT SITE LANG}
 * starts a LANG translation of the statement without a LANG version whose site file is the most deeply nested
 * (the first by id; from its en version if it has one there), exports it and prints where it landed. The caller checks the checkout with git.
 */
public final class SiteExportBench {
    private SiteExportBench() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: SiteExportBench all PROJECT SITE | translate PROJECT SITE LANG");
            System.exit(2);
        }
        Path site = Path.of(args[2]).toAbsolutePath().normalize();
        try (Project p = Project.open(Path.of(args[1]), true)) {
            if (args[0].equals("all")) all(p, site);
            else translate(p, site, args[3]);
        } catch (DiptychException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void all(Project p, Path site) {
        long t0 = System.nanoTime();
        Exporter ex = new Exporter(p);
        int statements = 0, files = 0, changed = 0;
        Map<String, Integer> how = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        for (String id : p.statementIds()) {
            statements++;
            ExportOptions o = ExportOptions.posts(id, site).allowingIncomplete(true);
            try {
                for (Exporter.Destination d : ex.destinations(o)) how.merge(d.how().name(), 1, Integer::sum);
                ExportReport r = ex.export(o, Progress.NONE);
                for (ExportReport.ExportedFile f : r.files()) {
                    files++;
                    if (f.changed()) {
                        changed++;
                        System.out.println("  changed: " + site.relativize(f.path()));
                    }
                }
            } catch (DiptychException e) {
                refused.add(e.getMessage());
            }
        }
        System.out.printf("exported %d statements: %d files written, %d changed, %d statements refused; placed by %s; %.1f s%n",
                statements, files, changed, refused.size(), how, (System.nanoTime() - t0) / 1e9);
        for (String r : refused) System.out.println("  refused: " + r);
    }

    private static void translate(Project p, Path site, String lang) {
        // the statement without a LANG version whose site file is the most deeply nested (en preferred, then by id)
        String best = null;
        DocumentVersion source = null;
        for (String id : p.statementIds()) {
            Statement st = p.loadStatement(id);
            if (st.versions().containsKey(lang)) continue;
            for (DocumentVersion v : st.versions().values()) {
                if (v.sitePath() == null || !v.format().equals("markdown")) continue;
                int depth = v.sitePath().split("/").length;
                int bestDepth = source == null ? -1 : source.sitePath().split("/").length;
                if (depth > bestDepth || depth == bestDepth && id.equals(best) && v.lang().equals("en")) {
                    best = id;
                    source = v;
                }
            }
        }
        if (source == null) {
            System.out.println("no statement from the site without a " + lang + " version");
            return;
        }
        TargetVersions.Start start = TargetVersions.start(best, source, lang, p.manifest().sites());
        p.saveVersion(best, start.target(), null);
        p.saveAlignment(start.alignment());
        ExportOptions o = ExportOptions.posts(best, site).allowingIncomplete(true);
        for (Exporter.Destination d : new Exporter(p).destinations(o)) System.out.println("  preview: " + d.describe());
        ExportReport r = new Exporter(p).export(o, Progress.NONE);
        for (ExportReport.ExportedFile f : r.files()) {
            System.out.println("  " + f.lang() + ": " + site.relativize(f.path()) + (f.changed() ? " (written)" : " (unchanged)"));
        }
        System.out.println("translated " + best + " from " + source.lang() + " (" + source.sitePath() + ") into " + lang);
    }
}
