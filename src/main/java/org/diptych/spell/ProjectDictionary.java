package org.diptych.spell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.diptych.DiptychException;
import org.diptych.project.Project;

/**
 * The words a project's team added to the spelling dictionary of one language, kept in the project folder as
 * {@code dictionary.<lang>.txt}: plain UTF-8, one word a line, sorted, written atomically (the previous file
 * under {@code backups/}; a symbolic link is refused). A word written in lower case also accepts its
 * capitalised and upper-case forms ("профсоюз" accepts "Профсоюз"); a word with capitals is accepted only as
 * written ("Diptych").
 * Thread-safe: the editor's background checks read it while the FX thread adds to it.
 */
public final class ProjectDictionary {
    private final ProjectWordList words;

    private ProjectDictionary(ProjectWordList words) {
        this.words = words;
    }

    /** The file of a language's dictionary in a project (base language: {@code pt-BR} → {@code dictionary.pt.txt}). */
    public static Path file(Project p, String lang) {
        return p.dir().resolve("dictionary." + base(lang) + ".txt");
    }

    /** An empty dictionary kept nowhere (no project). */
    public static ProjectDictionary none() {
        return new ProjectDictionary(ProjectWordList.none("project dictionary"));
    }

    /** Reads a language's dictionary of a project; a missing file is an empty dictionary. */
    public static ProjectDictionary load(Project p, String lang) {
        return new ProjectDictionary(ProjectWordList.load(p, file(p, lang), "project dictionary"));
    }

    /** True if the word is in the dictionary (as written, or in lower case when the entry is lower case). */
    public boolean accepts(String word) {
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
    public boolean add(String word) {
        return words.add(word);
    }

    /** The words, sorted. */
    public Set<String> words() {
        return words.entries();
    }

    static String base(String lang) {
        int dash = lang.replace('_', '-').indexOf('-');
        return (dash < 0 ? lang : lang.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
