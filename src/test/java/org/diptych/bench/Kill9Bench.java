package org.diptych.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.diptych.cli.Main;
import org.diptych.formats.Posts;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.tm.TranslationMemory;

/**
 * Kill -9 trials (issue 11): real CLI child processes of {@code import}, {@code align}, {@code tm import} and
 * {@code export} killed (SIGKILL) at random moments, then checked: after the next open for writing (which
 * finishes a decided change and removes leftovers under the lock) the project tree (contents with timestamps
 * masked, without {@code backups/}, the lock file, the TM's derived index and the stored word model
 * {@code lexicon.*.tsv}, a derived file that records the sizes and times of the files it was learned from) and
 * the TM (unit count) are at the state before or the state after the command, never between; and the command
 * run again is not blocked and ends at the state after. One intermediate state is named apart: an {@code align}
 * killed after it saved the alignment and before it fed the TM ("feed pending"; the next plain {@code align}
 * completes the feed, which the rerun checks). Kill moments are spread uniformly from 0.8 x the JVM's start
 * (a {@code --version} child) to 1.1 x the median uninterrupted run, so most land in the command's work.
 *
 * <pre>java -cp ... org.diptych.bench.Kill9Bench WORKDIR [TRIALS per command, default 30] [SEED] [OPS: import,align,tm,export]</pre>
 */
public final class Kill9Bench {
    static final String ID = "2018-07-02-pension-age";
    static final String ID2 = "2018-07-03-second-letter";

    record Op(String name, Path base, List<String> args) {}

    record State(String tree, long tmUnits) {}

    public static void main(String[] a) throws Exception {
        Path work = Path.of(a[0]).toAbsolutePath();
        int trials = a.length > 1 ? Integer.parseInt(a[1]) : 30;
        long seed = a.length > 2 ? Long.parseLong(a[2]) : 11;
        List<String> only = a.length > 3 ? List.of(a[3].split(",")) : List.of("import", "align", "tm", "export");
        deleteTree(work);
        Files.createDirectories(work);
        Random rnd = new Random(seed);
        Path files = Files.createDirectories(work.resolve("files"));
        Path ru = Files.writeString(files.resolve("ru.md"), Posts.RU, StandardCharsets.UTF_8);
        Path en = Files.writeString(files.resolve("en.md"), Posts.EN, StandardCharsets.UTF_8);
        Path ru2 = Files.writeString(files.resolve("ru2.md"), Posts.RU.replace("2018", "2019"), StandardCharsets.UTF_8);
        Path tmx = files.resolve("units.tmx");
        writeTmx(tmx, 3000);

        // bases: aligned (for import, tm import, export), imported but not aligned (for align)
        Path unaligned = work.resolve("base-unaligned");
        cli("new", unaligned.toString(), "--languages", "ru,en");
        cli("import", "--project", unaligned.toString(), "--statement", ID, ru.toString());
        cli("import", "--project", unaligned.toString(), "--statement", ID, en.toString());
        try (Project p = Project.open(unaligned, true)) {
            for (String l : List.of("ru", "en")) {
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://example.org/" + l + "/:year/:month/:day/:slug/",
                        l + "/_posts/:year-:month-:day-:slug.md", null)));
            }
        }
        Path aligned = work.resolve("base-aligned");
        copyTree(unaligned, aligned);
        cli("align", "--project", aligned.toString(), "--statement", ID, "--source-lang", "ru", "--target-lang", "en");

        List<Op> ops = new ArrayList<>();
        ops.add(new Op("import", aligned, List.of("import", "--project", "$P", "--statement", ID2, "--lang", "ru", ru2.toString())));
        ops.add(new Op("align", unaligned, List.of("align", "--project", "$P", "--statement", ID, "--source-lang", "ru", "--target-lang", "en")));
        ops.add(new Op("tm", aligned, List.of("tm", "import", "--project", "$P", tmx.toString())));
        ops.add(new Op("export", aligned, List.of("export", "--project", "$P", "--statement", ID, "--to", "$O", "--allow-incomplete")));

        String cp = System.getProperty("java.class.path");
        System.out.printf("machine: %d cores, %s; %d trials per command, seed %d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), trials, seed);
        long start = jvmStart(cp, work);
        System.out.println("JVM start (median of 3 --version children): " + start + " ms");
        System.out.println("command\ttrials\tkilled\tbefore\tafter\tfeed pending\tbetween\tleftovers found\trerun ok\tmedian run ms\tseconds");
        int bad = 0;
        for (Op op : ops) {
            if (!only.contains(op.name())) continue;
            // the states before and after (one uninterrupted child run)
            Path ref = work.resolve(op.name() + "-ref");
            copyTree(op.base(), ref);
            Path refOut = work.resolve(op.name() + "-ref-out");
            State before = state(ref, refOut);
            long[] runs = new long[3];
            for (int i = 0; i < runs.length; i++) {
                Path d = work.resolve(op.name() + "-time" + i);
                copyTree(op.base(), d);
                long t0 = System.nanoTime();
                Process pr = child(cp, op, d, work.resolve(op.name() + "-time-out" + i), work.resolve("child.log"));
                int rc = pr.waitFor();
                runs[i] = (System.nanoTime() - t0) / 1_000_000;
                if (rc != 0) throw new IllegalStateException(op.name() + ": uninterrupted run failed (" + rc + "), see " + work.resolve("child.log"));
                if (i == 0) {
                    copyTree(d, ref);
                    copyTree(work.resolve(op.name() + "-time-out0"), refOut);
                }
            }
            java.util.Arrays.sort(runs);
            long median = runs[1];
            State after = state(ref, refOut);
            if (after.equals(before)) throw new IllegalStateException(op.name() + ": the command changes nothing");
            int killed = 0, atBefore = 0, atAfter = 0, pending = 0, between = 0, leftovers = 0, rerunOk = 0;
            long opStart = System.nanoTime();
            for (int t = 0; t < trials; t++) {
                Path d = work.resolve(op.name() + "-trial");
                Path out = work.resolve(op.name() + "-trial-out");
                deleteTree(d);
                deleteTree(out);
                copyTree(op.base(), d);
                // kills spread over the whole run, JVM start included (most of the short runs is start-up)
                long from = (long) (0.8 * start), to = Math.max(from + 1, (long) (1.1 * median));
                long delay = from + (long) (rnd.nextDouble() * (to - from));
                Process pr = child(cp, op, d, out, work.resolve("child-trial.log"));
                boolean done = pr.waitFor(delay, TimeUnit.MILLISECONDS);
                if (!done) {
                    pr.destroyForcibly(); // SIGKILL on Linux
                    pr.waitFor();
                    killed++;
                }
                if (hasLeftovers(d) || (Files.isDirectory(out) && hasLeftovers(out))) leftovers++;
                // the next open for writing finishes or drops what the kill left, under the lock
                try (Project p = Project.open(d, true)) {
                    // nothing else
                }
                if (Files.isDirectory(out)) org.diptych.export.Exporter.finishInterrupted(out); // as the next export does first
                State s = state(d, out);
                if (s.equals(before)) {
                    atBefore++;
                } else if (s.equals(after)) {
                    atAfter++;
                } else if (op.name().equals("align") && s.tree().equals(after.tree()) && s.tmUnits() == before.tmUnits()) {
                    pending++; // the alignment saved, the TM not yet fed: the rerun below must complete it
                } else {
                    between++;
                    bad++;
                    System.out.println("  BETWEEN " + op.name() + " trial " + t + " (killed after " + delay + " ms): " + diff(s, before, after));
                    copyTree(d, work.resolve(op.name() + "-between-" + t));
                }
                // the command again: not blocked by a leftover, and it ends where an uninterrupted run ends
                String[] err = new String[1];
                int rc = inProcess(op, d, out, err);
                State again = state(d, out);
                boolean ok = again.equals(after) && (rc == 0 || (op.name().equals("import") && s.equals(after)
                        && err[0].contains("already has a version")));
                if (ok) {
                    rerunOk++;
                } else {
                    bad++;
                    System.out.println("  RERUN " + op.name() + " trial " + t + ": exit " + rc + " " + err[0].strip() + "; "
                            + (again.equals(after) ? "at after" : diff(again, before, after)));
                }
            }
            System.out.printf("%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.0f%n", op.name(), trials, killed, atBefore, atAfter,
                    pending, between, leftovers, rerunOk, median, (System.nanoTime() - opStart) / 1e9);
        }
        System.out.println(bad == 0 ? "all trials before or after, every rerun reached the state after" : bad + " problems");
        System.exit(bad == 0 ? 0 : 1);
    }

    /** The median wall time of a child JVM that only prints the CLI's version. */
    static long jvmStart(String cp, Path work) throws Exception {
        long[] t = new long[3];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            Process pr = child(cp, new Op("version", work, List.of("--version")), work, work, work.resolve("child.log"));
            pr.waitFor();
            t[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        java.util.Arrays.sort(t);
        return t[1];
    }

    static Process child(String cp, Op op, Path project, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.diptych.cli.Main"));
        for (String s : op.args()) cmd.add(s.replace("$P", project.toString()).replace("$O", out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static int inProcess(Op op, Path project, Path out, String[] err) {
        List<String> args = new ArrayList<>();
        for (String s : op.args()) args.add(s.replace("$P", project.toString()).replace("$O", out.toString()));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        err[0] = e.toString();
        return rc;
    }

    static void cli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        if (rc != 0) throw new IllegalStateException(String.join(" ", args) + ": " + e);
    }

    static boolean hasLeftovers(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.anyMatch(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".tmp") || n.equals(".diptych-transaction.json") || n.equals(".diptych-export.json");
            });
        }
    }

    /** The project's files (timestamps masked) and the export folder, hashed; the TM's unit count. */
    static State state(Path project, Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path root : List.of(project, out)) {
            if (!Files.exists(root)) {
                sb.append("(none)\n");
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (rel.startsWith(Project.BACKUPS) || rel.equals(".diptych.lock") || rel.startsWith("tm/")
                            || rel.matches("lexicon\\.[^/]*\\.tsv")) continue;
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                    // an export's temporary files younger than a minute are left for an export that may be running
                    // (Exporter.cleanLeftovers): counted as leftovers, not as content
                    if (root == out && p.getFileName().toString().matches("\\..*\\.[0-9a-f]{1,16}\\.tmp")) continue;
                    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
                            .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d[:-]\\d\\d[:-]\\d\\d(?:\\.\\d+)?Z", "<time>");
                    sb.append(rel).append(' ').append(sha(text)).append('\n');
                }
            }
        }
        long units = 0;
        Path tm = project.resolve(Project.TM);
        if (TranslationMemory.exists(tm)) {
            try (TranslationMemory m = TranslationMemory.open(tm)) {
                units = m.stats().units();
            }
        }
        return new State(sb.toString(), units);
    }

    static String diff(State s, State before, State after) {
        List<String> have = s.tree().lines().toList();
        List<String> b = before.tree().lines().toList(), a = after.tree().lines().toList();
        List<String> odd = new ArrayList<>();
        for (String l : have) if (!b.contains(l) && !a.contains(l)) odd.add(l);
        return "tm units " + s.tmUnits() + " (before " + before.tmUnits() + ", after " + after.tmUnits() + "); files neither: " + odd
                + "; tree differs from before/after in " + (have.size()) + " lines";
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TMX of {@code n} ru-en units of generated sentences (texts written for this bench). */
    static void writeTmx(Path f, int n) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"kill9\""
                + " creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"x\" adminlang=\"en\" srclang=\"ru\" datatype=\"plaintext\"/><body>\n");
        String[] ruW = {"профсоюз", "забастовка", "пенсия", "зарплата", "собрание", "солидарность", "договор", "смена"};
        String[] enW = {"union", "strike", "pension", "wage", "meeting", "solidarity", "agreement", "shift"};
        for (int i = 0; i < n; i++) {
            String r = "Пункт " + i + ": " + ruW[i % 8] + " и " + ruW[(i / 8) % 8] + " на участке " + (i * 7 % 101) + ".";
            String e = "Item " + i + ": " + enW[i % 8] + " and " + enW[(i / 8) % 8] + " at site " + (i * 7 % 101) + ".";
            b.append("<tu><tuv xml:lang=\"ru\"><seg>").append(r).append("</seg></tuv><tuv xml:lang=\"en\"><seg>").append(e)
                    .append("</seg></tuv></tu>\n");
        }
        b.append("</body></tmx>\n");
        Files.writeString(f, b, StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        if (!Files.exists(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
