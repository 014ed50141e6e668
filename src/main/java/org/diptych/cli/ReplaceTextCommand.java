package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.model.Languages;
import org.diptych.project.Project;
import org.diptych.review.FindReplace;
import org.diptych.review.ProjectReplace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "replace-text", description = {
        "Find and replace text in the versions of one statement or of the whole project (literal text, not a pattern).",
        "Prints every paragraph that changes; with --dry-run nothing is written.",
        "The change is one step: every version or none, each paragraph logged in the version's edits.json; "
                + "imported originals are never changed.",
        "--undo puts back the last replace-text of the project (refused if a version changed since)."})
final class ReplaceTextCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--find", paramLabel = "TEXT", description = "The text to find.")
    String find;

    @Option(names = "--with", paramLabel = "TEXT", description = "What replaces it (may be empty).")
    String with;

    @Option(names = "--lang", paramLabel = "LL", description = "Only versions in this language (repeatable; default: every language).")
    List<String> langs = new ArrayList<>();

    @Option(names = "--statement", paramLabel = "ID", description = "Only this statement's versions (default: every statement).")
    String statementId;

    @Option(names = "--match-case", description = "Case matters (default: \"Union\" is found for \"union\").")
    boolean matchCase;

    @Option(names = "--whole-word", description = "Only occurrences that are not part of a longer word.")
    boolean wholeWord;

    @Option(names = "--dry-run", description = "Show what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--undo", description = "Undo the last replace-text of the project.")
    boolean undo;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Who made the change, for the edit log.")
    String reviewer;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (undo) {
            if (find != null || with != null || dryRun) {
                throw new ParameterException(spec.commandLine(), "--undo takes no --find, --with or --dry-run");
            }
            try (Project p = Project.open(projectDir, true)) {
                int n = ProjectReplace.undoLast(p);
                out.println("Undid the last replace-text: " + n + " files put back");
            }
            out.flush();
            return Main.OK;
        }
        if (find == null || find.isEmpty() || with == null) {
            throw new ParameterException(spec.commandLine(), "give --find TEXT and --with TEXT (or --undo)");
        }
        List<String> languages = new ArrayList<>();
        for (String l : langs) {
            try {
                languages.add(Languages.normalize(l));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--lang " + l + ": " + e.getMessage());
            }
        }
        FindReplace.Query q = new FindReplace.Query(find, with, matchCase, wholeWord);
        try (Project p = Project.open(projectDir, !dryRun)) {
            if (statementId != null && !p.statementIds().contains(statementId)) {
                throw new DiptychException(projectDir + ": no statement '" + statementId + "'");
            }
            ProjectReplace.Scope scope = new ProjectReplace.Scope(statementId == null ? List.of() : List.of(statementId), languages);
            List<ProjectReplace.VersionHits> hits = ProjectReplace.preview(p, scope, q, () -> false);
            int[] t = ProjectReplace.totals(hits);
            if (!hits.isEmpty() && !dryRun) ProjectReplace.apply(p, hits, reviewer, Clock.systemUTC());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("written", !hits.isEmpty() && !dryRun);
                m.put("occurrences", t[0]);
                m.put("paragraphs", t[1]);
                m.put("versions", hits);
                out.println(Project.json().writeValueAsString(m));
            } else {
                for (ProjectReplace.VersionHits h : hits) {
                    for (FindReplace.Change c : h.changes()) {
                        out.println(h.statementId() + " [" + h.lang() + "] " + c.paragraphId() + ": " + oneLine(c.before()));
                        out.println("    → " + oneLine(c.after()));
                    }
                }
                out.println(hits.isEmpty() ? "Nothing found"
                        : (dryRun ? "Would replace " : "Replaced ") + t[0] + " occurrences in " + t[1] + " paragraphs of "
                        + hits.size() + " versions" + (dryRun ? " (dry run: nothing written)" : " (undo: replace-text --undo)"));
            }
        }
        out.flush();
        return Main.OK;
    }

    private static String oneLine(String s) {
        return org.diptych.project.Messages.oneLine(s);
    }
}
