package org.diptych.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.project.Project;

/**
 * What the window opens when it starts: the project given as argument (or the sample asked for with
 * {@code --sample DIR}); else the most recent project that
 * still exists; else, on the very first start only, the bundled sample; else nothing (the welcome page).
 *
 * @param kind    what to open
 * @param project the folder for {@link Kind#PROJECT}, the bundled sample for {@link Kind#SAMPLE}, else null
 */
public record StartChoice(Kind kind, Path project) {
    public enum Kind { PROJECT, SAMPLE, WELCOME }

    /**
     * @param args       the program's arguments ({@code [folder]} or {@code --sample DIR})
     * @param recent     recent projects, most recent first
     * @param firstStart whether Diptych never started before for this user
     * @param sample     the bundled sample project, or null if this build has none
     */
    public static StartChoice decide(List<String> args, List<Path> recent, boolean firstStart, Path sample) {
        if (args.size() == 2 && args.get(0).equals("--sample")) {
            // mvn javafx:run asks for the checkout's sample explicitly
            return new StartChoice(Kind.SAMPLE, Path.of(args.get(1)));
        }
        if (!args.isEmpty()) return new StartChoice(Kind.PROJECT, Path.of(args.get(0)));
        for (Path p : recent) {
            if (Files.isRegularFile(p.resolve(Project.MANIFEST))) return new StartChoice(Kind.PROJECT, p);
        }
        if (firstStart && sample != null && Files.isRegularFile(sample.resolve(Project.MANIFEST))) {
            return new StartChoice(Kind.SAMPLE, sample);
        }
        return new StartChoice(Kind.WELCOME, null);
    }
}
