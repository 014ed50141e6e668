package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.diptych.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "Describe a project, or one statement of it.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", paramLabel = "ID", description = "Show this statement's versions and paragraphs.")
    String statementId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.open(projectDir, false)) {
            if (statementId == null) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("name", p.manifest().name());
                info.put("schemaVersion", p.manifest().schemaVersion());
                info.put("languages", p.manifest().languages());
                Map<String, List<String>> statements = new LinkedHashMap<>();
                for (String id : p.statementIds()) statements.put(id, p.versionLanguages(id));
                info.put("statements", statements);
                if (json) {
                    out.println(Project.json().writeValueAsString(info));
                } else {
                    out.println("Project: " + p.manifest().name() + " (" + projectDir + ")");
                    out.println("Languages: " + String.join(", ", p.manifest().languages()));
                    out.println("Statements: " + statements.size());
                    statements.forEach((id, langs) -> out.println("  " + id + "  [" + String.join(", ", langs) + "]"));
                }
                return Main.OK;
            }
            if (!p.statementIds().contains(statementId)) {
                throw new DiptychException(projectDir + ": no statement '" + statementId + "'");
            }
            Statement s = p.loadStatement(statementId);
            if (json) {
                out.println(Project.json().writeValueAsString(s));
                return Main.OK;
            }
            out.println("Statement: " + s.id());
            for (DocumentVersion v : s.versions().values()) {
                out.println();
                out.println("[" + v.lang() + "] " + (v.title() == null ? "(no title)" : v.title())
                        + "  — " + v.paragraphs().size() + " paragraphs, " + v.format()
                        + (v.encoding() == null ? "" : ", " + v.encoding())
                        + (v.originalFile() == null ? "" : ", from " + v.originalFile()));
                for (Paragraph para : v.paragraphs()) {
                    String t = para.text().replace('\n', ' ');
                    out.println("  " + para.id() + "\t" + para.kind().name().toLowerCase()
                            + (para.level() > 0 ? para.level() : "") + "\t" + (t.length() > 100 ? t.substring(0, 99) + "…" : t));
                }
            }
        }
        return Main.OK;
    }
}
