package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.Progress;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan;
import org.diptych.site.SiteImporter;
import org.diptych.site.SitePlanner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diptych import-site}: reads a Jekyll or Hugo site checkout (never modified), pairs its posts into
 * statements, imports them, aligns every pair and feeds the TM; {@code --dry-run} only shows the plan.
 */
@Command(name = "import-site", mixinStandardHelpOptions = true, description = {
        "Import every post of a Jekyll or Hugo site with its translations, align the pairs and feed the TM.",
        "Re-runnable: a second run imports only new and edited posts and keeps review work.",
        "--dry-run shows what would be imported (statements, pairings, skipped files, other languages) and the"
                + " site profiles inferred for each language."})
final class ImportSiteCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--dry-run", description = "Show the plan; write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the plan (and what was done) as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "SITE_DIR", description = "The site's checkout (only read).")
    Path siteDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Project p = Project.open(projectDir, !dryRun)) {
            // progress on stderr, at most once a second (reading the site, then importing and aligning)
            Progress progress = json ? Progress.NONE : new Progress() {
                long last = System.nanoTime();

                @Override
                public void update(long done, long total, String message) {
                    long now = System.nanoTime();
                    if (now - last > 1_000_000_000L || done == total) {
                        last = now;
                        err.println("  " + done + "/" + total + " " + (message == null ? "" : message));
                        err.flush();
                    }
                }
            };
            ImportPlan plan = SitePlanner.plan(p, siteDir, progress);
            SiteImporter.Report report = null;
            if (!json) out.print(describe(plan));
            if (!dryRun) {
                report = SiteImporter.run(p, plan, true, progress);
                if (!json) {
                    out.println(report.summary() + ".");
                    for (String w : report.warnings()) out.println("  warning: " + w);
                }
            } else if (!json) {
                out.println("Dry run: nothing written. Run without --dry-run to import; the profiles above are stored"
                        + " for languages that have none yet.");
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("plan", plan);
                if (report != null) doc.put("done", report);
                out.println(Project.json().writeValueAsString(doc));
            }
        }
        return Main.OK;
    }

    static String describe(ImportPlan plan) {
        return org.diptych.site.PlanSummary.describe(plan);
    }
}
