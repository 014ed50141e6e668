package org.diptych.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Languages;
import org.diptych.model.Statement;

/**
 * A Diptych project folder. Layout (all text, diff-friendly):
 *
 * <pre>
 * diptych.json                              manifest (schema version, name, languages, site profiles)
 * statements/&lt;id&gt;/&lt;lang&gt;/&lt;original file&gt;     the imported file, byte for byte, never modified
 * statements/&lt;id&gt;/&lt;lang&gt;/version.json         its parsed form (front matter, paragraphs)
 * statements/&lt;id&gt;/align.&lt;src&gt;-&lt;tgt&gt;.json        alignment of two versions
 * tm/                                       translation memory (TMX record + derived Lucene index)
 * backups/&lt;same relative path&gt;              the previous content of every file the store replaced
 * .diptych.lock                             held while a process writes the project
 * </pre>
 *
 * A project opened with {@link #open(Path, boolean) open(dir, true)} holds the lock until {@link #close()}.
 * Every write is atomic ({@link AtomicFiles}) and keeps the previous version under {@code backups/}.
 */
public final class Project implements AutoCloseable {
    public static final String MANIFEST = "diptych.json";
    public static final String STATEMENTS = "statements";
    public static final String BACKUPS = "backups";
    public static final String TM = "tm";
    public static final String VERSION_FILE = "version.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path dir;
    private final ProjectLock lock;
    private Manifest manifest;

    private Project(Path dir, Manifest manifest, ProjectLock lock) {
        this.dir = dir;
        this.manifest = manifest;
        this.lock = lock;
    }

    /** The JSON mapper the store uses; shared so that other parts write the same style. */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Creates a new project folder (which must not exist or be empty) and opens it for writing.
     */
    public static Project create(Path dir, String name, List<String> languages) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new DiptychException(dir + ": exists and is not a folder");
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                if (ds.iterator().hasNext()) {
                    throw new DiptychException(dir + ": folder is not empty; choose a new folder for the project");
                }
            } catch (IOException e) {
                throw new DiptychException(dir + ": cannot read folder (" + e.getMessage() + ")", e);
            }
        }
        List<String> langs = new ArrayList<>();
        for (String l : languages) {
            try {
                String n = Languages.normalize(l);
                if (!langs.contains(n)) langs.add(n);
            } catch (IllegalArgumentException e) {
                throw new DiptychException(e.getMessage());
            }
        }
        try {
            Files.createDirectories(dir.resolve(STATEMENTS));
            Files.createDirectories(dir.resolve(TM));
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot create project folder (" + e.getMessage() + ")", e);
        }
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            // A project is meant to live in git: keep the lock and the backups out of it.
            Files.writeString(dir.resolve(".gitignore"), ProjectLock.FILE + "\n" + BACKUPS + "/\n");
        } catch (IOException e) {
            lock.close();
            throw new DiptychException(dir + ": cannot create project folder (" + e.getMessage() + ")", e);
        }
        Project p = new Project(dir, new Manifest(Manifest.CURRENT_SCHEMA,
                name == null || name.isBlank() ? dir.toAbsolutePath().getFileName().toString() : name, langs, Map.of()), lock);
        p.saveManifest(p.manifest);
        return p;
    }

    /**
     * Opens an existing project. With {@code forWriting} the project lock is taken (and must be released
     * with {@link #close()}); without it the project can only be read.
     *
     * @throws DiptychException if the folder is not a project, the manifest is damaged, the project was
     *                          written by a newer Diptych, or (for writing) another process holds it
     */
    public static Project open(Path dir, boolean forWriting) {
        Manifest m = readManifest(dir);
        ProjectLock lock = forWriting ? ProjectLock.acquire(dir) : null;
        if (lock != null) {
            try {
                // under the lock: finish a change a crash interrupted, then drop the temporary files of crashes
                Transaction.recover(dir);
                AtomicFiles.cleanTemps(dir, java.util.Set.of(TM));
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }
        return new Project(dir, m, lock);
    }

    static Manifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new DiptychException(dir + ": no such project folder");
        }
        if (Files.isSymbolicLink(file)) {
            throw new DiptychException(file + ": is a symbolic link; a project's manifest must be a file of its own");
        }
        if (!Files.isRegularFile(file)) {
            throw new DiptychException(dir + ": not a Diptych project (no " + MANIFEST + "); create one with 'diptych new'");
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DiptychException(file + ": damaged manifest (" + firstLine(e.getOriginalMessage()) + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (node == null || !node.isObject() || !node.path("schemaVersion").canConvertToInt()
                || !node.path("schemaVersion").isIntegralNumber()) {
            throw new DiptychException(file + ": damaged manifest (no schemaVersion)");
        }
        int schema = node.get("schemaVersion").asInt();
        if (schema > Manifest.CURRENT_SCHEMA) {
            throw new DiptychException(file + ": written by a newer Diptych (schema " + schema
                    + ", this version reads up to " + Manifest.CURRENT_SCHEMA + "); update Diptych to open it");
        }
        if (schema < 1) {
            throw new DiptychException(file + ": damaged manifest (schemaVersion " + schema + ")");
        }
        try {
            return JSON.treeToValue(node, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new DiptychException(file + ": damaged manifest (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public boolean writable() {
        return lock != null;
    }

    public Path tmDir() {
        return dir.resolve(TM);
    }

    public Path statementDir(String statementId) {
        try {
            Statement.validateId(statementId);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
        return dir.resolve(STATEMENTS).resolve(statementId);
    }

    public Path versionDir(String statementId, String lang) {
        return statementDir(statementId).resolve(SafePaths.name(lang, "language"));
    }

    /** Statement ids present in the project, sorted. */
    public List<String> statementIds() {
        Path root = dir.resolve(STATEMENTS);
        if (!Files.isDirectory(root)) return List.of();
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, SafePaths::isDirectory)) {
            // a folder whose name is no valid id (or a link) is not a statement: never built into a path
            for (Path p : ds) {
                String id = p.getFileName().toString();
                if (Statement.isValidId(id)) ids.add(id);
            }
        } catch (IOException e) {
            throw new DiptychException(root + ": cannot list statements (" + e.getMessage() + ")", e);
        }
        Collections.sort(ids);
        return ids;
    }

    /** Languages that have a version of the statement, sorted. */
    public List<String> versionLanguages(String statementId) {
        Path sd = statementDir(statementId);
        List<String> langs = new ArrayList<>();
        if (!Files.isDirectory(sd)) return langs;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sd,
                p -> SafePaths.isDirectory(p) && SafePaths.isRegularFile(p.resolve(VERSION_FILE)))) {
            for (Path p : ds) {
                String lang = p.getFileName().toString();
                if (isLanguage(lang)) langs.add(lang);
            }
        } catch (IOException e) {
            throw new DiptychException(sd + ": cannot list versions (" + e.getMessage() + ")", e);
        }
        Collections.sort(langs);
        return langs;
    }

    private static boolean isLanguage(String code) {
        try {
            return Languages.normalize(code).equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Statement loadStatement(String statementId) {
        Map<String, DocumentVersion> versions = new TreeMap<>();
        for (String lang : versionLanguages(statementId)) {
            versions.put(lang, loadVersion(statementId, lang).orElseThrow());
        }
        if (versions.isEmpty() && !Files.isDirectory(statementDir(statementId))) {
            throw new DiptychException(dir + ": no statement '" + statementId + "' in the project");
        }
        return new Statement(statementId, versions);
    }

    public Optional<DocumentVersion> loadVersion(String statementId, String lang) {
        return readJson(versionDir(statementId, lang).resolve(VERSION_FILE), DocumentVersion.class);
    }

    /** The original file of a version as imported, or empty if the version has none (translated in Diptych). */
    public Optional<Path> originalFile(String statementId, String lang) {
        DocumentVersion v = loadVersion(statementId, lang).orElse(null);
        if (v == null || v.originalFile() == null) return Optional.empty();
        Path vd = versionDir(statementId, lang);
        Path vf = vd.resolve(VERSION_FILE);
        String name = v.originalFile();
        if (name.equals(VERSION_FILE) || !org.diptych.model.PortableNames.isPortable(name)) {
            throw new DiptychException(vf + ": names the original '" + Messages.printable(name)
                    + "', which is not a file of the version's folder; refused");
        }
        Path p = vd.resolve(name);
        if (Files.isSymbolicLink(p)) {
            throw new DiptychException(p + ": the original is a symbolic link; refused (a project's files must be its own)");
        }
        SafePaths.requireInside(dir, p, "original file");
        return SafePaths.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Stores a version. With {@code originalBytes} the original file is stored too (under
     * {@link DocumentVersion#originalFile()}), before the parsed form, so that a crash in between leaves
     * no parsed version without its original.
     */
    public void saveVersion(String statementId, DocumentVersion version, byte[] originalBytes) {
        requireWritable();
        Path vd = versionDir(statementId, version.lang());
        Transaction tx = transaction();
        try {
            if (originalBytes != null) {
                checkOriginalName(version.originalFile());
                tx.put(vd.resolve(version.originalFile()), originalBytes);
            }
            tx.put(vd.resolve(VERSION_FILE), JSON.writeValueAsBytes(version));
        } catch (IOException e) {
            throw new DiptychException(vd + ": cannot save version (" + e.getMessage() + ")", e);
        }
        tx.commit("the " + version.lang() + " version of " + statementId);
    }

    /** A version to store with its original bytes (or {@code null} for none), for {@link #saveVersions}. */
    public record VersionFiles(String statementId, DocumentVersion version, byte[] originalBytes) {}

    /**
     * Stores several versions in one {@link Transaction}: all of them or none, also on a full disk or a kill -9,
     * with one plan and one forced write per folder for the whole batch (what a site import of thousands of
     * posts needs instead of a transaction per version).
     */
    public void saveVersions(List<VersionFiles> versions) {
        requireWritable();
        if (versions.isEmpty()) return;
        Transaction tx = transaction();
        for (VersionFiles f : versions) {
            Path vd = versionDir(f.statementId(), f.version().lang());
            try {
                if (f.originalBytes() != null) {
                    checkOriginalName(f.version().originalFile());
                    tx.put(vd.resolve(f.version().originalFile()), f.originalBytes());
                }
                tx.put(vd.resolve(VERSION_FILE), JSON.writeValueAsBytes(f.version()));
            } catch (IOException e) {
                throw new DiptychException(vd + ": cannot save version (" + e.getMessage() + ")", e);
            }
        }
        VersionFiles first = versions.get(0);
        tx.commit(versions.size() == 1 ? "the " + first.version().lang() + " version of " + first.statementId()
                : versions.size() + " versions (" + first.statementId() + " and others)");
    }

    /** Refuses a name that cannot be an original beside {@code version.json}. */
    public static void checkOriginalName(String name) {
        if (name == null || name.equals(VERSION_FILE) || name.startsWith(".")) {
            throw new DiptychException("'" + Messages.printable(name) + "' cannot be the name of an imported original");
        }
        SafePaths.name(name, "original file name");
    }

    /** A new multi-file change whose previous contents go to {@code backups/}. */
    public Transaction transaction() {
        requireWritable();
        return new Transaction(this, null);
    }

    /** A new multi-file change whose previous contents go to {@code backupRoot} (a folder under {@code backups/}). */
    public Transaction transaction(Path backupRoot) {
        requireWritable();
        SafePaths.requireInside(dir.resolve(BACKUPS), backupRoot, "backup folder");
        return new Transaction(this, backupRoot);
    }

    public Path alignmentFile(String statementId, String sourceLang, String targetLang) {
        return statementDir(statementId).resolve("align." + sourceLang + "-" + targetLang + ".json");
    }

    public Optional<Alignment> loadAlignment(String statementId, String sourceLang, String targetLang) {
        return readJson(alignmentFile(statementId, sourceLang, targetLang), Alignment.class);
    }

    public void saveAlignment(Alignment alignment) {
        requireWritable();
        Path f = alignmentFile(alignment.statementId(), alignment.sourceLang(), alignment.targetLang());
        try {
            write(f, JSON.writeValueAsBytes(alignment));
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot save alignment (" + e.getMessage() + ")", e);
        }
    }

    /** Stores alignments in one {@link Transaction} (all or none; previous contents kept in {@code backups/}). */
    public void saveAlignments(List<Alignment> alignments) {
        requireWritable();
        if (alignments.isEmpty()) return;
        Transaction tx = transaction();
        for (Alignment a : alignments) {
            Path f = alignmentFile(a.statementId(), a.sourceLang(), a.targetLang());
            try {
                tx.put(f, JSON.writeValueAsBytes(a));
            } catch (IOException e) {
                throw new DiptychException(f + ": cannot save alignment (" + e.getMessage() + ")", e);
            }
        }
        tx.commit(alignments.size() == 1 ? "the alignment of " + alignments.get(0).statementId()
                : alignments.size() + " alignments (" + alignments.get(0).statementId() + " and others)");
    }

    public void saveManifest(Manifest m) {
        requireWritable();
        Path f = dir.resolve(MANIFEST);
        try {
            write(f, JSON.writeValueAsBytes(m));
            this.manifest = m;
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot save manifest (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes any project file atomically, keeping the previous content under {@code backups/}.
     * Other parts of Diptych (TM, glossary, preferences kept in the project) use this too.
     */
    public void write(Path file, byte[] content) throws IOException {
        requireWritable();
        Path rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        if (rel.startsWith("..")) {
            throw new IllegalArgumentException(file + " is outside the project");
        }
        // no symbolic link on the way (a cloned project's backups/, tm/ or statements/<id>/<lang>)
        SafePaths.requireInside(dir, file, "project file");
        Path backup = SafePaths.requireInside(dir, dir.resolve(BACKUPS).resolve(rel.toString()), "backup");
        AtomicFiles.write(file, content, backup);
    }

    private <T> Optional<T> readJson(Path file, Class<T> type) {
        SafePaths.requireInside(dir, file, "project file");
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new DiptychException(file + ": damaged file (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void requireWritable() {
        if (lock == null) {
            throw new IllegalStateException("project " + dir + " was opened read-only");
        }
    }

    @Override
    public void close() {
        if (lock != null) lock.close();
    }
}
