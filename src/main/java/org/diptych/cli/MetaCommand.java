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
import org.diptych.formats.FrontMatterParser;
import org.diptych.translate.FrontMatterEdit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "meta", description = {
        "Show or edit a version's front matter (title, lang, permalink, tags, any key), in file order.",
        "Lists and lists of maps: --add tags=strike appends an item, --add 'signatories={name: I. Petrova, org: Dockers}' "
                + "a map; --remove tags=strike or --remove tags[2] takes one out; --set tags[2]=union and "
                + "--set signatories[1].name=… change an item or one field of it (items count from 1).",
        "Changes apply in the order --set, --add, --remove, are written in the file's own style (a block list stays "
                + "a block list, a flow list stays flow) and logged in the version's edits.json like text corrections, "
                + "in one atomic change.",
        "The original file is never changed; export writes the version's own front matter."})
final class MetaCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", required = true, paramLabel = "ID", description = "The statement.")
    String statementId;

    @Option(names = "--lang", required = true, paramLabel = "LL", description = "The version's language.")
    String lang;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a key, a list item (KEY[N]) or a field of one (KEY[N].FIELD) to a text value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--add", paramLabel = "KEY=VALUE", description = "Append an item to a list: a text, or a map as {key: value, …} (repeatable).")
    List<String> adds = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY=VALUE|KEY[N]", description = "Remove a list's first item equal to VALUE, or its N-th item (repeatable).")
    List<String> removes = new ArrayList<>();

    @Option(names = "--json", description = "Print the front matter as JSON.")
    boolean json;

    /** One change asked for on the command line. */
    private record Change(String op, FrontMatterEdit.Path path, String value) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String l;
        try {
            l = Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
        List<Change> changes = new ArrayList<>();
        for (String s : sets) changes.add(change("--set", s, true));
        for (String s : adds) changes.add(change("--add", s, true));
        for (String s : removes) changes.add(change("--remove", s, false));
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
                Instant now = Instant.now();
                for (Change c : changes) {
                    var fm = next.frontMatter();
                    String key = c.path().key();
                    FrontMatterEdit.Edited e;
                    try {
                        Object value = switch (c.op()) {
                            case "--add" -> FrontMatterEdit.add(fm, key, FrontMatterEdit.item(c.value()));
                            case "--remove" -> FrontMatterEdit.remove(fm, c.path(), c.value());
                            default -> FrontMatterEdit.set(fm, c.path(),
                                    c.path().index() >= 0 && c.path().field() == null ? FrontMatterEdit.item(c.value()) : c.value());
                        };
                        e = FrontMatterEdit.apply(next, key, value, null, now);
                    } catch (DiptychException ex) {
                        throw new DiptychException(p.versionDir(statementId, l).resolve(Project.VERSION_FILE) + ": "
                                + c.op() + " " + c.path() + ": " + ex.getMessage());
                    }
                    if (e == null) continue;
                    next = e.version();
                    log.add(e.log());
                }
                if (next != v) {
                    // the version and its edit log: one change, both or neither
                    p.transaction()
                            .put(p.versionDir(statementId, l).resolve(Project.VERSION_FILE), Project.json().writeValueAsBytes(next))
                            .put(ReviewStore.editsFile(p, statementId, l), Project.json().writeValueAsBytes(log))
                            .commit("the front matter of the " + l + " version of " + statementId);
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
            for (Map.Entry<String, Object> f : v.frontMatter().fields().entrySet()) {
                if (f.getValue() instanceof List<?> items && !items.isEmpty()) {
                    out.println(f.getKey() + ":");
                    for (int i = 0; i < items.size(); i++) {
                        out.println("  " + (i + 1) + ". " + FrontMatterParser.text(items.get(i)));
                    }
                } else {
                    out.println(f.getKey() + ": " + FrontMatterParser.text(f.getValue()));
                }
            }
        }
        out.flush();
        return Main.OK;
    }

    private Change change(String op, String s, boolean needsValue) {
        int eq = s.indexOf('=');
        String target = eq < 0 ? s : s.substring(0, eq);
        try {
            FrontMatterEdit.Path path = FrontMatterEdit.Path.parse(target);
            if (eq < 0 && (needsValue || path.index() < 0)) {
                throw new IllegalArgumentException("expected " + (needsValue ? "KEY=VALUE" : "KEY=VALUE or KEY[N]"));
            }
            if (op.equals("--add") && path.index() >= 0) throw new IllegalArgumentException("--add takes KEY=VALUE (the item goes at the end)");
            if (eq >= 0 && op.equals("--remove") && path.index() >= 0) throw new IllegalArgumentException("KEY[N] or KEY=VALUE, not both");
            return new Change(op, path, eq < 0 ? null : s.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), op + " '" + s + "': " + e.getMessage());
        }
    }
}
