package org.diptych.ui;

import java.nio.file.Path;

import org.diptych.Progress;
import org.diptych.project.Project;

/**
 * How the window imports a file into a statement: the seam to the importer, which the application wires
 * in {@link Services#standard()} (tests inject fakes). Runs on a background thread.
 */
@FunctionalInterface
public interface ImportService {
    /**
     * Imports {@code file} as a version of {@code statementId} (created if new) into the open project.
     *
     * @param lang     the language, or {@code null} to detect it
     * @param replace  whether an existing version of that language may be replaced
     * @return a one-line report for the status bar (e.g. detected language and encoding)
     * @throws org.diptych.DiptychException for a file that cannot be imported (one-line message)
     */
    String importFile(Project project, String statementId, Path file, String lang, boolean replace, Progress progress);

    /**
     * As above; with {@code force} a replace goes ahead although confirmed beads lose their paragraphs (the
     * user was asked). Without it such a replace throws {@link org.diptych.project.VersionReplace.ReviewWouldBeLost}.
     */
    default String importFile(Project project, String statementId, Path file, String lang, boolean replace, boolean force,
                              Progress progress) {
        return importFile(project, statementId, file, lang, replace, progress);
    }
}
