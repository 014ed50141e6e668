package org.diptych.cli;

import java.util.concurrent.Callable;

import org.diptych.DiptychException;

import picocli.CommandLine.Command;

/** Placeholder until its capability lands; says so instead of pretending. */
@Command(name = "import", description = "Import a file as a language version of a statement. (not available yet)")
final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new DiptychException("'import' is not available yet in this build");
    }
}
