package org.diptych.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.diptych.DiptychException;
import org.diptych.project.SafePaths;

/**
 * The files of one export written all or nothing, also on a full disk or a kill -9 (kill9 found an export
 * killed between its posts with one new post and one old). Every new content goes to a temporary file beside
 * its target ({@code .<name>.<hex>.tmp}, the names {@link Exporter#cleanLeftovers} knows) and is forced to disk;
 * then the plan ({@value #PLAN} in the export folder: temporary → target, relative paths) is written atomically,
 * which decides the change; then the renames, then the plan is removed. A failure before the plan removes the
 * temporary files and leaves the folder as it was; a crash after it is finished by the next export into the
 * folder ({@link #recover}) before it writes anything. A single file is one atomic rename and needs no plan.
 */
final class ExportWrite {
    static final String PLAN = ".diptych-export.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Test seam: runs after each rename of a planned change (a test throws here to stand for a kill). */
    static Runnable afterRename = () -> {};

    private ExportWrite() {}

    record Change(Path target, byte[] content) {}

    /** Writes every change (targets under {@code out}) or none. */
    static void writeAll(Path out, List<Change> changes) throws IOException {
        if (changes.isEmpty()) return;
        if (changes.size() == 1) {
            Exporter.writeAtomically(changes.get(0).target(), changes.get(0).content());
            return;
        }
        Path root = out.toAbsolutePath().normalize();
        List<Path> temps = new ArrayList<>();
        List<Path> made = new ArrayList<>(); // folders made for the new files, removed again on a failure
        boolean decided = false;
        try {
            for (Change c : changes) temps.add(stage(c.target(), c.content(), made));
            List<List<String>> renames = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                renames.add(List.of(rel(root, temps.get(i)), rel(root, changes.get(i).target())));
            }
            byte[] plan = JSON.writeValueAsBytes(java.util.Map.of("renames", renames));
            Exporter.writeAtomically(root.resolve(PLAN), plan);
            decided = true;
        } finally {
            if (!decided) {
                for (Path t : temps) Files.deleteIfExists(t);
                for (int i = made.size() - 1; i >= 0; i--) {
                    try {
                        Files.deleteIfExists(made.get(i));
                    } catch (IOException notEmpty) {
                        // someone else's file arrived meanwhile: leave the folder
                    }
                }
            }
        }
        try {
            finish(root, temps, changes.stream().map(Change::target).toList());
        } catch (IOException e) {
            throw new Decided(e);
        }
    }

    /** A failure after the plan was written: the next export into the folder finishes the change. */
    static final class Decided extends IOException {
        Decided(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Finishes a change an interrupted export decided (its plan is in {@code out}): the temporary files still
     * there are renamed onto their targets, then the plan is removed. Nothing to do without a plan.
     */
    static void recover(Path out) {
        Path root = out.toAbsolutePath().normalize();
        Path plan = root.resolve(PLAN);
        if (!Files.exists(plan, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            if (!SafePaths.isRegularFile(plan)) throw new IOException("not a regular file");
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(plan.toFile());
            List<Path> temps = new ArrayList<>(), targets = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode r : n.path("renames")) {
                Path temp = SafePaths.under(root, r.path(0).asText(), "export plan entry");
                Path target = SafePaths.under(root, r.path(1).asText(), "export plan entry");
                // a plan only ever renames its own temporary file onto the file beside it (a plan planted in a
                // shared checkout must not move the site's files around)
                if (!isTempOf(temp, target)) throw new IOException(r.path(0).asText() + " is not a temporary file of "
                        + r.path(1).asText());
                temps.add(temp);
                targets.add(target);
            }
            finish(root, temps, targets);
        } catch (IOException | RuntimeException e) {
            throw new DiptychException(plan + ": an interrupted export's plan cannot be finished (" + e.getMessage()
                    + "); check the folder and remove the file", e);
        }
    }

    /** {@code temp} is {@code .<target's name>.<hex>.tmp} in the target's folder, as {@link #stage} names it. */
    static boolean isTempOf(Path temp, Path target) {
        Path a = temp.toAbsolutePath().normalize(), b = target.toAbsolutePath().normalize();
        if (a.getParent() == null || !a.getParent().equals(b.getParent())) return false;
        String prefix = "." + b.getFileName() + ".";
        String name = a.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".tmp")
                && name.substring(prefix.length(), name.length() - 4).matches("[0-9a-f]+");
    }

    private static void finish(Path root, List<Path> temps, List<Path> targets) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (int i = 0; i < temps.size(); i++) {
            Path t = temps.get(i);
            if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) { // gone: renamed before the interruption
                if (!SafePaths.isRegularFile(t)) throw new IOException(t + " is not a regular file");
                try {
                    Files.move(t, targets.get(i), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(t, targets.get(i), StandardCopyOption.REPLACE_EXISTING);
                }
                afterRename.run();
            }
            dirs.add(targets.get(i).toAbsolutePath().getParent());
        }
        for (Path d : dirs) sync(d);
        Files.deleteIfExists(root.resolve(PLAN));
        sync(root);
    }

    /** The content in a new temporary file beside {@code target}, forced to disk, with the target's permissions. */
    private static Path stage(Path target, byte[] content, List<Path> made) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) missing.add(0, d);
        for (Path d : missing) {
            Files.createDirectory(d);
            made.add(d);
        }
        Exporter.cleanLeftovers(target);
        Path tmp = Exporter.newTempBeside(dir, target);
        try {
            if (Files.isRegularFile(target) && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void sync(Path dir) {
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        } catch (IOException notOnThisSystem) {
            // directories cannot be synced everywhere (Windows); the renames are still atomic
        }
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
