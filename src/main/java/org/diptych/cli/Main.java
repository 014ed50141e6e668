package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.diptych.DiptychException;

import org.diptych.project.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code diptych} command line. Every subcommand is a thin face over the core; user errors
 * ({@link DiptychException}) print one line and exit 1, usage errors exit 2, {@code --debug} shows stack
 * traces.
 */
@Command(name = "diptych", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Diptych: import, align, translate and export statements in several languages.",
        subcommands = {
                NewCommand.class,
                ImportCommand.class,
                ImportSiteCommand.class,
                InfoCommand.class,
                AlignCommand.class,
                TmCommand.class,
                SiteCommand.class,
                ExportCommand.class,
                MetaCommand.class,
                ReplaceTextCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see 'diptych --help'.");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof DiptychException || t instanceof IllegalArgumentException
                    || t instanceof java.io.UncheckedIOException) {
                org.slf4j.LoggerFactory.getLogger(Main.class).info("diptych {} failed: {}", String.join(" ", args), t.getMessage());
                commandLine.getErr().println("diptych: " + Messages.oneLine(t.getMessage()));
            } else {
                org.slf4j.LoggerFactory.getLogger(Main.class).error("diptych {}: internal error", String.join(" ", args), t);
                commandLine.getErr().println("diptych: internal error: " + Messages.oneLine(String.valueOf(t))
                        + (debug ? "" : " (run with --debug for details)"));
            }
            if (debug) t.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("diptych: " + Messages.oneLine(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Diptych " + org.diptych.DiptychVersion.get()};
        }
    }
}
