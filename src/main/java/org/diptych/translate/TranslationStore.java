package org.diptych.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

import org.diptych.DiptychException;
import org.diptych.project.Project;

/**
 * The desk's translation records of a language pair, kept beside the alignment as
 * {@code statements/<id>/translate.<src>-<tgt>.json}: a JSON object from target paragraph id to
 * {@link TranslationRecord}. Written through {@link Project#write} (atomic, with a backup).
 */
public final class TranslationStore {
    private TranslationStore() {}

    public static Path file(Project p, String statementId, String sourceLang, String targetLang) {
        return p.statementDir(statementId).resolve("translate." + sourceLang + "-" + targetLang + ".json");
    }

    /** The records of a pair; empty if it has none. */
    public static Map<String, TranslationRecord> load(Project p, String statementId, String sourceLang,
                                                      String targetLang) {
        Path f = file(p, statementId, sourceLang, targetLang);
        if (!Files.isRegularFile(f)) return Map.of();
        try {
            return Project.json().readValue(f.toFile(), new TypeReference<TreeMap<String, TranslationRecord>>() {});
        } catch (IOException e) {
            throw new DiptychException(f + ": damaged translation records ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    public static void save(Project p, String statementId, String sourceLang, String targetLang,
                            Map<String, TranslationRecord> records) {
        Path f = file(p, statementId, sourceLang, targetLang);
        try {
            p.write(f, Project.json().writeValueAsBytes(new TreeMap<>(records)));
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot save translation records (" + e.getMessage() + ")", e);
        }
    }
}
