package org.diptych.cli;

import java.util.concurrent.Callable;

import org.diptych.DiptychException;

import picocli.CommandLine.Command;

/** Placeholder until its capability lands; says so instead of pretending. */
@Command(name = "export", description = "Export paired posts with reciprocal links and bilingual bundles. (not available yet)")
final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new DiptychException("'export' is not available yet in this build");
    }
}
