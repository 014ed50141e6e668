package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Languages;
import org.diptych.project.Project;
import org.diptych.review.ReviewStore;
import org.diptych.review.TextEdit;
import org.diptych.translate.FrontMatterDraft;
import org.diptych.translate.FrontMatterRows;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "meta", description = {
        "Show or edit a version's front matter (title, lang, permalink, tags, any key), in file order.",
        "Every --set is logged in the version's edits.json like a text correction; the original file is",
        "never changed, export writes the version's own front matter."})
final class MetaCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", required = true, paramLabel = "ID", description = "The statement.")
    String statementId;

    @Option(names = "--lang", required = true, paramLabel = "LL", description = "The version's language.")
    String lang;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a top-level key to a text value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--json", description = "Print the front matter as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String l;
        try {
            l = Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || !s.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--set '" + s + "': expected KEY=VALUE with a plain key (letters, digits, _ and -)");
            }
            changes.put(s.substring(0, eq).strip(), s.substring(eq + 1));
        }
        DocumentVersion v;
        try (Project p = Project.open(projectDir, !changes.isEmpty())) {
            v = ReviewStore.version(p, statementId, l);
            if (!changes.isEmpty()) {
                if (!"markdown".equals(v.format()) && v.frontMatter().style() == org.diptych.model.FrontMatter.Style.NONE) {
                    throw new DiptychException(p.versionDir(statementId, l) + ": a " + v.format()
                            + " version has no front matter to edit");
                }
                List<TextEdit> log = new ArrayList<>(ReviewStore.loadEdits(p, statementId, l));
                DocumentVersion next = v;
                for (Map.Entry<String, String> c : changes.entrySet()) {
                    String before = org.diptych.export.FrontMatterKeys.scalar(next.frontMatter(), c.getKey());
                    if (c.getValue().equals(before)) continue;
                    next = FrontMatterRows.withValue(next, c.getKey(), c.getValue());
                    log.add(new TextEdit(FrontMatterDraft.ROW_PREFIX + c.getKey(), before == null ? "" : before,
                            c.getValue(), null, Instant.now()));
                }
                if (next != v) {
                    p.saveVersion(statementId, next, null);
                    ReviewStore.saveEdits(p, statementId, l, log);
                }
                v = next;
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statement", statementId);
            m.put("lang", l);
            m.put("style", v.frontMatter().style().name().toLowerCase(java.util.Locale.ROOT));
            m.put("fields", v.frontMatter().fields());
            out.println(Project.json().writeValueAsString(m));
        } else if (v.frontMatter().fields().isEmpty()) {
            out.println("(no front matter)");
        } else {
            for (String k : v.frontMatter().fields().keySet()) out.println(k + ": " + v.frontMatter().get(k));
        }
        out.flush();
        return Main.OK;
    }
}
