package org.diptych.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.diptych.project.Project;

/**
 * Where the user was in a project, restored when it is reopened; stored as {@code .diptych-ui.json} in
 * the project folder.
 *
 * @param statement  selected statement id, or null
 * @param sourceLang source language of the pair on the desk, or null
 * @param targetLang target language, or null
 * @param topBead    index of the first bead visible on the desk
 * @param cursor     index of the selected bead, or -1
 * @param filter     the desk's filter ({@code ALL}, {@code DOUBTFUL}, {@code UNREVIEWED})
 * @param tab        the tab shown: {@code review} or {@code paragraphs}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiState(String statement, String sourceLang, String targetLang, int topBead, int cursor,
                      String filter, String tab) {
    public static final String FILE = ".diptych-ui.json";
    public static final UiState EMPTY = new UiState(null, null, null, 0, -1, "ALL", "review");

    /** The stored state, or {@link #EMPTY} when there is none or it cannot be read (it is only a convenience). */
    public static UiState load(Path projectDir) {
        Path f = projectDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return EMPTY;
        try {
            return Project.json().readValue(f.toFile(), UiState.class);
        } catch (IOException e) {
            return EMPTY;
        }
    }

    public void save(Project p) {
        try {
            p.write(p.dir().resolve(FILE), Project.json().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new org.diptych.DiptychException(p.dir().resolve(FILE) + ": cannot save window state (" + e.getMessage() + ")", e);
        }
    }
}
