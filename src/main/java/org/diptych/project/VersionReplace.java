package org.diptych.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * Replacing a language version without losing review work. The new file's paragraphs are matched with the
 * old version's (in order, by their markup as imported or as corrected in the desk): a matched paragraph
 * keeps its id (and a correction made in the desk), the others get new ids. Every stored alignment of that
 * language is then re-aligned around its confirmed beads whose paragraphs are all still there (the rest is
 * aligned afresh by the {@link Realign} given), translation records and the edit log keep the entries of
 * paragraphs that are still there. Everything is written as one {@link Transaction}; the old files are kept
 * in {@code backups/replaced/<id>/<lang>/<time>/} so that {@link #restorePrevious} can undo the replace.
 */
public final class VersionReplace {
    public static final String SNAPSHOTS = "replaced";
    private static final String UNDO_FILE = "undo.json";
    private static final Pattern ALIGN = Pattern.compile("align\\.([A-Za-z-]+?)-([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\\.json");
    private static final Pattern TRANSLATE = Pattern.compile("translate\\.([A-Za-z-]+?)-([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\\.json");

    private VersionReplace() {}

    /** Aligns two versions keeping the confirmed beads of {@code previous} (the engine, given by the caller). */
    @FunctionalInterface
    public interface Realign {
        Alignment align(String statementId, DocumentVersion source, DocumentVersion target, Alignment previous);
    }

    /** What replacing does to one stored alignment. */
    public record PairChange(String sourceLang, String targetLang, int confirmedBefore, int confirmedKept,
                             Alignment result) {
        public int confirmedLost() {
            return confirmedBefore - confirmedKept;
        }
    }

    /** A replace worked out but not yet written. */
    public record Plan(String statementId, DocumentVersion version, int unchanged, int added, int removed,
                       List<PairChange> pairs, Map<Path, byte[]> otherFiles) {
        /** Confirmed beads (over all pairs) that no longer apply. */
        public int confirmedLost() {
            return pairs.stream().mapToInt(PairChange::confirmedLost).sum();
        }

        /** One line: "3 paragraphs unchanged, 1 new, 1 gone; en-ru: 8 of 9 confirmed beads kept". */
        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(unchanged).append(" paragraph").append(unchanged == 1 ? "" : "s").append(" unchanged, ")
                    .append(added).append(" new, ").append(removed).append(" gone");
            for (PairChange c : pairs) {
                b.append("; ").append(c.sourceLang()).append('-').append(c.targetLang()).append(" re-aligned: ")
                        .append(c.confirmedKept()).append(" of ").append(c.confirmedBefore()).append(" confirmed beads kept");
            }
            return b.toString();
        }
    }

    /** Refused because confirmed beads would be lost and the caller did not allow it. */
    public static final class ReviewWouldBeLost extends DiptychException {
        private final transient Plan plan;

        public ReviewWouldBeLost(String message, Plan plan) {
            super(message);
            this.plan = plan;
        }

        public Plan plan() {
            return plan;
        }
    }

    /**
     * Works out the replace of {@code old} by {@code incoming} (paragraph ids of the file as read:
     * {@code p1..pN}) and the re-alignment of every stored pair of that language; writes nothing.
     */
    public static Plan plan(Project p, String statementId, DocumentVersion old, DocumentVersion incoming, Realign realign) {
        String lang = incoming.lang();
        List<TextEditEntry> edits = readEdits(p, statementId, lang);
        Map<String, String> originalMarkup = new HashMap<>();
        for (TextEditEntry e : edits) originalMarkup.putIfAbsent(e.paragraphId, e.before);
        List<Paragraph> op = old.paragraphs(), np = incoming.paragraphs();
        int[] match = match(op, np, originalMarkup);
        int next = Math.max(maxId(op), 0);
        List<Paragraph> out = new ArrayList<>(np.size());
        int unchanged = 0;
        for (int j = 0; j < np.size(); j++) {
            if (match[j] >= 0) {
                // unchanged: the old paragraph, its id and any correction made in the desk
                out.add(op.get(match[j]));
                unchanged++;
            } else {
                Paragraph n = np.get(j);
                out.add(new Paragraph("p" + (++next), n.kind(), n.level(), n.markup(), n.text()));
            }
        }
        DocumentVersion v = incoming.withParagraphs(out);
        Set<String> kept = new java.util.HashSet<>();
        for (Paragraph x : out) kept.add(x.id());

        List<PairChange> pairs = new ArrayList<>();
        Map<Path, byte[]> other = new LinkedHashMap<>();
        Path sd = p.statementDir(statementId);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sd)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                Matcher a = ALIGN.matcher(name), t = TRANSLATE.matcher(name);
                if (a.matches() && (a.group(1).equals(lang) || a.group(2).equals(lang))) {
                    String src = a.group(1), tgt = a.group(2);
                    Alignment prev = p.loadAlignment(statementId, src, tgt).orElse(null);
                    DocumentVersion other1 = p.loadVersion(statementId, src.equals(lang) ? tgt : src).orElse(null);
                    if (prev == null || other1 == null) continue;
                    DocumentVersion s = src.equals(lang) ? v : other1, g = src.equals(lang) ? other1 : v;
                    Alignment r = realign.align(statementId, s, g, prev);
                    r.validate(s, g);
                    int before = (int) prev.beads().stream().filter(Bead::isConfirmed).count();
                    Set<Bead> stillThere = new java.util.HashSet<>(r.beads());
                    int keptConfirmed = (int) prev.beads().stream().filter(b -> b.isConfirmed() && stillThere.contains(b)).count();
                    pairs.add(new PairChange(src, tgt, before, keptConfirmed, r));
                } else if (t.matches() && t.group(2).equals(lang)) {
                    // records are keyed by target paragraph id: keep those of paragraphs still there
                    JsonNode n = Project.json().readTree(Files.readAllBytes(SafePaths.requireInside(p.dir(), f, "translation records")));
                    if (n instanceof ObjectNode o) {
                        ObjectNode copy = o.deepCopy();
                        copy.retain(kept);
                        if (copy.size() != o.size()) other.put(f, Project.json().writeValueAsBytes(copy));
                    }
                }
            }
            Path ef = p.versionDir(statementId, lang).resolve("edits.json");
            if (!edits.isEmpty()) {
                JsonNode arr = Project.json().readTree(Files.readAllBytes(SafePaths.requireInside(p.dir(), ef, "edit log")));
                com.fasterxml.jackson.databind.node.ArrayNode keptEdits = Project.json().createArrayNode();
                for (JsonNode e : arr) if (kept.contains(e.path("paragraphId").asText())) keptEdits.add(e);
                if (keptEdits.size() != arr.size()) other.put(ef, Project.json().writeValueAsBytes(keptEdits));
            }
        } catch (IOException e) {
            throw new DiptychException(sd + ": cannot read the statement (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
        pairs.sort(java.util.Comparator.comparing(c -> c.sourceLang() + "-" + c.targetLang()));
        return new Plan(statementId, v, unchanged, np.size() - unchanged, op.size() - unchanged, pairs, other);
    }

    /**
     * Writes a plan: the new original ({@code originalBytes}), {@code version.json}, the re-aligned pairs,
     * the kept records and edits; removes the old original if it had another name. One transaction; the
     * files as they were go to a snapshot folder under {@code backups/replaced/}, which is returned.
     */
    public static Path apply(Project p, Plan plan, byte[] originalBytes, Path oldOriginal) {
        String id = plan.statementId(), lang = plan.version().lang();
        Path vd = p.versionDir(id, lang);
        Path snap = p.dir().resolve(Project.BACKUPS).resolve(SNAPSHOTS).resolve(id).resolve(lang)
                .resolve(Instant.now().toString().replace(':', '-'));
        Transaction tx = p.transaction(snap);
        List<String> created = new ArrayList<>(), touched = new ArrayList<>();
        try {
            Project.checkOriginalName(plan.version().originalFile());
            Map<Path, byte[]> puts = new LinkedHashMap<>();
            puts.put(vd.resolve(plan.version().originalFile()), originalBytes);
            puts.put(vd.resolve(Project.VERSION_FILE), Project.json().writeValueAsBytes(plan.version()));
            for (PairChange c : plan.pairs()) {
                puts.put(p.alignmentFile(id, c.sourceLang(), c.targetLang()), Project.json().writeValueAsBytes(c.result()));
            }
            puts.putAll(plan.otherFiles());
            for (Map.Entry<Path, byte[]> e : puts.entrySet()) {
                tx.put(e.getKey(), e.getValue());
                (Files.exists(e.getKey()) ? touched : created).add(rel(p, e.getKey()));
            }
            if (oldOriginal != null && !oldOriginal.equals(vd.resolve(plan.version().originalFile()))) {
                tx.delete(oldOriginal);
                touched.add(rel(p, oldOriginal));
            }
            ObjectNode undo = Project.json().createObjectNode();
            undo.putPOJO("created", created);
            undo.putPOJO("replaced", touched);
            // what each file holds right after the replace (null: gone), so an undo can see a later change
            ObjectNode after = undo.putObject("after");
            for (Map.Entry<Path, byte[]> e : puts.entrySet()) after.put(rel(p, e.getKey()), sha256(e.getValue()));
            if (oldOriginal != null && !oldOriginal.equals(vd.resolve(plan.version().originalFile()))) {
                after.putNull(rel(p, oldOriginal));
            }
            // the undo list goes in with the backups, before anything switches
            AtomicFiles.write(SafePaths.requireInside(p.dir(), snap.resolve(UNDO_FILE), "backup"),
                    Project.json().writeValueAsBytes(undo), null);
        } catch (IOException e) {
            throw new DiptychException(vd + ": cannot replace the version (" + Messages.oneLine(String.valueOf(e.getMessage()))
                    + "); nothing was changed", e);
        }
        tx.commit("the new " + lang + " version of " + id);
        return snap;
    }

    /** The newest snapshot of a replace of this version, or {@code null}. */
    public static Path lastSnapshot(Project p, String statementId, String lang) {
        Path d = p.dir().resolve(Project.BACKUPS).resolve(SNAPSHOTS).resolve(statementId).resolve(lang);
        if (!SafePaths.isDirectory(d)) return null;
        Path best = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path s : ds) {
                if (!SafePaths.isRegularFile(s.resolve(UNDO_FILE))) continue;
                if (best == null || s.getFileName().toString().compareTo(best.getFileName().toString()) > 0) best = s;
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }

    /** What undoing a replace did. */
    public record Undone(String statementId, String lang, Path snapshot, int restored, int removed) {
        /** One line: "restored the en version of ID as it was before the replace of 2024-…: 3 files restored, 0 removed". */
        public String summary() {
            return "restored the " + lang + " version of " + statementId + " and its alignments as they were before the replace of "
                    + snapshot.getFileName() + " (" + restored + " file" + (restored == 1 ? "" : "s") + " restored, " + removed
                    + " removed)";
        }
    }

    /** Refused: a file the replace wrote changed since (a review step, another import). */
    public static final class ChangedSince extends DiptychException {
        public ChangedSince(String message) {
            super(message);
        }
    }

    /**
     * Whether the last replace of a version can be undone: there is one, and every file it wrote still holds
     * what it wrote.
     */
    public static boolean canUndo(Project p, String statementId, String lang) {
        Path snap = lastSnapshot(p, statementId, lang);
        if (snap == null) return false;
        try {
            return changedSince(p, Project.json().readTree(Files.readAllBytes(snap.resolve(UNDO_FILE)))) == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The language of the statement's most recent replace that can still be undone ({@link #canUndo}), or
     * {@code null}: what the window's "Undo replace" works on.
     */
    public static String undoableLanguage(Project p, String statementId) {
        String best = null, bestTime = null;
        for (String lang : p.versionLanguages(statementId)) {
            Path snap = lastSnapshot(p, statementId, lang);
            if (snap == null || !canUndo(p, statementId, lang)) continue;
            String t = snap.getFileName().toString();
            if (bestTime == null || t.compareTo(bestTime) > 0) {
                best = lang;
                bestTime = t;
            }
        }
        return best;
    }

    /**
     * Undoes the last replace of a version: the files it replaced come back from its snapshot, the ones it
     * created are removed, and the snapshot is marked used, all in one transaction (the files as they were
     * just before the undo go to the snapshot's {@code undone/} folder). Returns false if there is none.
     *
     * @throws ChangedSince if a file the replace wrote changed since (nothing is changed)
     */
    public static boolean restorePrevious(Project p, String statementId, String lang) {
        return undo(p, statementId, lang) != null;
    }

    /**
     * As {@link #restorePrevious}, saying what it did; {@code null} if the version was never replaced (or
     * every replace is undone already).
     */
    public static Undone undo(Project p, String statementId, String lang) {
        Path snap = lastSnapshot(p, statementId, lang);
        if (snap == null) return null;
        Transaction tx = p.transaction(snap.resolve("undone"));
        int restored = 0, removed = 0;
        try {
            byte[] undoBytes = Files.readAllBytes(SafePaths.requireInside(p.dir(), snap.resolve(UNDO_FILE), "backup"));
            JsonNode undo = Project.json().readTree(undoBytes);
            String changed = changedSince(p, undo);
            if (changed != null) {
                throw new ChangedSince(p.dir().resolve(changed) + ": changed since the " + lang + " version of " + statementId
                        + " was replaced (" + snap.getFileName() + "); the replace was not undone");
            }
            for (JsonNode c : undo.path("created")) {
                tx.delete(SafePaths.under(p.dir(), c.asText(), "restored file"));
                removed++;
            }
            for (JsonNode r : undo.path("replaced")) {
                Path b = SafePaths.under(snap, r.asText(), "backup");
                if (!SafePaths.isRegularFile(b)) throw new IOException(b + " is missing");
                tx.put(SafePaths.under(p.dir(), r.asText(), "restored file"), Files.readAllBytes(b));
                restored++;
            }
            // marked used in the same change: a crash leaves the replace either undone and marked, or neither
            tx.put(snap.resolve("undone.json"), undoBytes);
            tx.delete(snap.resolve(UNDO_FILE));
        } catch (IOException e) {
            throw new DiptychException(snap + ": cannot read the previous version (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
        tx.commit("the previous " + lang + " version of " + statementId);
        return new Undone(statementId, lang, snap, restored, removed);
    }

    /** The first file (relative) that no longer holds what the replace wrote, or null. Old snapshots: never. */
    private static String changedSince(Project p, JsonNode undo) throws IOException {
        JsonNode after = undo.path("after");
        if (!after.isObject()) return null;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path f = SafePaths.under(p.dir(), e.getKey(), "replaced file");
            boolean exists = java.nio.file.Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (e.getValue().isNull()) {
                if (exists) return e.getKey();
            } else if (!exists || !SafePaths.isRegularFile(f) || !sha256(Files.readAllBytes(f)).equals(e.getValue().asText())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rel(Project p, Path f) {
        return p.dir().toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private record TextEditEntry(String paragraphId, String before) {}

    private static List<TextEditEntry> readEdits(Project p, String statementId, String lang) {
        Path f = p.versionDir(statementId, lang).resolve("edits.json");
        if (!SafePaths.isRegularFile(f)) return List.of();
        try {
            List<Map<String, Object>> raw = Project.json().readValue(f.toFile(), new TypeReference<List<Map<String, Object>>>() {});
            List<TextEditEntry> out = new ArrayList<>();
            for (Map<String, Object> m : raw) {
                out.add(new TextEditEntry(String.valueOf(m.get("paragraphId")), String.valueOf(m.get("before"))));
            }
            return out;
        } catch (IOException e) {
            throw new DiptychException(f + ": damaged edit log (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    private static int maxId(List<Paragraph> ps) {
        int max = 0;
        for (Paragraph x : ps) {
            if (x.id().matches("p\\d{1,9}")) max = Math.max(max, Integer.parseInt(x.id().substring(1)));
        }
        return max;
    }

    /**
     * For each new paragraph the old one it is (index), or -1: a longest common subsequence of paragraphs
     * equal by markup (the old one as it is now, or as imported before a desk correction). Common ends are
     * matched directly; the middle by dynamic programming, or greedily in order when it is very large.
     */
    static int[] match(List<Paragraph> op, List<Paragraph> np, Map<String, String> originalMarkup) {
        int n = op.size(), m = np.size();
        int[] res = new int[m];
        java.util.Arrays.fill(res, -1);
        int lo = 0;
        while (lo < n && lo < m && same(op.get(lo), np.get(lo), originalMarkup)) {
            res[lo] = lo;
            lo++;
        }
        int hiO = n, hiN = m;
        while (hiO > lo && hiN > lo && same(op.get(hiO - 1), np.get(hiN - 1), originalMarkup)) {
            res[hiN - 1] = hiO - 1;
            hiO--;
            hiN--;
        }
        int a = hiO - lo, b = hiN - lo;
        if (a == 0 || b == 0) return res;
        if ((long) a * b <= 4_000_000L) {
            int[][] dp = new int[a + 1][b + 1];
            for (int i = a - 1; i >= 0; i--) {
                for (int j = b - 1; j >= 0; j--) {
                    dp[i][j] = same(op.get(lo + i), np.get(lo + j), originalMarkup) ? dp[i + 1][j + 1] + 1
                            : Math.max(dp[i + 1][j], dp[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < a && j < b) {
                if (same(op.get(lo + i), np.get(lo + j), originalMarkup)) {
                    res[lo + j] = lo + i;
                    i++;
                    j++;
                } else if (dp[i + 1][j] >= dp[i][j + 1]) {
                    i++;
                } else {
                    j++;
                }
            }
        } else {
            Map<String, java.util.ArrayDeque<Integer>> at = new HashMap<>();
            for (int j = lo; j < hiN; j++) at.computeIfAbsent(np.get(j).markup(), k -> new java.util.ArrayDeque<>()).add(j);
            int last = lo - 1;
            for (int i = lo; i < hiO; i++) {
                java.util.ArrayDeque<Integer> q = at.get(op.get(i).markup());
                while (q != null && !q.isEmpty() && q.peekFirst() <= last) q.pollFirst();
                if (q != null && !q.isEmpty()) {
                    last = q.pollFirst();
                    res[last] = i;
                }
            }
        }
        return res;
    }

    private static boolean same(Paragraph old, Paragraph neu, Map<String, String> originalMarkup) {
        String nm = neu.markup().strip();
        if (old.markup().strip().equals(nm)) return true;
        String orig = originalMarkup.get(old.id());
        return orig != null && orig.strip().equals(nm);
    }
}
