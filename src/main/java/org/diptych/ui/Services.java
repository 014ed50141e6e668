package org.diptych.ui;

import java.util.Objects;

import org.diptych.DiptychException;
import org.diptych.align.Aligner;
import org.diptych.align.ProjectLexicon;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.project.Project;

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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Services.class);

    /** The services of this build (each call logged: what a bug report needs). */
    public static Services standard() {
        return new Services(
                new ImportService() {
                    @Override
                    public String importFile(Project project, String statementId, java.nio.file.Path file, String lang,
                                             boolean replace, org.diptych.Progress progress) {
                        return importFile(project, statementId, file, lang, replace, false, progress);
                    }

                    @Override
                    public String importFile(Project project, String statementId, java.nio.file.Path file, String lang,
                                             boolean replace, boolean force, org.diptych.Progress progress) {
                        long t0 = System.nanoTime();
                        String summary = Importer.importInto(project, statementId, file,
                                ImportOptions.DEFAULTS.withLang(lang), replace, force, progress).summary();
                        LOG.info("Imported {} into {} of {} in {} ms: {}", file, statementId, project.dir(),
                                (System.nanoTime() - t0) / 1_000_000, summary);
                        return summary;
                    }
                },
                (project, statementId, source, target, previous, progress) -> {
                    long t0 = System.nanoTime();
                    var a = new Aligner(ProjectLexicon.learn(project, source.lang(), target.lang()))
                            .align(statementId, source, target, previous, progress);
                    LOG.info("Aligned {} {}-{} ({} and {} paragraphs) in {} ms: {} beads", statementId, source.lang(),
                            target.lang(), source.paragraphs().size(), target.paragraphs().size(),
                            (System.nanoTime() - t0) / 1_000_000, a.beads().size());
                    return a;
                });
    }
}
