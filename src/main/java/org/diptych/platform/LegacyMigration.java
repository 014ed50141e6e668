package org.diptych.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what earlier versions kept in {@code ~/Diptych} (the sample's copy, projects made there) into the
 * documents folder of {@link Locations}, once. Nothing is lost: an entry whose name is taken at the target
 * gets a free name ({@code demo (from ~/Diptych)}); one that cannot be moved stays where it is; a move
 * across file systems copies into a temporary name, renames, and only then deletes the original. The
 * marker file in the config folder records that it ran, so a folder the user makes again later is left alone.
 */
public final class LegacyMigration {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyMigration.class);
    static final String MARKER = "migrated-from-home-Diptych";

    private LegacyMigration() {}

    /**
     * Migrates once.
     *
     * @return each moved entry's old path and its new one (empty if there was nothing to do)
     */
    public static Map<Path, Path> runOnce(Locations loc) {
        Path marker = loc.config().resolve(MARKER);
        if (Files.exists(marker)) return Map.of();
        Map<Path, Path> moved = new LinkedHashMap<>();
        boolean complete = migrate(loc.legacy(), loc.documents(), moved);
        try {
            if (complete) {
                Files.createDirectories(loc.config());
                Files.writeString(marker, moved.isEmpty() ? "nothing to move\n" : moved.toString() + "\n");
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot record the migration ({})", marker, e.toString());
        }
        return moved;
    }

    /** Moves every entry of {@code legacy} into {@code target}; false if one could not be moved. */
    static boolean migrate(Path legacy, Path target, Map<Path, Path> moved) {
        if (!Files.isDirectory(legacy, LinkOption.NOFOLLOW_LINKS)) return true;
        Path l = legacy.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        if (l.equals(t) || t.startsWith(l)) return true; // the documents folder is the old one, or inside it
        boolean complete = true;
        try {
            Files.createDirectories(t);
            try (Stream<Path> entries = Files.list(l)) {
                for (Path e : (Iterable<Path>) entries.sorted()::iterator) {
                    Path dst = freeName(t, e.getFileName().toString());
                    try {
                        move(e, dst);
                        moved.put(e, dst);
                        LOG.info("Moved {} to {}", e, dst);
                    } catch (IOException ex) {
                        complete = false;
                        LOG.warn("{}: cannot move it to {} ({}); it stays where it is", e, dst, ex.toString());
                    }
                }
            }
            try (Stream<Path> left = Files.list(l)) {
                if (left.findAny().isEmpty()) Files.delete(l);
            }
        } catch (IOException ex) {
            LOG.warn("{}: cannot migrate it to {} ({})", l, t, ex.toString());
            return false;
        }
        return complete;
    }

    private static Path freeName(Path dir, String name) {
        Path p = dir.resolve(name);
        for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
            p = dir.resolve(name + " (from ~/Diptych" + (i == 2 ? "" : " " + (i - 1)) + ")");
        }
        return p;
    }

    private static void move(Path src, Path dst) throws IOException {
        try {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (IOException sameFsFailed) {
            // another file system (e.g. Documents on another disk): copy, then delete the original
        }
        Path tmp = dst.resolveSibling(dst.getFileName() + ".partial");
        deleteTree(tmp);
        copyTree(src, tmp);
        Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(src);
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(dst.resolve(src.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, dst.resolve(src.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    /** {@code p} with a moved prefix replaced by its new place (recent projects after the migration). */
    public static Path relocate(Path p, Map<Path, Path> moved) {
        Path a = p.toAbsolutePath().normalize();
        for (Map.Entry<Path, Path> m : moved.entrySet()) {
            Path from = m.getKey().toAbsolutePath().normalize();
            if (a.startsWith(from)) return m.getValue().resolve(from.relativize(a).toString());
        }
        return p;
    }
}
