package org.diptych.ui;

import java.util.Objects;

import org.diptych.DiptychException;
import org.diptych.align.Aligner;
import org.diptych.align.ProjectLexicon;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;

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
                (project, statementId, file, lang, replace, progress) -> Importer.importInto(project, statementId,
                        file, ImportOptions.DEFAULTS.withLang(lang), replace).summary(),
                (project, statementId, source, target, previous, progress) ->
                        new Aligner(ProjectLexicon.learn(project, source.lang(), target.lang()))
                                .align(statementId, source, target, previous, progress));
    }
}
