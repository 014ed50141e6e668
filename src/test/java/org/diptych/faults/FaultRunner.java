package org.diptych.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.diptych.DiptychException;
import org.diptych.cli.Main;
import org.diptych.faults.FaultCorpus.Case;
import org.diptych.faults.FaultCorpus.Importer;
import org.diptych.glossary.GlossaryStore;
import org.diptych.project.Project;

/**
 * Runs fault cases against the real importers: {@code diptych import} (markdown, text, HTML, DOCX, XLIFF) and
 * {@code diptych tm import} (TMX) through the CLI in-process, TBX through the glossary import of the core (the
 * GUI's call; the CLI has none). Each case gets a fresh copy of a project that already holds a statement, an
 * alignment-free TM and a glossary; the project tree is hashed before and after. A case passes if the command
 * succeeded (exit 0), or if it failed with exit 1 or 2, exactly one line on stderr, no Java exception text, and
 * the project (and the folder outside it that symlink cases point at) exactly as before.
 */
public final class FaultRunner implements AutoCloseable {
    /** What happened to one case. */
    public record Outcome(Case c, boolean passed, String result, int code, String message, long millis) {}

    static final String STATEMENT = "2024-05-01-solidarity";

    private final Path work;
    private final Path template;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fault-case");
        t.setDaemon(true);
        return t;
    });
    private int n;

    /** Prepares the template project under {@code work}. */
    public FaultRunner(Path work) {
        this.work = work;
        this.template = work.resolve("template");
        try {
            Files.createDirectories(work);
            Path seeds = Files.createDirectories(work.resolve("seeds"));
            cli("new", template.toString());
            Path md = Files.write(seeds.resolve("solidarity.md"), FaultCorpus.seed(Importer.MARKDOWN));
            cli("import", "--project=" + template, "--statement=" + STATEMENT, md.toString());
            Path tmx = Files.write(seeds.resolve("seed.tmx"), FaultCorpus.seed(Importer.TMX));
            cli("tm", "import", "--project=" + template, tmx.toString());
            Path tbx = Files.write(seeds.resolve("seed.tbx"), FaultCorpus.seed(Importer.TBX));
            try (Project p = Project.open(template, true)) {
                GlossaryStore.importFile(p, tbx);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) throw new IllegalStateException("setup failed: " + String.join(" ", args) + ": " + err);
    }

    /** Runs one case; {@code timeoutMillis} 0 waits for ever (tests), otherwise a case running longer fails. */
    public Outcome run(Case c, long timeoutMillis) {
        Path dir = work.resolve("case-" + (n++));
        try {
            return runIn(dir, c, timeoutMillis);
        } finally {
            deleteTree(dir);
        }
    }

    private Outcome runIn(Path dir, Case c, long timeoutMillis) {
        try {
            Path project = dir.resolve("project");
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "не трогать\n");
            copy(template, project);
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            Path file;
            try {
                file = Files.write(inbox.resolve(c.fileName()), c.bytes());
            } catch (IOException | RuntimeException e) {
                return new Outcome(c, true, "skipped (file name not possible here)", 0, String.valueOf(e), 0);
            }
            if (c.kind().equals("symlink")) file = symlinkSetup(c, project, outside, file);
            String before = hash(project) + hash(outside);
            String outsideBefore = hash(outside);
            long t0 = System.nanoTime();
            Future<int[]> f;
            StringWriter err = new StringWriter();
            Path input = file;
            f = pool.submit(() -> new int[] {invoke(c, project, input, err)});
            int code;
            try {
                code = timeoutMillis > 0 ? f.get(timeoutMillis, TimeUnit.MILLISECONDS)[0] : f.get()[0];
            } catch (TimeoutException e) {
                f.cancel(true);
                return new Outcome(c, false, "timeout", -1, "still running after " + timeoutMillis + " ms", timeoutMillis);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String msg = err.toString().strip();
            String after = hash(project) + hash(outside);
            if (code == 0) {
                if (!hash(outside).equals(outsideBefore)) return new Outcome(c, false, "wrote outside", code, msg, ms);
                return new Outcome(c, true, "success", code, msg, ms);
            }
            String why = null;
            if (code != 1 && code != 2) why = "exit " + code;
            else if (msg.isEmpty()) why = "no message";
            else if (msg.contains("\n")) why = "more than one line";
            else if (msg.contains("Exception") || msg.contains("internal error") || msg.contains("Error:")) why = "Java exception text";
            else if (msg.chars().anyMatch(ch -> ch < 0x20)) why = "control characters in the message";
            else if (!before.equals(after)) why = "project changed";
            return new Outcome(c, why == null, why == null ? "refused" : why, code, msg, ms);
        } catch (Exception e) {
            return new Outcome(c, false, "runner: " + e, -1, String.valueOf(e), 0);
        }
    }

    private static int invoke(Case c, Path project, Path file, StringWriter err) {
        PrintWriter errWriter = new PrintWriter(err);
        PrintWriter out = new PrintWriter(new StringWriter());
        return switch (c.importer()) {
            case TMX -> Main.run(new String[] {"tm", "import", "--project=" + project, file.toString()}, out, errWriter);
            case TBX -> {
                try (Project p = Project.open(project, true)) {
                    GlossaryStore.importFile(p, file);
                    yield 0;
                } catch (DiptychException e) {
                    errWriter.println("diptych: " + e.getMessage());
                    errWriter.flush();
                    yield 1;
                } catch (RuntimeException | Error e) {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    errWriter.println("internal error: " + trace);
                    errWriter.flush();
                    yield 3;
                }
            }
            default -> Main.run(new String[] {"import", "--project=" + project,
                    "--statement=" + (c.statement() == null ? "2024-06-01-case" : c.statement()), file.toString()}, out, errWriter);
        };
    }

    /** The symlink cases: the input a link, or a folder or file of the project a link to {@code outside}. */
    private static Path symlinkSetup(Case c, Path project, Path outside, Path file) throws IOException {
        switch (c.name()) {
            case "input-is-link" -> {
                Path link = file.resolveSibling("link-" + file.getFileName());
                Files.createSymbolicLink(link, file);
                return link;
            }
            case "statements-is-link", "backups-is-link", "tm-is-link" -> {
                String name = c.name().substring(0, c.name().indexOf('-'));
                Path target = outside.resolve(name);
                Path real = project.resolve(name);
                if (Files.exists(real)) Files.move(real, target);
                else Files.createDirectories(target);
                Files.createSymbolicLink(real, target);
            }
            case "lock-is-link" -> {
                Path lock = project.resolve(".diptych.lock");
                Files.deleteIfExists(lock);
                Files.createSymbolicLink(lock, outside.resolve("secret.txt"));
            }
            case "version-dir-is-link" -> {
                Path st = project.resolve("statements").resolve(STATEMENT);
                try (Stream<Path> s = Files.list(st)) {
                    for (Path p : s.filter(Files::isDirectory).toList()) {
                        Path target = outside.resolve("v-" + p.getFileName());
                        Files.move(p, target);
                        Files.createSymbolicLink(p, target);
                    }
                }
            }
            default -> throw new IllegalArgumentException(c.name());
        }
        return file;
    }

    /** The symlink cases for an importer (set up on disk by the runner). */
    public static List<Case> symlinkCases(Importer imp) {
        List<Case> out = new ArrayList<>();
        byte[] s = FaultCorpus.seed(imp);
        String file = "post." + imp.ext;
        String stmt = imp == Importer.TMX || imp == Importer.TBX ? null : STATEMENT;
        for (String name : new String[] {"input-is-link", "statements-is-link", "backups-is-link", "tm-is-link",
                "lock-is-link", "version-dir-is-link"}) {
            out.add(new Case(imp, "symlink", name, file, s, stmt));
        }
        return out;
    }

    /** A digest of every path under {@code root} (not following links): names, types, contents, link targets. */
    static String hash(Path root) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                entries.put(root.relativize(d) + "/", "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                String rel = root.relativize(f).toString();
                if (a.isSymbolicLink()) entries.put(rel, "link " + Files.readSymbolicLink(f));
                else if (rel.equals(".diptych.lock")) entries.put(rel, "lock"); // holds the last holder's pid
                else entries.put(rel, digest(Files.readAllBytes(f)));
                return FileVisitResult.CONTINUE;
            }
        });
        return digest(entries.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a case left something undeletable (a timed-out case still writing): keep going
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
