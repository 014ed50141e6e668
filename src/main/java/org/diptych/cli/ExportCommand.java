package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diptych.Progress;
import org.diptych.export.ExportOptions;
import org.diptych.export.ExportReport;
import org.diptych.export.Exporter;
import org.diptych.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {
        "Export a statement: every language version to OUT/<path pattern> with reciprocal links,",
        "or (--bundle) a bilingual zip per aligned pair. Links between posts are checked afterwards;",
        "the exit code is 1 if one is broken."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", required = true, paramLabel = "ID", description = "Statement to export.")
    String statementId;

    @Option(names = "--to", required = true, paramLabel = "OUT",
            description = "Export folder, usually a checkout of the site's repository.")
    Path out;

    @Option(names = "--bundle", description = "Write bilingual bundles (<id>.<src>-<tgt>.zip) instead of the posts.")
    boolean bundle;

    @Option(names = "--pair", paramLabel = "SRC-TGT", description = "Only these two versions (e.g. ru-en).")
    String pair;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportReport r;
        try (Project p = Project.open(projectDir, false)) {
            r = new Exporter(p).export(new ExportOptions(statementId, this.out, bundle, pair), Progress.NONE);
        }
        for (ExportReport.ExportedFile f : r.files()) {
            out.println((f.changed() ? "wrote     " : "unchanged ") + r.outDir().relativize(f.path())
                    + (f.url() == null ? "" : "  → " + f.url()));
        }
        for (String w : r.warnings()) out.println("warning: " + w);
        long ok = r.links().stream().filter(ExportReport.LinkCheck::ok).count();
        out.println("Links checked: " + r.links().size() + ", ok: " + ok + ", broken: " + r.brokenLinks().size());
        for (ExportReport.LinkCheck l : r.brokenLinks()) {
            err.println("diptych: broken link in " + l.from() + ": " + l.url() + " (no file " + l.expected() + ")");
        }
        out.flush();
        return r.linksOk() ? Main.OK : Main.FAILURE;
    }
}
