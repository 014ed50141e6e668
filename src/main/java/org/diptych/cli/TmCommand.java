package org.diptych.cli;

import java.util.concurrent.Callable;

import org.diptych.DiptychException;

import picocli.CommandLine.Command;

/** Placeholder until its capability lands; says so instead of pretending. */
@Command(name = "tm", description = "Translation memory: import, export, lookup, concordance. (not available yet)")
final class TmCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new DiptychException("'tm' is not available yet in this build");
    }
}
