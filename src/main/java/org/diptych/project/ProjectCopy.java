package org.diptych.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.diptych.DiptychException;

/**
 * Copies a project folder, e.g. the bundled sample project into the user's own folder, so that working on
 * it never changes the copy that ships with Diptych. The lock file and backups are not copied.
 */
public final class ProjectCopy {
    private ProjectCopy() {}

    /**
     * Returns {@code target}, first copying {@code source} there if {@code target} holds no project yet. An
     * existing project at {@code target} (the user's earlier work on the sample) is kept as it is.
     */
    public static Path installIfAbsent(Path source, Path target) {
        if (Files.isRegularFile(target.resolve(Project.MANIFEST))) {
            return target;
        }
        Project.readManifest(source); // refuses a damaged or newer source with the usual one-line error
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        try {
            deleteTree(tmp);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path rel = source.relativize(f);
                    if (rel.startsWith(Project.BACKUPS) || rel.toString().equals(ProjectLock.FILE)) continue;
                    Path dst = tmp.resolve(rel.toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(f, dst);
                    }
                }
            }
            Files.createDirectories(target.getParent());
            Files.move(tmp, target); // fails if target exists but is not a project: we never overwrite it
            return target;
        } catch (IOException e) {
            throw new DiptychException(target + ": cannot copy project from " + source + " (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
