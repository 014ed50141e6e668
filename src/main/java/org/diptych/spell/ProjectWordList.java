package org.diptych.spell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.diptych.DiptychException;
import org.diptych.project.Project;
import org.diptych.project.SafePaths;

/**
 * A sorted set of entries kept in one file of a project folder: plain UTF-8, one entry a line ({@code #} starts
 * a comment line), written atomically through {@link Project#write} (the previous file under {@code backups/}).
 * A file that is a symbolic link, or reached through one, is refused. The project's dictionary, its ignored
 * words and its ignored grammar rules are such lists. Thread-safe: background checks read it while the FX
 * thread adds to it.
 */
final class ProjectWordList {
    private final Project project;
    private final Path file;
    /** What the file is, for messages ("project dictionary"). */
    private final String what;
    private final Set<String> entries = new TreeSet<>();

    private ProjectWordList(Project project, Path file, String what) {
        this.project = project;
        this.file = file;
        this.what = what;
    }

    /** A list kept nowhere (no project): entries added last as long as the object. */
    static ProjectWordList none(String what) {
        return new ProjectWordList(null, null, what);
    }

    /**
     * Reads a list of a project; a missing file is an empty list.
     *
     * @throws DiptychException one line naming the file: a symbolic link, or unreadable
     */
    static ProjectWordList load(Project p, Path f, String what) {
        ProjectWordList l = new ProjectWordList(p, f, what);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return l;
        SafePaths.requireInside(p.dir(), f, what);
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) l.entries.add(w);
            }
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot read the " + what + " (" + e.getMessage() + ")", e);
        }
        return l;
    }

    synchronized boolean contains(String entry) {
        return entries.contains(entry);
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Adds an entry and writes the file at once (atomically); false if it was there already or is blank.
     *
     * @throws DiptychException if the file cannot be written (the entry is then not added)
     */
    synchronized boolean add(String entry) {
        String w = entry.strip();
        if (w.isEmpty() || w.contains("\n") || w.startsWith("#") || entries.contains(w)) return false;
        entries.add(w);
        if (project == null) return true;
        StringBuilder sb = new StringBuilder();
        for (String x : entries) sb.append(x).append('\n');
        try {
            project.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            entries.remove(w);
            throw new DiptychException(file + ": cannot save the " + what + " (" + e.getMessage() + ")", e);
        }
        return true;
    }

    /** The entries, sorted. */
    synchronized Set<String> entries() {
        return Collections.unmodifiableSet(new TreeSet<>(entries));
    }

    /** The file, or null for a list kept nowhere. */
    Path file() {
        return file;
    }
}
