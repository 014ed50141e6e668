package org.diptych.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;
import org.diptych.project.Project;

/**
 * Loads and stores what the review desk edits, through the project store: the alignment
 * ({@code align.<src>-<tgt>.json}), the two parsed versions ({@code version.json}) and their edit logs
 * ({@code statements/<id>/<lang>/edits.json}, a JSON array of {@link TextEdit}).
 */
public final class ReviewStore {
    public static final String EDITS_FILE = "edits.json";

    private ReviewStore() {}

    /**
     * The review state of a pair, or empty if the pair has no alignment yet.
     *
     * @throws DiptychException if a version is missing or the stored alignment does not match the versions
     */
    public static Optional<ReviewState> load(Project p, String statementId, String sourceLang, String targetLang) {
        DocumentVersion s = version(p, statementId, sourceLang);
        DocumentVersion t = version(p, statementId, targetLang);
        Optional<Alignment> a = p.loadAlignment(statementId, sourceLang, targetLang);
        if (a.isEmpty()) return Optional.empty();
        try {
            a.get().validate(s, t);
        } catch (IllegalStateException e) {
            throw new DiptychException(p.alignmentFile(statementId, sourceLang, targetLang)
                    + ": does not match the versions (" + e.getMessage() + "); re-align the pair");
        }
        return Optional.of(new ReviewState(a.get(), s, t, loadEdits(p, statementId, sourceLang),
                loadEdits(p, statementId, targetLang)));
    }

    /** A stored version, or a one-line error naming it. */
    public static DocumentVersion version(Project p, String statementId, String lang) {
        return p.loadVersion(statementId, lang).orElseThrow(() -> new DiptychException(
                p.versionDir(statementId, lang) + ": statement " + statementId + " has no " + lang + " version"));
    }

    public static Path editsFile(Project p, String statementId, String lang) {
        return p.versionDir(statementId, lang).resolve(EDITS_FILE);
    }

    /** The edit log of a version; empty if it has none. */
    public static List<TextEdit> loadEdits(Project p, String statementId, String lang) {
        Path f = editsFile(p, statementId, lang);
        if (!Files.isRegularFile(f)) return List.of();
        try {
            return Project.json().readValue(f.toFile(), new TypeReference<List<TextEdit>>() {});
        } catch (IOException e) {
            throw new DiptychException(f + ": damaged edit log (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    public static void saveEdits(Project p, String statementId, String lang, List<TextEdit> edits) {
        Path f = editsFile(p, statementId, lang);
        try {
            p.write(f, Project.json().writeValueAsBytes(edits));
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot save edit log (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Saves every change of an editor through {@code autosaver}: the alignment after each step, a version
     * and its edit log when a step changed them. Writes are keyed by file, so a burst of steps coalesces.
     */
    public static void autosave(AlignmentEditor editor, Project p, Autosaver autosaver) {
        editor.addListener((before, after, op) -> {
            Alignment a = after.alignment();
            autosaver.schedule("align:" + p.alignmentFile(a.statementId(), a.sourceLang(), a.targetLang()),
                    () -> p.saveAlignment(a));
            for (Side side : Side.values()) {
                DocumentVersion v = after.version(side);
                if (v != before.version(side)) {
                    String id = a.statementId();
                    List<TextEdit> log = after.edits(side);
                    autosaver.schedule("version:" + id + "/" + v.lang(), () -> p.saveVersion(id, v, null));
                    autosaver.schedule("edits:" + id + "/" + v.lang(), () -> saveEdits(p, id, v.lang(), log));
                }
            }
        });
    }
}
