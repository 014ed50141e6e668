package org.diptych.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.diptych.cli.Main;
import org.diptych.formats.Posts;
import org.diptych.project.Project;

/**
 * Full disk on a real small file system (issue 11): a 2 MB tmpfs is mounted (as root, or by bench/fulldisk.sh
 * inside a user and mount namespace; if neither is allowed the bench says so and stops), the project (and the
 * export folder) are copied onto it without their lock file, a filler file leaves exactly F bytes free, and
 * {@code import --replace}, {@code tm import}, {@code align} (with its TM feed) and {@code export} are run (the
 * CLI, in this JVM, against the real file system). F is swept upwards in steps until the command succeeds. Each
 * failure must be one line, and the project all or nothing: the tree as before (temporary files aside) with the
 * disk still full, and as before after space is freed and the project next opened for writing; or, if the
 * message says the change will be completed on the next open, as after. The lock: after every failure the
 * {@code .diptych.lock} taken on the full disk is absent or holds its owner's line (never empty or garbage), and
 * the same command run again with space succeeds and ends at the state after.
 *
 * <pre>java -cp ... org.diptych.bench.FullDiskBench WORKDIR MOUNTPOINT [STEP bytes, default 4096] [OPS]</pre>
 */
public final class FullDiskBench {
    static final String ID = Kill9Bench.ID;

    record Op(String name, Path base, List<String> args) {}

    public static void main(String[] a) throws Exception {
        Path work = Path.of(a[0]).toAbsolutePath();
        Path mnt = Path.of(a[1]).toAbsolutePath();
        long step = a.length > 2 ? Long.parseLong(a[2]) : 4096;
        List<String> only = a.length > 3 ? List.of(a[3].split(",")) : List.of("replace", "tm", "align", "export");
        Kill9Bench.deleteTree(work);
        Files.createDirectories(work);
        Files.createDirectories(mnt);
        run("umount", mnt.toString()); // a mount left by an earlier run (fails harmlessly when there is none)
        if (run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString()) != 0) {
            System.out.println("skipped: cannot mount a tmpfs at " + mnt + " (neither root nor a user namespace may mount here)");
            return;
        }
        try {
            sweep(work, mnt, step, only);
        } finally {
            run("umount", mnt.toString());
        }
    }

    static void sweep(Path work, Path mnt, long step, List<String> only) throws Exception {
        Path files = Files.createDirectories(work.resolve("files"));
        Path ru = Files.writeString(files.resolve("ru.md"), Posts.RU, StandardCharsets.UTF_8);
        Path en = Files.writeString(files.resolve("en.md"), Posts.EN, StandardCharsets.UTF_8);
        Path corrected = Files.writeString(files.resolve("en-corrected.md"), Posts.EN
                .replace("- Hold a nationwide referendum, e.g. in September.\n", "")
                .replace("Index pensions at least in line with inflation.", "Index pensions at least in line with prices.")
                .replace("Signed: ", "We call on every trade union to join the campaign.\n\nSigned: "), StandardCharsets.UTF_8);
        Path tmx = files.resolve("units.tmx");
        Kill9Bench.writeTmx(tmx, 400);
        Path unaligned = work.resolve("base-unaligned");
        Kill9Bench.cli("new", unaligned.toString(), "--languages", "ru,en");
        Kill9Bench.cli("import", "--project", unaligned.toString(), "--statement", ID, ru.toString());
        Kill9Bench.cli("import", "--project", unaligned.toString(), "--statement", ID, en.toString());
        try (Project p = Project.open(unaligned, true)) {
            for (String l : List.of("ru", "en")) {
                p.saveManifest(p.manifest().withSite(l, new org.diptych.project.Manifest.SiteProfile(
                        "https://example.org/" + l + "/:year/:month/:day/:slug/", l + "/_posts/:year-:month-:day-:slug.md", null)));
            }
        }
        Path aligned = work.resolve("base-aligned");
        Kill9Bench.copyTree(unaligned, aligned);
        Kill9Bench.cli("align", "--project", aligned.toString(), "--statement", ID, "--source-lang", "ru", "--target-lang", "en");

        List<Op> ops = List.of(
                new Op("replace", aligned, List.of("import", "--project", "$P", "--statement", ID, "--replace", "--force", corrected.toString())),
                new Op("tm", aligned, List.of("tm", "import", "--project", "$P", tmx.toString())),
                new Op("align", unaligned, List.of("align", "--project", "$P", "--statement", ID, "--source-lang", "ru", "--target-lang", "en")),
                new Op("export", aligned, List.of("export", "--project", "$P", "--statement", ID, "--to", "$O", "--allow-incomplete")));
        Path proj = mnt.resolve("proj");
        Path outDir = mnt.resolve("out");
        Path refOut = work.resolve("ref-out");
        System.out.printf("machine: %d cores, %s; tmpfs of %d KB at %s, free space swept in steps of %d bytes%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.getFileStore(mnt).getTotalSpace() / 1024, mnt, step);
        System.out.println("command\tlevels\tfailed\tfailed: before\tfailed: completed on next open\tbetween or not one line\tbad lock or blocked rerun\tfirst free KB that succeeded\tseconds");
        int bad = 0;
        for (Op op : ops) {
            if (!only.contains(op.name())) continue;
            // the states before and after, on the normal disk
            long opStart = System.nanoTime();
            Path ref = work.resolve(op.name() + "-ref");
            Kill9Bench.copyTree(op.base(), ref);
            Kill9Bench.deleteTree(refOut);
            Kill9Bench.State before = Kill9Bench.state(ref, refOut);
            String beforeTree = tree(op.base());
            if (run(op, ref, refOut) != 0) throw new IllegalStateException(op.name() + " fails on a normal disk: " + lastErr);
            Kill9Bench.State after = Kill9Bench.state(ref, refOut);
            int levels = 0, failed = 0, failedBefore = 0, completed = 0, between = 0, badLock = 0;
            long succeededAt = -1;
            for (long free = 0; free < 2L << 20; free += step) {
                Kill9Bench.deleteTree(proj);
                Kill9Bench.deleteTree(outDir);
                Files.deleteIfExists(mnt.resolve("filler"));
                Kill9Bench.copyTree(op.base(), proj);
                Files.deleteIfExists(proj.resolve(org.diptych.project.ProjectLock.FILE)); // taken on the full disk
                fill(mnt, free);
                levels++;
                int rc = run(op, proj, outDir);
                String err = lastErr;
                String full = tree(proj);
                Files.deleteIfExists(mnt.resolve("filler"));
                if (rc == 0) {
                    try (Project p = Project.open(proj, true)) {
                        // the next open
                    }
                    if (!Kill9Bench.state(proj, outDir).equals(after)) {
                        between++;
                        System.out.println("  " + op.name() + " at " + free + " B free: exit 0 but not the state after");
                    }
                    succeededAt = free;
                    break;
                }
                failed++;
                boolean oneLine = err.strip().lines().count() == 1;
                Path lock = proj.resolve(org.diptych.project.ProjectLock.FILE);
                String lockText = Files.isRegularFile(lock) ? Files.readString(lock) : null;
                boolean lockOk = lockText == null || lockText.matches("\\d+ \\S+ \\S+");
                try (Project p = Project.open(proj, true)) {
                    // the next open, with space again: finishes a decided change, removes temporary files
                }
                if (Files.isDirectory(outDir)) org.diptych.export.Exporter.finishInterrupted(outDir);
                Kill9Bench.State s = Kill9Bench.state(proj, outDir);
                if (oneLine && s.equals(before) && full.equals(beforeTree)) {
                    failedBefore++;
                } else if (oneLine && s.equals(after) && err.contains("next opened")) {
                    completed++;
                } else {
                    between++;
                    System.out.println("  " + op.name() + " at " + free + " B free: exit " + rc + ", " + err.strip() + " -> "
                            + (s.equals(before) ? "before" : s.equals(after) ? "after" : Kill9Bench.diff(s, before, after)));
                }
                // the same command again, with space: not blocked by the lock file or a leftover, ends at after
                int again = run(op, proj, outDir);
                boolean rerunOk = (again == 0 || (op.name().equals("replace") && s.equals(after)))
                        && Kill9Bench.state(proj, outDir).equals(after);
                if (!lockOk || !rerunOk) {
                    badLock++;
                    System.out.println("  " + op.name() + " at " + free + " B free: lock file " + (lockText == null ? "absent"
                            : "'" + lockText.strip() + "'") + ", rerun exit " + again + " " + lastErr.strip());
                }
            }
            bad += between + badLock;
            System.out.printf("%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%.0f%n", op.name(), levels, failed, failedBefore, completed, between,
                    badLock, succeededAt < 0 ? "never" : String.valueOf(succeededAt / 1024), (System.nanoTime() - opStart) / 1e9);
        }
        System.out.println(bad == 0 ? "all or nothing at every level" : bad + " problems");
        if (bad != 0) System.exit(1);
    }

    static String lastErr = "";

    /** Runs the command (the CLI's own entry, in this JVM) on {@code project}; its error text in {@link #lastErr}. */
    static int run(Op op, Path project, Path out) {
        List<String> args = new ArrayList<>();
        for (String x : op.args()) args.add(x.replace("$P", project.toString()).replace("$O", out.toString()));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        lastErr = e.toString();
        return rc;
    }

    /** The project's files and their contents as they are, without temporary files, backups, lock and TM. */
    static String tree(Path project) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> st = Files.walk(project)) {
            for (Path p : st.sorted().toList()) {
                String rel = project.relativize(p).toString().replace('\\', '/');
                String n = p.getFileName().toString();
                if (rel.startsWith(Project.BACKUPS) || rel.startsWith("tm/") || rel.equals(".diptych.lock") || n.endsWith(".tmp")
                        || Files.isDirectory(p)) continue;
                sb.append(rel).append(' ').append(java.util.Arrays.hashCode(Files.readAllBytes(p))).append('\n');
            }
        }
        return sb.toString();
    }

    /** A filler file that leaves {@code free} bytes (rounded to the page) free on the mount. */
    static void fill(Path mnt, long free) throws IOException {
        long usable = Files.getFileStore(mnt).getUsableSpace();
        long size = Math.max(0, usable - free);
        byte[] chunk = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(mnt.resolve("filler"))) {
            while (size > 0) {
                int n = (int) Math.min(chunk.length, size);
                o.write(chunk, 0, n);
                size -= n;
            }
        } catch (IOException e) {
            // full already: that is the point
        }
    }

    static int run(String... cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
