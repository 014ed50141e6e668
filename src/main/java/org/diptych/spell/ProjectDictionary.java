package org.diptych.spell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.diptych.DiptychException;
import org.diptych.project.Project;
import org.diptych.project.SafePaths;

/**
 * The words a project's team added to the spelling dictionary of one language, kept in the project folder as
 * {@code dictionary.<lang>.txt}: plain UTF-8, one word a line, sorted, written atomically (the previous file
 * under {@code backups/}). A word written in lower case also accepts its capitalised and upper-case forms
 * ("профсоюз" accepts "Профсоюз"); a word with capitals is accepted only as written ("Diptych").
 * Thread-safe: the editor's background checks read it while the FX thread adds to it.
 */
public final class ProjectDictionary {
    private final Path file;
    private final Project project;
    private final Set<String> words = new TreeSet<>();

    private ProjectDictionary(Project project, Path file) {
        this.project = project;
        this.file = file;
    }

    /** The file of a language's dictionary in a project (base language: {@code pt-BR} → {@code dictionary.pt.txt}). */
    public static Path file(Project p, String lang) {
        return p.dir().resolve("dictionary." + base(lang) + ".txt");
    }

    /** An empty dictionary kept nowhere (no project). */
    public static ProjectDictionary none() {
        return new ProjectDictionary(null, null);
    }

    /** Reads a language's dictionary of a project; a missing file is an empty dictionary. */
    public static ProjectDictionary load(Project p, String lang) {
        Path f = file(p, lang);
        ProjectDictionary d = new ProjectDictionary(p, f);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return d;
        SafePaths.requireInside(p.dir(), f, "project dictionary");
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) d.words.add(w);
            }
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot read the project dictionary (" + e.getMessage() + ")", e);
        }
        return d;
    }

    /** True if the word is in the dictionary (as written, or in lower case when the entry is lower case). */
    public synchronized boolean accepts(String word) {
        if (word.isEmpty() || words.isEmpty()) return false;
        if (words.contains(word)) return true;
        String lower = word.toLowerCase(Locale.ROOT);
        return !lower.equals(word) && words.contains(lower);
    }

    /**
     * Adds a word and writes the file at once (atomically); false if it was there already.
     *
     * @throws DiptychException if the file cannot be written (the word is then not added)
     */
    public synchronized boolean add(String word) {
        String w = word.strip();
        if (w.isEmpty() || w.contains("\n") || words.contains(w)) return false;
        words.add(w);
        if (project == null) return true;
        StringBuilder sb = new StringBuilder();
        for (String x : words) sb.append(x).append('\n');
        try {
            project.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            words.remove(w);
            throw new DiptychException(file + ": cannot save the project dictionary (" + e.getMessage() + ")", e);
        }
        return true;
    }

    /** The words, sorted. */
    public synchronized Set<String> words() {
        return Collections.unmodifiableSet(new TreeSet<>(words));
    }

    static String base(String lang) {
        int dash = lang.indexOf('-');
        return (dash < 0 ? lang : lang.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
