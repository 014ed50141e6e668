package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.formats.Format;
import org.diptych.model.Languages;
import org.diptych.model.Statement;
import org.diptych.project.Messages;
import org.diptych.project.Project;
import org.diptych.project.VersionReplace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diptych import}: reads a file with the matching Okapi filter and stores it as one language version of
 * a statement. On any error the project is left unchanged and one line says why.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import a file as a language version of a statement.",
        "Formats: Markdown posts with YAML or TOML front matter (.md, .markdown), plain text with blank lines"
                + " between paragraphs (.txt), one paragraph per line (--format lines), HTML (.html, .htm),"
                + " Word (.docx), XLIFF 1.2 (.xlf, .xliff).",
        "Encoding (UTF-8, UTF-16, windows-1251, KOI8-R, windows-1252) and language (ru, en, pt) are detected"
                + " and reported unless given."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", required = true, paramLabel = "ID",
            description = "Statement id, e.g. 2018-01-15-rcit (created if new).")
    String statementId;

    @Option(names = "--lang", paramLabel = "LL", description = "Language of the file (ru, en, pt, pt-BR…); default: detected.")
    String lang;

    @Option(names = "--encoding", paramLabel = "E",
            description = "Character set of a text file (UTF-8, windows-1251, KOI8-R…); default: detected.")
    String encoding;

    @Option(names = "--format", paramLabel = "F",
            description = "markdown, text, lines, html, docx or xliff; default: from the file extension.")
    String format;

    @Option(names = "--replace", description = "Replace the statement's existing version in this language; its stored"
            + " alignments are re-aligned at once around the confirmed beads whose paragraphs are unchanged.")
    boolean replace;

    @Option(names = "--force", description = "With --replace: replace even if confirmed beads lose their paragraphs"
            + " (the old version and alignment stay in backups/).")
    boolean force;

    @Option(names = "--undo-replace", description = "Undo the last --replace of the --lang version of the statement:"
            + " the previous version, original and alignments (with their review statuses) come back from backups/;"
            + " refused if one of them changed since. No FILE.")
    boolean undoReplace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The file to import (never modified).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // usage errors (exit 2) before anything is opened
        if (format != null && Format.byName(format) == null) {
            throw new ParameterException(spec.commandLine(), "unknown --format '" + Messages.printable(format)
                    + "' (use markdown, text, lines, html, docx or xliff)");
        }
        if (lang != null) {
            try {
                Languages.normalize(lang);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--lang: " + Messages.printable(e.getMessage()));
            }
        }
        if (force && !replace) throw new ParameterException(spec.commandLine(), "--force goes with --replace");
        if (undoReplace) return undoReplace(out);
        if (file == null) throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        ImportResult r;
        try (Project p = Project.open(projectDir, true)) {
            // a long file (an 850,000-paragraph text) says on stderr how far reading it got, once a second
            StderrProgress progress = new StderrProgress(spec.commandLine().getErr(), "reading " + file.getFileName());
            r = Importer.importInto(p, statementId, file, new ImportOptions(lang, encoding, format), replace, force, progress);
        }
        out.println("Imported " + file.getFileName() + " as the " + r.lang() + " version of " + statementId
                + ": " + r.version().paragraphs().size() + " paragraphs (" + r.version().format() + ")"
                + (r.version().title() == null ? "" : ", title \"" + Messages.printable(r.version().title()) + "\""));
        if (r.encoding() != null) out.println("  encoding: " + r.encoding() + " (" + r.encodingReason() + ")");
        out.println("  language: " + r.lang() + " (" + r.langReason() + ")");
        for (String w : r.warnings()) out.println("  " + (w.contains(": replaced the ") ? "" : "warning: ") + Messages.oneLine(w));
        return Main.OK;
    }

    private int undoReplace(PrintWriter out) {
        if (replace || encoding != null || format != null) {
            throw new ParameterException(spec.commandLine(), "--undo-replace takes no --replace, --encoding or --format");
        }
        if (file != null) throw new ParameterException(spec.commandLine(), "--undo-replace takes no FILE");
        if (lang == null) throw new ParameterException(spec.commandLine(), "--undo-replace needs --lang (the version replaced)");
        String l = Languages.normalize(lang);
        try {
            Statement.validateId(statementId);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(Messages.printable(e.getMessage()));
        }
        try (Project p = Project.open(projectDir, true)) {
            if (!p.versionLanguages(statementId).contains(l)) {
                throw new DiptychException(p.dir() + ": statement '" + statementId + "' has no " + l + " version");
            }
            VersionReplace.Undone u = VersionReplace.undo(p, statementId, l);
            if (u == null) {
                throw new DiptychException(p.dir() + ": the " + l + " version of " + statementId
                        + " was never replaced (or every replace is undone already); nothing was changed");
            }
            out.println("Undid the replace: " + u.summary());
        }
        return Main.OK;
    }
}
