package org.diptych.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diptych.DiptychException;

/**
 * A change of several project files that happens whole or not at all, also on a full disk or a kill -9:
 *
 * <ol>
 *   <li>the previous content of every file it touches is copied to the backups (what an undo needs, taken
 *       before anything changes);</li>
 *   <li>every new content is written to a temporary file beside its target and forced to disk;</li>
 *   <li>the plan ({@value #JOURNAL}: temporary → target, files to remove) is written atomically: from here
 *       on the change is decided;</li>
 *   <li>the renames and removals are done, then the plan is removed.</li>
 * </ol>
 *
 * A failure in steps 1–3 removes the temporary files and leaves the project as it was; a crash there
 * leaves only temporary files, which the next writer removes ({@link AtomicFiles#cleanTemps}). A crash in
 * step 4 leaves the plan, which the next writer finishes ({@link #recover}) before anything else, under the
 * project lock. Renames in one file system need no new space, so a full disk cannot stop step 4 half-way.
 */
public final class Transaction {
    public static final String JOURNAL = ".diptych-transaction.json";

    private final Project project;
    private final Path root;
    private final Path backupRoot;
    private final Map<Path, byte[]> puts = new LinkedHashMap<>();
    private final List<Path> deletes = new ArrayList<>();

    /**
     * @param backupRoot where the previous contents go ({@code <backupRoot>/<path in the project>}), or
     *                   {@code null} for the project's {@code backups/}
     */
    Transaction(Project project, Path backupRoot) {
        this.project = project;
        this.root = project.dir().toAbsolutePath().normalize();
        this.backupRoot = backupRoot == null ? root.resolve(Project.BACKUPS) : backupRoot.toAbsolutePath().normalize();
    }

    /** The file will hold {@code content}. */
    public Transaction put(Path file, byte[] content) {
        Path f = inside(file);
        deletes.remove(f);
        puts.put(f, content);
        return this;
    }

    /** The file will be gone (its content kept in the backups). */
    public Transaction delete(Path file) {
        Path f = inside(file);
        puts.remove(f);
        if (!deletes.contains(f)) deletes.add(f);
        return this;
    }

    public boolean isEmpty() {
        return puts.isEmpty() && deletes.isEmpty();
    }

    private Path inside(Path file) {
        return SafePaths.requireInside(root, file.toAbsolutePath().normalize(), "project file");
    }

    Path backupOf(Path file) {
        return backupRoot.resolve(root.relativize(file).toString());
    }

    /**
     * Does the change.
     *
     * @param what what is being saved, for the message ("the en version of 2024-01-01-letter")
     * @throws DiptychException saying whether the project is unchanged or the change will be finished on the
     *                          next open
     */
    public void commit(String what) {
        if (!project.writable()) throw new IllegalStateException("project " + root + " was opened read-only");
        Map<Path, Path> temps = new LinkedHashMap<>();
        Path journal = root.resolve(JOURNAL);
        try {
            for (Path f : allFiles()) {
                SafePaths.requireInside(root, f, "project file");
                if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                    Path b = SafePaths.requireInside(root, backupOf(f), "backup");
                    AtomicFiles.write(b, Files.readAllBytes(f), null);
                }
            }
            // all new contents first, then each forced: a batch of files reaches the disk in one go
            for (Map.Entry<Path, byte[]> e : puts.entrySet()) {
                temps.put(e.getKey(), AtomicFiles.writeTemp(e.getKey(), e.getValue(), false));
            }
            for (Path t : temps.values()) AtomicFiles.force(t);
            ObjectNode plan = Project.json().createObjectNode();
            ArrayNode moves = plan.putArray("moves");
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                moves.addObject().put("tmp", rel(e.getValue())).put("target", rel(e.getKey()));
            }
            ArrayNode del = plan.putArray("deletes");
            for (Path d : deletes) del.add(rel(d));
            AtomicFiles.write(journal, Project.json().writeValueAsBytes(plan), null);
        } catch (IOException | RuntimeException e) {
            for (Path t : temps.values()) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // removed by the next writer's clean-up
                }
            }
            if (e instanceof DiptychException de) {
                throw new DiptychException(de.getMessage() + "; nothing was changed", de);
            }
            throw new DiptychException(root + ": cannot save " + what + " (" + Messages.oneLine(String.valueOf(e.getMessage()))
                    + "); nothing was changed, the project is as it was", e);
        }
        try {
            finish(root, journal);
        } catch (IOException e) {
            throw new DiptychException(root + ": saving " + what + " was interrupted (" + Messages.oneLine(String.valueOf(e.getMessage()))
                    + "); the new files are written and the change will be completed when the project is next opened", e);
        }
    }

    private List<Path> allFiles() {
        List<Path> all = new ArrayList<>(puts.keySet());
        all.addAll(deletes);
        return all;
    }

    private String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Finishes a change a crash interrupted after its plan was written. Called when a project is opened
     * for writing, under its lock. Returns whether there was one.
     */
    static boolean recover(Path projectDir) {
        Path root = projectDir.toAbsolutePath().normalize();
        Path journal = root.resolve(JOURNAL);
        if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            finish(root, journal);
            return true;
        } catch (IOException e) {
            throw new DiptychException(journal + ": cannot finish an interrupted change (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    private static void finish(Path root, Path journal) throws IOException {
        if (!SafePaths.isRegularFile(journal)) throw new IOException("not a regular file");
        JsonNode plan;
        try {
            plan = Project.json().readTree(Files.readAllBytes(journal));
        } catch (IOException e) {
            // a plan is written atomically, so a damaged one was never decided: drop it
            Files.deleteIfExists(journal);
            return;
        }
        // every folder that changed is forced once, after all its renames and before the plan goes
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (JsonNode m : plan.path("moves")) {
            Path tmp = SafePaths.under(root, m.path("tmp").asText(), "transaction file");
            Path target = SafePaths.under(root, m.path("target").asText(), "transaction file");
            if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.moveIntoPlace(tmp, target, false);
                dirs.add(target.getParent());
            }
        }
        for (JsonNode d : plan.path("deletes")) {
            Path f = SafePaths.under(root, d.asText(), "transaction file");
            if (Files.deleteIfExists(f)) dirs.add(f.getParent());
        }
        for (Path d : dirs) AtomicFiles.syncDirectory(d);
        Files.deleteIfExists(journal);
        AtomicFiles.syncDirectory(root);
    }
}
