package org.diptych.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.diptych.DiptychException;
import org.diptych.model.PortableNames;

/**
 * Paths built from data (statement ids, slugs, front matter, site patterns, names in a version or a bundle)
 * are resolved here, under a root the user chose, and never leave it: every part is checked
 * ({@link PortableNames}), the result is normalised and prefix-checked, and no symbolic link is followed on
 * the way from the root to the file (a link inside a project cloned from someone else could point
 * anywhere). Every refusal is a one-line {@link DiptychException} naming the path and the reason.
 */
public final class SafePaths {
    private SafePaths() {}

    /** {@code name} if it is one portable file name, else a one-line error mentioning {@code what}. */
    public static String name(String name, String what) {
        String why = PortableNames.problem(name);
        if (why != null) throw new DiptychException(what + " '" + Messages.printable(name) + "' cannot be used (" + why + ")");
        return name;
    }

    /**
     * {@code relative} ({@code /}-separated, as in a site pattern or a zip entry) resolved under {@code root}:
     * no absolute path, no {@code ..} or {@code .} part, no empty part, each part a portable name, and no
     * symbolic link among the parts that exist already.
     *
     * @param what what the path is, for the message ("post path", "bundle entry")
     */
    public static Path under(Path root, String relative, String what) {
        if (relative == null || relative.isEmpty()) throw new DiptychException(root + ": empty " + what);
        String r = relative.replace('\\', '/');
        if (r.startsWith("/") || r.matches("^[A-Za-z]:.*")) {
            throw new DiptychException(root + ": " + what + " '" + Messages.printable(relative) + "' is an absolute path");
        }
        Path p = root;
        for (String part : r.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new DiptychException(root + ": " + what + " '" + Messages.printable(relative)
                        + "' would leave the folder (empty, '.' or '..' part)");
            }
            name(part, what + " part");
            try {
                p = p.resolve(part);
            } catch (InvalidPathException e) {
                throw new DiptychException(root + ": " + what + " '" + Messages.printable(relative) + "' is not a valid path");
            }
        }
        return requireInside(root, p, what);
    }

    /**
     * {@code file} if it lies under {@code root} after normalisation and no existing part of it below the
     * root is a symbolic link (the root itself may be one: the user chose it). Otherwise a one-line error.
     */
    public static Path requireInside(Path root, Path file, String what) {
        Path r = root.toAbsolutePath().normalize(), f = file.toAbsolutePath().normalize();
        if (!f.startsWith(r)) {
            throw new DiptychException(file + ": " + what + " is outside " + root);
        }
        Path cur = r;
        for (Path part : r.relativize(f)) {
            if (part.toString().isEmpty()) continue;
            cur = cur.resolve(part);
            if (Files.isSymbolicLink(cur)) {
                throw new DiptychException(cur + ": is a symbolic link; Diptych does not follow links inside "
                        + root.getFileName() + " (" + what + ")");
            }
            if (!Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) break;
        }
        return f;
    }

    /** {@code true} if {@code file} exists and is a regular file, without following a link. */
    public static boolean isRegularFile(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code true} if {@code dir} exists and is a folder, without following a link. */
    public static boolean isDirectory(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
