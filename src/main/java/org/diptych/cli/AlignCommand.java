package org.diptych.cli;

import java.util.concurrent.Callable;

import org.diptych.DiptychException;

import picocli.CommandLine.Command;

/** Placeholder until its capability lands; says so instead of pretending. */
@Command(name = "align", description = "Align two language versions of a statement. (not available yet)")
final class AlignCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new DiptychException("'align' is not available yet in this build");
    }
}
