package org.diptych.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;
import org.diptych.align.Lexicon;
import org.diptych.align.ProjectLexicon;
import org.diptych.align.SentenceAligner;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.tm.TmFeeder;
import org.diptych.tm.TranslationMemory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diptych align}: paragraph alignment of two versions of a statement in a project, or of two plain
 * text files with one paragraph per line ({@code --lines}).
 */
@Command(name = "align", description = {
        "Align two language versions paragraph by paragraph, with a confidence for every bead.",
        "  diptych align --project DIR --statement ID --source-lang LL --target-lang LL",
        "  diptych align --lines --source-lang LL --target-lang LL SRC.txt TGT.txt",
        "With --lines, prints one bead per line: source indices, a tab, target indices, a tab, the confidence "
                + "(indices 0-based and comma-separated, a side empty for a line without counterpart)."})
final class AlignCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--statement", paramLabel = "ID", description = "Statement to align.")
    String statementId;

    @Option(names = "--source-lang", required = true, paramLabel = "LL", description = "Source language (ru, en, pt, pt-BR …).")
    String sourceLang;

    @Option(names = "--target-lang", required = true, paramLabel = "LL", description = "Target language.")
    String targetLang;

    @Option(names = "--realign", description = "Re-align an existing alignment; beads a reviewer confirmed are kept.")
    boolean realign;

    @Option(names = "--no-tm", description = "Do not write the alignment into the project's translation memory.")
    boolean noTm;

    @Option(names = "--lines", description = "Align two text files, one paragraph per line, and print the beads.")
    boolean lines;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "With --lines: the source and the target file.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String src = language(sourceLang), tgt = language(targetLang);
        if (lines) {
            if (files.size() != 2 || projectDir != null || statementId != null || realign) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--lines takes exactly two files (SRC.txt TGT.txt) and no --project, --statement or --realign");
            }
            return alignLines(src, tgt);
        }
        if (projectDir == null || statementId == null || !files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --project DIR and --statement ID (or --lines SRC.txt TGT.txt)");
        }
        if (src.equals(tgt)) throw new DiptychException("source and target language are both '" + src + "'");
        return alignProject(src, tgt);
    }

    private static String language(String code) {
        try {
            return Languages.normalize(code);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
    }

    private int alignLines(String src, String tgt) {
        List<Paragraph> a = readLines(files.get(0)), b = readLines(files.get(1));
        List<AlignedBead> beads = new Aligner().alignUnits(a, src, b, tgt, Progress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder();
        for (AlignedBead bead : beads) {
            indices(sb, bead.sourceStart(), bead.sourceEnd());
            sb.append('\t');
            indices(sb, bead.targetStart(), bead.targetEnd());
            sb.append('\t').append(String.format(Locale.ROOT, "%.3f", bead.confidence())).append('\n');
        }
        out.print(sb);
        out.flush();
        return Main.OK;
    }

    private static void indices(StringBuilder sb, int from, int to) {
        for (int k = from; k < to; k++) {
            if (k > from) sb.append(',');
            sb.append(k);
        }
    }

    /** The lines of a UTF-8 text file as plain paragraphs (markdown in a line is read as structure). */
    static List<Paragraph> readLines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DiptychException(file + ": no such file");
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        for (byte x : bytes) {
            if (x == 0) throw new DiptychException(file + ": binary file, not text");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DiptychException(file + ": not UTF-8 text (convert it to UTF-8 first)");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Paragraph> ps = new ArrayList<>();
        if (text.isEmpty()) return ps;
        String[] ls = text.split("\n", -1);
        int count = text.endsWith("\n") ? ls.length - 1 : ls.length;
        for (int k = 0; k < count; k++) {
            String line = ls[k].endsWith("\r") ? ls[k].substring(0, ls[k].length() - 1) : ls[k];
            ps.add(Paragraph.plain("p" + (k + 1), line));
        }
        return ps;
    }

    private int alignProject(String src, String tgt) {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.open(projectDir, true)) {
            if (!p.statementIds().contains(statementId)) {
                throw new DiptychException(projectDir + ": no statement '" + statementId + "'");
            }
            DocumentVersion a = p.loadVersion(statementId, src).orElseThrow(() -> new DiptychException(
                    projectDir + ": statement '" + statementId + "' has no '" + src + "' version"));
            DocumentVersion b = p.loadVersion(statementId, tgt).orElseThrow(() -> new DiptychException(
                    projectDir + ": statement '" + statementId + "' has no '" + tgt + "' version"));
            Alignment previous = p.loadAlignment(statementId, src, tgt).orElse(null);
            if (previous != null && !realign) {
                long confirmed = previous.beads().stream().filter(Bead::isConfirmed).count();
                out.println("Alignment " + src + "-" + tgt + " of " + statementId + " exists (" + previous.beads().size()
                        + " beads, " + confirmed + " confirmed); kept it. Use --realign to align again (confirmed beads stay).");
                // feeding is resumable: an align killed after saving but before feeding is completed here (the
                // feed is idempotent, units already in the TM count as unchanged)
                if (!noTm && consistent(previous, a, b)) feed(p, out, a, b, previous, ProjectLexicon.learn(p, src, tgt), "");
                return Main.OK;
            }
            Lexicon lexicon = ProjectLexicon.learn(p, src, tgt);
            Alignment result = new Aligner(lexicon).align(statementId, a, b, previous, Progress.NONE);
            result.validate(a, b);
            p.saveAlignment(result);
            out.println(summary(result, p.alignmentFile(statementId, src, tgt)));
            // the feed pairs sentences with the lexicon learned from the project as saved (this alignment in it),
            // as a resumed feed after a kill does, so both give the TM the same units
            if (!noTm) feed(p, out, a, b, result, ProjectLexicon.learn(p, src, tgt), "");
            ProjectLexicon.store(p, src, tgt); // the stored word model learns this statement's beads
        }
        return Main.OK;
    }

    private static boolean consistent(Alignment al, DocumentVersion a, DocumentVersion b) {
        try {
            al.validate(a, b);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** As the desk does: confirmed beads as approved units, the others as drafts, with sentence pairs. */
    private void feed(Project p, PrintWriter out, DocumentVersion a, DocumentVersion b, Alignment al, Lexicon lexicon, String unused) {
        try (TranslationMemory tm = TranslationMemory.open(p.tmDir());
             // the project's team TM, if it names one: the approved units written are queued and pushed to it
             org.diptych.tm.solr.TeamTm team = org.diptych.tm.solr.TeamTm.forProject(p.dir(), tm,
                     org.diptych.platform.Locations.user().config())) {
            TmFeeder.FeedReport r = new TmFeeder(tm, new SentenceAligner(lexicon).pairer(), true)
                    .feed(statementId, a, b, al, null);
            out.println("Translation memory: " + r.approved() + " approved and " + r.draft()
                    + " draft units written, " + r.deleted() + " removed, " + r.unchanged() + " unchanged.");
            if (team != null) out.println(team.summary());
        } catch (DiptychException e) {
            throw new DiptychException(e.getMessage() + " (the alignment was saved; the translation memory may hold"
                    + " none or part of it: run 'diptych align' again, without --realign, to complete the feed)", e);
        }
    }

    static String summary(Alignment a, Path file) {
        Map<String, Integer> types = new TreeMap<>();
        int doubtful = 0, confirmed = 0;
        for (Bead b : a.beads()) {
            types.merge(b.type(), 1, Integer::sum);
            if (b.isConfirmed()) confirmed++;
            else if (b.edited() || b.confidence() < 0.5) doubtful++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Aligned ").append(a.statementId()).append(' ').append(a.sourceLang()).append('-').append(a.targetLang())
                .append(": ").append(a.beads().size()).append(" beads (");
        boolean first = true;
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            if (!first) sb.append(", ");
            sb.append(e.getValue()).append(" × ").append(e.getKey());
            first = false;
        }
        sb.append("), ").append(confirmed).append(" confirmed kept, ").append(doubtful)
                .append(" below 0.5 confidence to review first; saved ").append(file);
        return sb.toString();
    }
}
