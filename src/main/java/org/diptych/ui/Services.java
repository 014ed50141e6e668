package org.diptych.ui;

import java.util.Objects;

import org.diptych.DiptychException;

/**
 * The core services the window calls that live outside the user interface. {@link #standard()} is the
 * one place where the application wires the real implementations.
 *
 * @param importer  imports files into statements
 * @param realigner aligns two versions of a statement
 */
public record Services(ImportService importer, Realigner realigner) {
    public Services {
        Objects.requireNonNull(importer);
        Objects.requireNonNull(realigner);
    }

    /** The services of this build. */
    public static Services standard() {
        return new Services(
                (project, statementId, file, lang, replace, progress) -> {
                    throw new DiptychException(file + ": import is not available in this build");
                },
                (statementId, source, target, previous, progress) -> {
                    throw new DiptychException(statementId + ": alignment is not available in this build");
                });
    }
}
