package org.diptych.cli;

import java.util.concurrent.Callable;

import org.diptych.DiptychException;

import picocli.CommandLine.Command;

/** Placeholder until its capability lands; says so instead of pretending. */
@Command(name = "site", description = "Set where a language's posts are published. (not available yet)")
final class SiteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new DiptychException("'site' is not available yet in this build");
    }
}
