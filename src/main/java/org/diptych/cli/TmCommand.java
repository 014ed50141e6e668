package org.diptych.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.project.Project;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.ImportReport;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmStats;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diptych tm …}: the translation memory from the command line. */
@Command(name = "tm", mixinStandardHelpOptions = true, description = "Translation memory: import and export TMX, statistics, concordance, lookup.",
        subcommands = {TmCommand.Import.class, TmCommand.Export.class, TmCommand.Stats.class,
                TmCommand.Concordance.class, TmCommand.Lookup.class, TmCommand.Compact.class, TmCommand.Repair.class,
                TeamCommands.SolrSetup.class, TeamCommands.Connect.class, TeamCommands.Disconnect.class, TeamCommands.Team.class})
final class TmCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: import, export, stats, concordance, lookup, compact, repair, solr-setup, connect, disconnect or team; see 'diptych tm --help'.");
    }

    /** Which TM: a standalone folder or a project's. */
    static final class Where {
        @Option(names = "--tm", paramLabel = "DIR", description = "A translation memory folder.")
        Path tm;

        @Option(names = "--project", paramLabel = "DIR", description = "A project folder (its TM is DIR/tm).")
        Path project;
    }

    /** Opens the TM named on the command line; closes the project lock with it. */
    static final class Opened implements AutoCloseable {
        final TranslationMemory tm;
        private final Project project;
        /** The project's local and team TM, when it names a team TM (lookups and concordance ask both). */
        org.diptych.tm.solr.TeamTm team;

        private Opened(TranslationMemory tm, Project project) {
            this.tm = tm;
            this.project = project;
        }

        /** Opens the named TM with the project's team TM, if it has one. */
        static Opened withTeam(Where w, boolean write) {
            Opened o = open(w, write, false);
            if (o.project != null) {
                try {
                    o.team = org.diptych.tm.solr.TeamTm.forProject(o.project.dir(), o.tm,
                            org.diptych.platform.Locations.user().config());
                } catch (RuntimeException e) {
                    o.close();
                    throw e;
                }
            }
            return o;
        }

        /** What lookups and concordance ask: the team and the local TM, or the local TM. */
        org.diptych.tm.TmBackend search() {
            return team != null ? team : tm;
        }

        /** Where a unit comes from, as the last column of a lookup line: local, or team:MEMBER. */
        String origin(org.diptych.tm.TmUnit u) {
            if (team == null) return null;
            if (team.originOf(u) == org.diptych.tm.solr.TeamTm.Origin.LOCAL) return "local";
            String m = org.diptych.tm.solr.SolrTmBackend.member(u);
            return "team" + (m == null ? "" : ":" + m);
        }

        static Opened open(Where w, boolean write, boolean create) {
            Project p = null;
            Path dir;
            if (w.project != null) {
                p = Project.open(w.project, write);
                dir = p.tmDir();
            } else {
                dir = w.tm;
                if (!create && !TranslationMemory.exists(dir)) {
                    throw new DiptychException(dir + ": no translation memory here (create one with 'diptych tm import --tm "
                            + dir + " FILE.tmx')");
                }
            }
            try {
                return new Opened(TranslationMemory.open(dir), p);
            } catch (RuntimeException e) {
                if (p != null) p.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                if (team != null) {
                    team.push();
                    team.close();
                }
                tm.close();
            } finally {
                if (project != null) project.close();
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a TMX file (1.1–1.4b) into the TM. Malformed units are skipped "
            + "with line-numbered warnings; a file that is not TMX changes nothing.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Parameters(paramLabel = "FILE.tmx", description = "The TMX file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) throw new DiptychException(file + ": no such file");
            try (Opened o = Opened.open(where, true, true)) {
                ImportReport r = o.tm.importTmx(file, Progress.NONE);
                for (String w : r.warnings()) err.println("warning: " + w);
                if (r.warningCount() > r.warnings().size()) {
                    err.println("warning: … and " + (r.warningCount() - r.warnings().size()) + " more warnings");
                }
                out.println("Imported " + r.added() + " units from " + file + " (" + r.duplicates()
                        + " already in the TM, " + r.skipped() + " skipped as malformed, " + r.warningCount() + " warnings)");
            }
            return Main.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the TM as TMX 1.4b.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Parameters(paramLabel = "OUT.tmx", description = "The file to write (replaced if it exists).")
        Path out;

        @Option(names = "--approved-only", description = "Leave draft (unconfirmed) units out.")
        boolean approvedOnly;

        @Override
        public Integer call() {
            try (Opened o = Opened.open(where, false, false)) {
                long n = o.tm.exportTmx(out, approvedOnly);
                spec.commandLine().getOut().println("Exported " + n + " units to " + out);
            }
            return Main.OK;
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true, description = "Fold the segments of imports and the "
            + "journal into one new record (memory.tmx); done automatically after " + 32 + " imports.")
    static final class Compact implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Override
        public Integer call() {
            try (Opened o = Opened.open(where, true, false)) {
                o.tm.compact();
                spec.commandLine().getOut().println("Rewrote " + o.tm.dir().resolve(TranslationMemory.RECORD) + " ("
                        + o.tm.stats().units() + " units, generation " + o.tm.stats().generation() + ")");
            }
            return Main.OK;
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true, description = "Write the record (memory.tmx) again from "
            + "the index after it was damaged (cut short, changed by hand); the damaged files are kept as *.damaged.")
    static final class Repair implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Override
        public Integer call() {
            Project p = where.project != null ? Project.open(where.project, true) : null;
            try {
                Path dir = p != null ? p.tmDir() : where.tm;
                if (!TranslationMemory.exists(dir)) throw new DiptychException(dir + ": no translation memory here");
                long n = TranslationMemory.repair(dir);
                spec.commandLine().getOut().println("Wrote " + dir.resolve(TranslationMemory.RECORD) + " again from the index ("
                        + n + " units)");
            } finally {
                if (p != null) p.close();
            }
            return Main.OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Show the size and content of the TM.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Opened o = Opened.open(where, false, false)) {
                TmStats s = o.tm.stats();
                out.println("Units: " + s.units() + " (approved " + s.approved() + ", draft " + s.draft() + ")");
                StringBuilder langs = new StringBuilder();
                for (Map.Entry<String, Long> e : s.perLanguage().entrySet()) {
                    if (langs.length() > 0) langs.append(", ");
                    langs.append(e.getKey()).append(' ').append(e.getValue());
                }
                out.println("Languages: " + (langs.length() == 0 ? "none" : langs));
                out.println("Record: " + o.tm.dir().resolve(TranslationMemory.RECORD) + ", " + s.recordBytes()
                        + " bytes with the segments of imports (generation " + s.generation() + ", " + s.journalOps()
                        + " changes in the journal)");
                out.println("Index: " + s.indexBytes() + " bytes");
            }
            return Main.OK;
        }
    }

    @Command(name = "concordance", mixinStandardHelpOptions = true, description = "Find a word or phrase in the TM (stemmed: 'право' finds 'права'); "
            + "prints id TAB text with hits in [brackets] TAB the other languages.")
    static final class Concordance implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Option(names = "--lang", required = true, paramLabel = "LL", description = "Language of TEXT (ru, en, pt).")
        String lang;

        @Option(names = "--max", defaultValue = "20", paramLabel = "N", description = "At most N hits (default ${DEFAULT-VALUE}).")
        int max;

        @Parameters(paramLabel = "TEXT", description = "Word or phrase.")
        String text;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Opened o = Opened.withTeam(where, false)) {
                List<ConcordanceHit> hits = o.search().concordance(text, lang, Math.max(1, max));
                for (ConcordanceHit h : hits) {
                    StringBuilder others = new StringBuilder();
                    for (TmVariant v : h.unit().variants()) {
                        if (v == h.variant()) continue;
                        if (others.length() > 0) others.append(" | ");
                        others.append(v.lang()).append(": ").append(oneLine(v.text()));
                    }
                    String id = h.unit().tuid() != null ? h.unit().tuid() : h.unit().id();
                    String origin = o.origin(h.unit());
                    out.println(id + "\t" + oneLine(h.marked("[", "]")) + "\t" + others + (origin == null ? "" : "\t" + origin));
                }
                if (hits.isEmpty()) spec.commandLine().getErr().println("no unit contains '" + text + "'");
            }
            return Main.OK;
        }
    }

    @Command(name = "lookup", mixinStandardHelpOptions = true, description = {
            "Find translations of TEXT, or of each line of a file, in the TM.",
            "With TEXT: one line per match, best first: score TAB kind TAB tuid TAB source TAB target TAB what differs.",
            "With --queries FILE (UTF-8, one query per line): one line per query line N, numbered from 1:",
            "N TAB score TAB tuid TAB match source TAB match target for the best match at or above --min-score, or "
                    + "N followed by four empty fields when there is none. tuid is empty for units without one."})
    static final class Lookup implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Option(names = "--source-lang", required = true, paramLabel = "LL", description = "Language of the queries.")
        String sourceLang;

        @Option(names = "--target-lang", required = true, paramLabel = "LL", description = "Language wanted.")
        String targetLang;

        @Option(names = "--min-score", defaultValue = "60", paramLabel = "N",
                description = "Lowest score shown (default ${DEFAULT-VALUE}).")
        int minScore;

        @Option(names = "--max", defaultValue = "5", paramLabel = "N",
                description = "Most matches shown for TEXT (default ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--previous", paramLabel = "TEXT",
                description = "The paragraph before TEXT, for in-context (101) matches.")
        String previous;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Parameters(paramLabel = "TEXT", description = "The text to look up.")
            String text;

            @Option(names = "--queries", paramLabel = "FILE", description = "Look up every line of FILE.")
            Path queries;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (max < 1) throw new DiptychException("--max must be at least 1");
            try (Opened o = Opened.withTeam(where, false)) {
                if (input.queries == null) {
                    List<TmMatch> ms = o.search().lookup(new TmQuery(input.text, null, sourceLang, targetLang, previous, minScore, max));
                    for (TmMatch m : ms) {
                        out.println(m.score() + "\t" + m.kind().name().toLowerCase() + "\t" + nz(m.unit().tuid()) + "\t"
                                + oneLine(m.source().text()) + "\t" + oneLine(m.target().text()) + "\t" + m.description()
                                + (o.team == null ? "" : "\t" + o.origin(m.unit())));
                    }
                    if (ms.isEmpty()) spec.commandLine().getErr().println("no match at or above " + minScore);
                    return Main.OK;
                }
                if (!Files.isRegularFile(input.queries)) throw new DiptychException(input.queries + ": no such file");
                try (BufferedReader r = Files.newBufferedReader(input.queries, StandardCharsets.UTF_8)) {
                    String line;
                    int n = 0;
                    while ((line = r.readLine()) != null) {
                        n++;
                        if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                        List<TmMatch> ms = line.isBlank() ? List.of()
                                : o.search().lookup(new TmQuery(line, null, sourceLang, targetLang, null, minScore, 1));
                        if (ms.isEmpty()) {
                            out.println(n + "\t\t\t\t");
                        } else {
                            TmMatch m = ms.get(0);
                            out.println(n + "\t" + m.score() + "\t" + nz(m.unit().tuid()) + "\t" + oneLine(m.source().text())
                                    + "\t" + oneLine(m.target().text()));
                        }
                    }
                } catch (java.nio.charset.MalformedInputException e) {
                    throw new DiptychException(input.queries + ": not UTF-8 text");
                }
            }
            return Main.OK;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Tabs and line breaks become spaces so that a value stays in its column. */
    static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
