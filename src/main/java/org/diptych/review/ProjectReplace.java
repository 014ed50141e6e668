package org.diptych.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.project.SafePaths;
import org.diptych.project.Transaction;

/**
 * Find and replace across versions: every version of one statement, or every statement of the project, in
 * the chosen languages. {@link #preview} lists what would change; {@link #apply} writes all the changed
 * versions and their edit logs (each change logged as a text correction) as one {@link Transaction}, with
 * the previous files kept in {@code backups/replace-all/<time>/} beside an {@code undo.json};
 * {@link #undoLast} puts them back, as one transaction, unless a version changed since.
 * Imported originals are never touched: export writes the corrected text.
 */
public final class ProjectReplace {
    public static final String BACKUPS = "replace-all";
    private static final String UNDO = "undo.json";
    private static final String UNDONE = "undone.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /**
     * Where to look.
     *
     * @param statements the statements (empty: every statement of the project)
     * @param languages  the versions' languages (empty: every language)
     */
    public record Scope(List<String> statements, List<String> languages) {
        public Scope {
            statements = List.copyOf(statements);
            languages = List.copyOf(languages);
        }

        public static Scope project(List<String> languages) {
            return new Scope(List.of(), languages);
        }

        public static Scope statement(String id, List<String> languages) {
            return new Scope(List.of(id), languages);
        }
    }

    /** The paragraphs of one version that a query changes. */
    public record VersionHits(String statementId, String lang, List<FindReplace.Change> changes) {
        public VersionHits {
            changes = List.copyOf(changes);
        }

        public int occurrences() {
            return changes.stream().mapToInt(FindReplace.Change::count).sum();
        }
    }

    /** What a replace (or its undo) did. */
    public record Result(int occurrences, int paragraphs, List<VersionHits> versions, Path backup) {}

    private ProjectReplace() {}

    /** Every paragraph of the scope's versions that {@code q} changes, by statement then language. */
    public static List<VersionHits> preview(Project p, Scope scope, FindReplace.Query q, BooleanSupplier cancelled) {
        List<String> ids = scope.statements().isEmpty() ? p.statementIds() : scope.statements();
        List<VersionHits> out = new ArrayList<>();
        for (String id : ids) {
            if (cancelled.getAsBoolean()) break;
            for (String lang : p.versionLanguages(id)) {
                if (!scope.languages().isEmpty() && !scope.languages().contains(lang)) continue;
                DocumentVersion v = ReviewStore.version(p, id, lang);
                List<FindReplace.Change> ch = FindReplace.changes(v, q);
                if (!ch.isEmpty()) out.add(new VersionHits(id, lang, ch));
            }
        }
        return out;
    }

    /**
     * Writes the previewed changes as one transaction.
     *
     * @throws DiptychException if there is nothing to replace or a paragraph changed since the preview (then
     *                          nothing is written)
     */
    public static Result apply(Project p, List<VersionHits> hits, String reviewer, Clock clock) {
        if (hits.isEmpty()) throw new DiptychException("nothing to replace");
        Instant now = clock.instant();
        Path backup = freeFolder(p.dir().resolve(Project.BACKUPS).resolve(BACKUPS), STAMP.format(now));
        Transaction tx = p.transaction(backup);
        ArrayNode files = Project.json().createArrayNode();
        int occurrences = 0;
        int paragraphs = 0;
        try {
            for (VersionHits vh : hits) {
                DocumentVersion v = ReviewStore.version(p, vh.statementId(), vh.lang());
                List<Paragraph> ps = new ArrayList<>(v.paragraphs());
                List<TextEdit> log = new ArrayList<>(ReviewStore.loadEdits(p, vh.statementId(), vh.lang()));
                for (FindReplace.Change c : vh.changes()) {
                    Paragraph para = v.paragraph(c.paragraphId());
                    if (para == null || !para.markup().equals(c.before())) {
                        throw new DiptychException(p.versionDir(vh.statementId(), vh.lang()) + ": paragraph " + c.paragraphId()
                                + " changed since the preview; nothing was replaced, preview again");
                    }
                    ps.set(ps.indexOf(para), para.withText(c.after(), MarkupText.plain(c.after())));
                    log.add(new TextEdit(c.paragraphId(), c.before(), c.after(), reviewer, now));
                    occurrences += c.count();
                    paragraphs++;
                }
                Path vd = p.versionDir(vh.statementId(), vh.lang());
                put(tx, files, p, vd.resolve(Project.VERSION_FILE), Project.json().writeValueAsBytes(v.withParagraphs(ps)));
                put(tx, files, p, ReviewStore.editsFile(p, vh.statementId(), vh.lang()), Project.json().writeValueAsBytes(log));
            }
            ObjectNode undo = Project.json().createObjectNode();
            undo.put("at", now.toString());
            undo.put("occurrences", occurrences);
            undo.set("files", files);
            // the undo list is written with the backups, before anything switches: a crash leaves it beside
            // backups of files that were never changed, which undoLast then finds unchanged and skips
            org.diptych.project.AtomicFiles.write(backup.resolve(UNDO), Project.json().writeValueAsBytes(undo), null);
        } catch (IOException e) {
            throw new DiptychException(p.dir() + ": cannot prepare the replace (" + e.getMessage() + "); nothing was changed", e);
        }
        try {
            tx.commit(occurrences + " replacements in " + hits.size() + " versions");
        } catch (DiptychException e) {
            if (e.getMessage().contains("nothing was changed")) {
                try {
                    Files.deleteIfExists(backup.resolve(UNDO));
                } catch (IOException ignored) {
                    // an undo list of files the replace never changed: undoLast finds them unchanged
                }
            }
            throw e;
        }
        return new Result(occurrences, paragraphs, List.copyOf(hits), backup);
    }

    private static void put(Transaction tx, ArrayNode files, Project p, Path file, byte[] content) {
        tx.put(file, content);
        files.addObject()
                .put("path", p.dir().relativize(file).toString().replace('\\', '/'))
                .put("existed", Files.exists(file, LinkOption.NOFOLLOW_LINKS))
                .put("sha256", sha256(content));
    }

    /** The last replace across versions that was not undone, if any (its backup folder). */
    public static Optional<Path> last(Project p) {
        Path root = p.dir().resolve(Project.BACKUPS).resolve(BACKUPS);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try (var s = Files.list(root)) {
            return s.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(d.resolve(UNDO), LinkOption.NOFOLLOW_LINKS))
                    .max(java.util.Comparator.comparing(d -> d.getFileName().toString()));
        } catch (IOException e) {
            throw new DiptychException(root + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Undoes the last replace across versions, as one transaction.
     *
     * @return the number of files put back
     * @throws DiptychException if there is none, or one of its files changed since (then nothing changes)
     */
    public static int undoLast(Project p) {
        Path backup = last(p).orElseThrow(() -> new DiptychException(p.dir() + ": no replace to undo"));
        JsonNode undo;
        try {
            undo = Project.json().readTree(Files.readAllBytes(backup.resolve(UNDO)));
        } catch (IOException e) {
            throw new DiptychException(backup.resolve(UNDO) + ": damaged (" + e.getMessage() + ")", e);
        }
        Transaction tx = p.transaction();
        int n = 0;
        try {
            for (JsonNode f : undo.path("files")) {
                String rel = f.path("path").asText();
                Path target = SafePaths.under(p.dir(), rel, "file to restore");
                byte[] now = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(target) : null;
                Path saved = SafePaths.under(backup, rel, "backup");
                if (now == null || !sha256(now).equals(f.path("sha256").asText())) {
                    // unchanged by the replace (a crash before its switch) or changed since
                    byte[] before = Files.exists(saved, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(saved) : null;
                    if (java.util.Arrays.equals(now, before) || (now == null && !f.path("existed").asBoolean())) continue;
                    throw new DiptychException(target + ": changed since the replace of " + undo.path("at").asText()
                            + "; nothing was undone");
                }
                if (f.path("existed").asBoolean()) tx.put(target, Files.readAllBytes(saved));
                else tx.delete(target);
                n++;
            }
        } catch (IOException e) {
            throw new DiptychException(backup + ": cannot read the backups (" + e.getMessage() + "); nothing was undone", e);
        }
        if (!tx.isEmpty()) tx.commit("the undo of the replace of " + undo.path("at").asText());
        try {
            Files.move(backup.resolve(UNDO), backup.resolve(UNDONE));
        } catch (IOException e) {
            throw new DiptychException(backup.resolve(UNDO) + ": undone, but cannot mark it so (" + e.getMessage() + ")", e);
        }
        return n;
    }

    /** The statements a result touched (to reload them). */
    public static List<String> statements(Collection<VersionHits> hits) {
        return hits.stream().map(VersionHits::statementId).distinct().toList();
    }

    private static Path freeFolder(Path root, String stamp) {
        Path d = root.resolve(stamp);
        for (int i = 2; Files.exists(d, LinkOption.NOFOLLOW_LINKS); i++) d = root.resolve(stamp + "-" + i);
        return d;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of paragraphs and occurrences of a preview, for messages. */
    public static int[] totals(List<VersionHits> hits) {
        int paras = 0;
        int occ = 0;
        for (VersionHits v : hits) {
            paras += v.changes().size();
            occ += v.occurrences();
        }
        return new int[] {occ, paras};
    }
}
