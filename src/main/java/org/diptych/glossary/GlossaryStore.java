package org.diptych.glossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.DiptychException;
import org.diptych.project.Project;

/**
 * The project's glossary, kept as {@code glossary.json} in the project folder (a JSON object with the
 * list of entries), written through {@link Project#write}.
 */
public final class GlossaryStore {
    public static final String FILE = "glossary.json";

    private GlossaryStore() {}

    public static Path file(Project p) {
        return p.dir().resolve(FILE);
    }

    /** The project's glossary; empty if it has none. */
    public static Glossary load(Project p) {
        Path f = file(p);
        if (!Files.isRegularFile(f)) return Glossary.EMPTY;
        try {
            return Project.json().readValue(f.toFile(), Glossary.class);
        } catch (IOException e) {
            throw new DiptychException(f + ": damaged glossary ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    public static void save(Project p, Glossary g) {
        Path f = file(p);
        try {
            p.write(f, Project.json().writeValueAsBytes(g));
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot save glossary (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Imports a glossary file (see {@link GlossaryReader}) into the project's glossary.
     *
     * @return what the file gave (its entries, before merging) and its warnings
     */
    public static GlossaryReader.Result importFile(Project p, Path file) {
        GlossaryReader.Result r = GlossaryReader.read(file);
        save(p, load(p).merge(r.glossary()));
        return r;
    }
}
