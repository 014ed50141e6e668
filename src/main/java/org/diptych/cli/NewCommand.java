package org.diptych.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.diptych.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", description = "Create a new, empty project folder.")
final class NewCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to create (must not exist or be empty).")
    Path dir;

    @Option(names = "--name", description = "Project name (default: the folder name).")
    String name;

    @Option(names = "--languages", split = ",", defaultValue = "ru,en,pt",
            description = "Project languages, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> languages;

    @Override
    public Integer call() {
        try (Project p = Project.create(dir, name, languages)) {
            spec.commandLine().getOut().println("Created project '" + p.manifest().name() + "' in " + dir
                    + " (languages: " + String.join(", ", p.manifest().languages()) + ")");
        }
        return Main.OK;
    }
}
