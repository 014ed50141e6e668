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
        "Export a statement: every language version to OUT/<path pattern> with reciprocal links, "
                + "or (--bundle) a bilingual zip per aligned pair.",
        "Before writing, untranslated rows, drafts and QA errors are counted per language: "
                + "the exit code is 1, listing them, unless --allow-incomplete.",
        "Links between posts are checked afterwards; a link to a post neither in the project nor in OUT "
                + "is a warning."})
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

    @Option(names = "--allow-incomplete", description = "Export versions with untranslated rows, drafts or QA errors"
            + " (each untranslated row is named in the summary).")
    boolean allowIncomplete;

    @Option(names = "--utf8", description = "Write edited posts in UTF-8 even when their original is in another"
            + " encoding (by default an edited post keeps its original's encoding, e.g. windows-1251).")
    boolean utf8;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportReport r;
        try (Project p = Project.open(projectDir, false)) {
            r = new Exporter(p).export(new ExportOptions(statementId, this.out, bundle, pair, allowIncomplete, utf8), Progress.NONE);
        } catch (Exporter.IncompleteExport e) {
            for (String line : e.check().lines()) err.println("diptych: " + line);
            err.println("diptych: " + e.getMessage());
            return Main.FAILURE;
        }
        for (ExportReport.ExportedFile f : r.files()) {
            out.println((f.changed() ? "wrote     " : "unchanged ") + r.outDir().relativize(f.path())
                    + (f.url() == null ? "" : "  → " + f.url()));
        }
        for (String w : r.warnings()) out.println("warning: " + w);
        long ok = r.links().stream().filter(ExportReport.LinkCheck::ok).count();
        long inProject = r.links().stream().filter(ExportReport.LinkCheck::inProject).count();
        out.println("Links checked: " + r.links().size() + ", ok: " + ok
                + (inProject > 0 ? " (" + inProject + " to posts of the project not in " + this.out + " yet)" : "")
                + ", not found: " + r.brokenLinks().size());
        for (ExportReport.LinkCheck l : r.brokenLinks()) {
            out.println("warning: link in " + l.from() + " to a post neither in the project nor in the folder: " + l.url()
                    + " (no file " + l.expected() + ")");
        }
        out.flush();
        return Main.OK;
    }
}
