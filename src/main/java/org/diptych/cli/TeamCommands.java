package org.diptych.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.platform.Locations;
import org.diptych.project.Project;
import org.diptych.tm.TmStats;
import org.diptych.tm.TranslationMemory;
import org.diptych.tm.solr.SolrTeam;
import org.diptych.tm.solr.SolrTmBackend;
import org.diptych.tm.solr.TeamCredentials;
import org.diptych.tm.solr.TeamTm;
import org.diptych.tm.solr.TeamTmConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diptych tm solr-setup | connect | disconnect | team}: the team TM on SolrCloud. */
final class TeamCommands {
    private TeamCommands() {}

    /** The user's credentials file (in the app's config folder). */
    static TeamCredentials credentials() {
        return new TeamCredentials(Locations.user().config());
    }

    /** Reads a password: the whole first line of standard input with --password-stdin, else asked on the console. */
    static String password(String user, boolean fromStdin, String solrUrl) {
        if (user == null) return null;
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new DiptychException("--password-stdin: no password on standard input");
                return line;
            } catch (IOException e) {
                throw new DiptychException("--password-stdin: cannot read standard input (" + e.getMessage() + ")");
            }
        }
        String stored = credentials().password(solrUrl, user);
        if (stored != null) return stored;
        Console c = System.console();
        if (c == null) throw new DiptychException("no console to ask the password of " + user + "; give it with --password-stdin");
        char[] p = c.readPassword("Password of %s at %s: ", user, solrUrl);
        if (p == null) throw new DiptychException("no password given");
        return new String(p);
    }

    static final class Server {
        @Option(names = "--solr", required = true, paramLabel = "URL", description = "A Solr node of the team's SolrCloud (http://host:8983/solr).")
        String solr;

        @Option(names = "--collection", required = true, paramLabel = "NAME", description = "The team TM's collection.")
        String collection;

        @Option(names = "--user", paramLabel = "U", description = "Your user for Solr's basic authentication.")
        String user;

        @Option(names = "--password-stdin", description = "Read the password from standard input (else it is asked).")
        boolean passwordStdin;
    }

    @Command(name = "solr-setup", mixinStandardHelpOptions = true, description = {
            "Create a team TM collection in a SolrCloud: uploads Diptych's configset (schema with the per-language analyzers "
                    + "of the embedded TM) and creates the collection through Solr's Configsets and Collections APIs.",
            "A collection that is already a Diptych team TM is left as it is."})
    static final class SolrSetup implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Server server = new Server();

        @Option(names = "--shards", defaultValue = "2", paramLabel = "N", description = "Shards (default ${DEFAULT-VALUE}).")
        int shards;

        @Option(names = "--replicas", defaultValue = "1", paramLabel = "N", description = "Replicas of each shard (default ${DEFAULT-VALUE}).")
        int replicas;

        @Override
        public Integer call() {
            TeamTmConfig config = new TeamTmConfig(server.solr, server.collection, server.user);
            String pw = password(config.user(), server.passwordStdin, config.solrUrl());
            SolrTeam.SetupResult r = SolrTeam.setup(config, pw, shards, replicas);
            spec.commandLine().getOut().println(r == SolrTeam.SetupResult.CREATED
                    ? "Created the team TM " + config.describe() + " (" + shards + " shards, " + replicas + " replicas each)"
                    : "The team TM " + config.describe() + " is already set up; nothing changed");
            return Main.OK;
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true, description = {
            "Use a team TM in a project: lookups ask the local and the team TM, confirmed units are pushed to the team TM "
                    + "(queued while it cannot be reached).",
            "The project keeps the URL, collection and user (team.json); the password goes to your own credentials file "
                    + "(team-credentials.properties in the app's config folder, readable by you only)."})
    static final class Connect implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project folder.")
        Path project;

        @CommandLine.Mixin
        Server server = new Server();

        @Override
        public Integer call() {
            TeamTmConfig config = new TeamTmConfig(server.solr, server.collection, server.user);
            String pw = password(config.user(), server.passwordStdin, config.solrUrl());
            try (Project p = Project.open(project, true)) {
                try (SolrTmBackend team = SolrTmBackend.connect(config, pw)) {
                    TmStats s = team.stats();
                    if (config.user() != null) credentials().store(config.solrUrl(), config.user(), pw);
                    config.save(p.dir());
                    spec.commandLine().getOut().println("Connected " + p.dir() + " to the team TM " + config.describe()
                            + " (" + s.units() + " units)" + (config.user() == null ? "" : " as " + config.user()
                            + "; password saved in " + credentials().file()));
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true, description = "Stop using the project's team TM (the local TM and the team TM stay as they are).")
    static final class Disconnect implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project folder.")
        Path project;

        @Override
        public Integer call() {
            try (Project p = Project.open(project, true)) {
                boolean had = TeamTmConfig.remove(p.dir());
                spec.commandLine().getOut().println(had ? "The project no longer uses a team TM" : "The project uses no team TM");
            }
            return Main.OK;
        }
    }

    @Command(name = "team", mixinStandardHelpOptions = true, description = "Show the project's team TM (reachable, units, per member) "
            + "and push the confirmed units still queued.")
    static final class Team implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project folder.")
        Path project;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Project p = Project.open(project, true); TranslationMemory local = TranslationMemory.open(p.tmDir())) {
                TeamTm team = TeamTm.forProject(p.dir(), local, Locations.user().config());
                if (team == null) throw new DiptychException(p.dir() + ": the project uses no team TM (see 'diptych tm connect')");
                try (team) {
                    int sent = team.push(true);
                    out.println("Team TM: " + team.config().describe() + (team.config().user() == null ? "" : " as " + team.config().user()));
                    if (team.problem() != null) {
                        out.println("Not reachable: " + team.problem());
                        out.println("Waiting to be pushed: " + team.waiting() + " units");
                        return Main.FAILURE;
                    }
                    out.println("Pushed now: " + sent + " units; still waiting: " + team.waiting());
                    try (SolrTmBackend t = SolrTmBackend.connect(team.config(),
                            team.config().user() == null ? null : credentials().password(team.config().solrUrl(), team.config().user()))) {
                        out.println("Units in the team TM: " + t.stats().units());
                        for (Map.Entry<String, Long> e : t.members().entrySet()) out.println("  " + e.getKey() + "\t" + e.getValue());
                    }
                }
            }
            return Main.OK;
        }
    }
}
