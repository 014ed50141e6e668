package org.diptych.formats;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.diptych.project.AtomicFiles;
import org.diptych.project.Project;
import org.diptych.project.VersionReplace;
import org.diptych.align.Aligner;
import org.diptych.align.ProjectLexicon;
import org.diptych.Progress;

/**
 * Imports a file as one language version of a statement: reads it with the Okapi filter for its format,
 * detects (or takes) its encoding and language, and stores it in a project.
 * <p>
 * {@link #importFile} only reads; {@link #importInto} reads completely first and writes only when the whole
 * file was understood, so that any failure (bad input, a version that exists already, an I/O error while
 * writing) leaves the project exactly as it was.
 */
public final class Importer {
    /** Files larger than this are refused (statements are a few hundred kilobytes at most). */
    public static final long MAX_BYTES = 64L << 20;

    private Importer() {}

    /**
     * Reads {@code file} without touching any project.
     *
     * @throws DiptychException with a one-line message naming the file and the reason: no such file, a folder,
     *                          empty, unsupported extension, unknown format or encoding, unreadable content
     *                          (damaged DOCX, broken front matter…), no text, language not determinable
     */
    public static ImportResult importFile(Path file, ImportOptions opts) {
        return importFile(file, opts, Progress.NONE);
    }

    /**
     * As {@link #importFile(Path, ImportOptions)}, telling {@code progress} how far it got (in characters of the
     * text read; a plain-text file reports each paragraph) and stopping with {@link Progress.Cancelled} once it
     * is cancelled. It only reads, so a cancel changes nothing.
     */
    public static ImportResult importFile(Path file, ImportOptions opts, Progress progress) {
        if (opts == null) opts = ImportOptions.DEFAULTS;
        if (progress == null) progress = Progress.NONE;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String where = file.toString();
        if (Files.isDirectory(file)) throw new DiptychException(file + ": is a folder, not a file");
        if (!Files.exists(file)) throw new DiptychException(file + ": no such file");
        if (!Files.isRegularFile(file)) throw new DiptychException(file + ": not a regular file");

        Format format;
        if (opts.format() != null && !opts.format().isBlank()) {
            format = Format.byName(opts.format());
            if (format == null) {
                throw new DiptychException(where + ": unknown format '" + opts.format()
                        + "' (use markdown, text, lines, html, docx or xliff)");
            }
        } else {
            format = Format.byFileName(name);
            if (format == null) {
                int dot = name.lastIndexOf('.');
                throw new DiptychException(where + ": unsupported file type "
                        + (dot < 0 ? "(no extension)" : "'" + name.substring(dot) + "'")
                        + "; supported: " + Format.supportedList() + " (or give --format)");
            }
        }
        String givenLang = null;
        if (opts.lang() != null && !opts.lang().isBlank()) {
            try {
                givenLang = Languages.normalize(opts.lang());
            } catch (IllegalArgumentException e) {
                throw new DiptychException(where + ": " + e.getMessage());
            }
        }
        progress.checkCancelled();
        byte[] bytes = readBytes(file);
        progress.checkCancelled();

        List<String> warnings = new ArrayList<>();
        List<Paragraph> paragraphs;
        FrontMatter fm = FrontMatter.NONE;
        String encoding = null, encodingReason = null;
        String declaredLang = null, declaredHow = null;
        switch (format) {
            case DOCX -> paragraphs = DocxReader.read(bytes, where);
            case XLIFF -> {
                XliffReader.Result x = XliffReader.read(bytes, givenLang, where);
                paragraphs = x.paragraphs();
                warnings.addAll(x.warnings());
                encoding = x.encoding();
                encodingReason = "XML declaration";
                declaredLang = x.lang();
                declaredHow = "XLIFF " + x.side() + " language";
            }
            default -> {
                EncodingDetector.Result enc = opts.encoding() != null && !opts.encoding().isBlank()
                        ? forcedEncoding(opts.encoding(), bytes, where)
                        : EncodingDetector.detect(bytes, format == Format.HTML);
                encoding = enc.charset().name();
                encodingReason = enc.reason();
                if (!enc.charset().name().startsWith("UTF-16")) {
                    for (byte b : bytes) {
                        if (b == 0) throw new DiptychException(where + ": looks like a binary file, not text (NUL bytes)");
                    }
                }
                String text = normalizeNewlines(EncodingDetector.decode(bytes, enc, where));
                requireText(text, where);
                progress.checkCancelled();
                switch (format) {
                    case MARKDOWN -> {
                        FrontMatterParser.Split split = FrontMatterParser.split(text, where);
                        fm = split.frontMatter();
                        MarkdownReader.Result md = MarkdownReader.read(split.body(), where, split.bodyFirstLine());
                        paragraphs = md.paragraphs();
                        warnings.addAll(md.warnings());
                        String fmLang = fm.get("lang");
                        if (fmLang == null) fmLang = fm.get("language");
                        if (fmLang != null && !fmLang.isBlank()) {
                            try {
                                declaredLang = Languages.normalize(fmLang);
                                declaredHow = "front matter 'lang'";
                            } catch (IllegalArgumentException e) {
                                warnings.add(where + ": front matter lang '" + fmLang + "' is not a supported language; ignored");
                            }
                        }
                    }
                    case HTML -> {
                        HtmlReader.Result h = HtmlReader.read(text, where);
                        paragraphs = h.paragraphs();
                        if (h.title() != null) {
                            Map<String, Object> fields = new LinkedHashMap<>();
                            fields.put("title", h.title());
                            fm = new FrontMatter(FrontMatter.Style.NONE, "", fields);
                        }
                        if (h.lang() != null) {
                            try {
                                declaredLang = Languages.normalize(h.lang());
                                declaredHow = "<html lang>";
                            } catch (IllegalArgumentException e) {
                                warnings.add(where + ": <html lang=\"" + h.lang() + "\"> is not a supported language; ignored");
                            }
                        }
                    }
                    case LINES -> paragraphs = TextReader.read(text, true, where, progress);
                    default -> paragraphs = TextReader.read(text, false, where, progress);
                }
            }
        }
        progress.checkCancelled();
        if (paragraphs.isEmpty()) throw new DiptychException(where + ": no text to import (no paragraphs found)");

        String lang, langReason;
        if (givenLang != null) {
            lang = givenLang;
            langReason = "given with --lang";
            if (declaredLang != null && !Languages.base(declaredLang).equals(Languages.base(givenLang))) {
                warnings.add(where + ": " + declaredHow + " says " + declaredLang + ", imported as " + givenLang + " as asked");
            }
        } else if (declaredLang != null) {
            lang = declaredLang;
            langReason = declaredHow;
        } else {
            StringBuilder sample = new StringBuilder();
            if (fm.title() != null) sample.append(fm.title()).append('\n');
            for (Paragraph p : paragraphs) {
                if (sample.length() > 20000) break;
                sample.append(p.text()).append('\n');
            }
            LanguageDetector.Result d = LanguageDetector.detect(sample.toString());
            if (d == null) {
                throw new DiptychException(where + ": cannot tell the language (ru, en or pt) from the text; give it with --lang");
            }
            lang = d.lang();
            langReason = d.reason();
        }
        DocumentVersion v = new DocumentVersion(lang, name, format.id(), encoding, fm, paragraphs);
        return new ImportResult(v, bytes, encoding, encodingReason, lang, langReason, warnings);
    }

    /**
     * Reads {@code file} and stores it as the {@code lang} version of statement {@code statementId} (created if
     * new): the original bytes under their file name and the parsed form as {@code version.json}.
     *
     * @param replace whether an existing version of that language may be replaced (its old original is moved
     *                to the project's backups when the new file has another name)
     * @throws DiptychException if the file cannot be imported, the statement id is invalid, the statement already
     *                          has that language and {@code replace} is false, or writing fails; in every case
     *                          the project is left as it was
     */
    public static ImportResult importInto(Project project, String statementId, Path file, ImportOptions opts,
                                          boolean replace) {
        return importInto(project, statementId, file, opts, replace, false);
    }

    /** A project open for writing and a valid statement id, or a one-line error. */
    private static void checkTarget(Project project, String statementId) {
        if (!project.writable()) throw new DiptychException(project.dir() + ": project is open read-only");
        try {
            Statement.validateId(statementId);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
    }

    /**
     * As {@link #importInto(Project, String, Path, ImportOptions, boolean)}; a replace reconciles the stored
     * alignments of that language at once ({@link VersionReplace}: unchanged paragraphs keep their ids, confirmed
     * beads on them stay, the rest is re-aligned around them) in the same all-or-nothing change.
     *
     * @param force allow a replace that leaves confirmed beads without their paragraphs; without it such a
     *              replace is refused with {@link VersionReplace.ReviewWouldBeLost} saying how many
     */
    public static ImportResult importInto(Project project, String statementId, Path file, ImportOptions opts,
                                          boolean replace, boolean force) {
        return importInto(project, statementId, file, opts, replace, force, Progress.NONE);
    }

    /**
     * As {@link #importInto(Project, String, Path, ImportOptions, boolean, boolean)}, telling {@code progress}
     * how far reading the file got; a cancel while reading throws {@link Progress.Cancelled} and leaves the
     * project as it was. Once the file is read it is not cancelled: the change is all or nothing.
     */
    public static ImportResult importInto(Project project, String statementId, Path file, ImportOptions opts,
                                          boolean replace, boolean force, Progress progress) {
        checkTarget(project, statementId); // before the file is read
        ImportResult r = importFile(file, opts, progress);
        if (progress != null) progress.checkCancelled();
        return importInto(project, statementId, file, r, replace, force);
    }

    /**
     * As {@link #importInto(Project, String, Path, ImportOptions, boolean, boolean)} for a file already read
     * with {@link #importFile} (a site import reads every file once, to plan, and stores what it read then).
     *
     * @param file the file {@code r} was read from, for messages
     */
    public static ImportResult importInto(Project project, String statementId, Path file, ImportResult r,
                                          boolean replace, boolean force) {
        checkTarget(project, statementId);
        DocumentVersion v = r.version();
        String lang = v.lang();
        DocumentVersion existing = project.versionLanguages(statementId).contains(lang)
                ? project.loadVersion(statementId, lang).orElse(null) : null;
        if (existing != null && !replace) {
            throw new VersionExists(file + ": statement '" + statementId + "' already has a version in " + lang
                    + (existing.originalFile() == null ? "" : " (from " + existing.originalFile() + ")")
                    + "; use --replace to replace it");
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        if (!project.manifest().languages().isEmpty() && !project.manifest().languages().contains(lang)) {
            warnings.add(file + ": " + lang + " is not one of the project's languages ("
                    + String.join(", ", project.manifest().languages()) + ")");
        }
        Path vd = project.versionDir(statementId, lang);
        if (existing != null) {
            // the old original: refused if version.json names something that is not a file of its own folder
            Path oldOriginal = existing.originalFile() == null ? null : project.originalFile(statementId, lang).orElse(null);
            VersionReplace.Realign realign = (id, s, t, prev) -> new Aligner(ProjectLexicon.learn(project, s.lang(), t.lang()))
                    .align(id, s, t, prev, Progress.NONE);
            VersionReplace.Plan plan = VersionReplace.plan(project, statementId, existing, v, realign);
            if (plan.confirmedLost() > 0 && !force) {
                throw new VersionReplace.ReviewWouldBeLost(file + ": replacing the " + lang + " version of " + statementId
                        + " leaves " + plan.confirmedLost() + " confirmed bead" + (plan.confirmedLost() == 1 ? "" : "s")
                        + " without their paragraphs (" + plan.summary() + "); nothing was changed; add --force to replace"
                        + " anyway (the old version and alignment are kept in backups/)", plan);
            }
            Path snap = VersionReplace.apply(project, plan, r.original(), oldOriginal);
            warnings.add(statementId + ": replaced the " + lang + " version: " + plan.summary()
                    + "; previous files in " + project.dir().relativize(snap));
            return new ImportResult(plan.version(), r.original(), r.encoding(), r.encodingReason(), r.lang(), r.langReason(), warnings);
        }

        // a new version: original and version.json in one transaction (Project.saveVersion)
        try {
            project.saveVersion(statementId, v, r.original());
        } catch (RuntimeException e) {
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(vd + ": cannot save the imported version (" + Okapi.firstLine(e) + ")", e);
        }
        return new ImportResult(v, r.original(), r.encoding(), r.encodingReason(), r.lang(), r.langReason(), warnings);
    }

    /** One new version of a batch: the statement it belongs to, the file it was read from and what was read. */
    public record NewVersion(String statementId, Path file, ImportResult read) {}

    /**
     * Stores new versions (none of them may exist yet in the project) in one all-or-nothing change
     * ({@link Project#saveVersions}): one journal and one forced write of each folder for the whole batch
     * instead of one per version. A failure leaves the project as it was before the batch.
     *
     * @return the warnings of the batch (a language outside the project's)
     * @throws VersionExists if one of them exists already (nothing written)
     */
    public static List<String> importNew(Project project, List<NewVersion> batch) {
        if (!project.writable()) throw new DiptychException(project.dir() + ": project is open read-only");
        List<String> warnings = new ArrayList<>();
        List<Project.VersionFiles> files = new ArrayList<>();
        List<String> langs = project.manifest().languages();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NewVersion n : batch) {
            try {
                Statement.validateId(n.statementId());
            } catch (IllegalArgumentException e) {
                throw new DiptychException(e.getMessage());
            }
            DocumentVersion v = n.read().version();
            if (!seen.add(n.statementId() + "/" + v.lang()) || project.versionLanguages(n.statementId()).contains(v.lang())) {
                throw new VersionExists(n.file() + ": statement '" + n.statementId() + "' already has a version in " + v.lang()
                        + "; nothing of this batch was imported");
            }
            warnings.addAll(n.read().warnings());
            if (!langs.isEmpty() && !langs.contains(v.lang()) && !langs.contains(Languages.base(v.lang()))) {
                warnings.add(n.file() + ": " + v.lang() + " is not one of the project's languages (" + String.join(", ", langs) + ")");
            }
            files.add(new Project.VersionFiles(n.statementId(), v, n.read().original()));
        }
        if (files.isEmpty()) return warnings;
        try {
            project.saveVersions(files);
        } catch (RuntimeException e) {
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(project.dir() + ": cannot save " + files.size() + " imported versions (" + Okapi.firstLine(e) + ")", e);
        }
        return warnings;
    }

    /** The statement already has a version in the file's language and no replace was asked. */
    public static final class VersionExists extends DiptychException {
        public VersionExists(String message) {
            super(message);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0) throw new DiptychException(file + ": file is empty");
            if (size > MAX_BYTES) throw new DiptychException(file + ": file is too large to be a statement (" + (size >> 20) + " MB)");
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new DiptychException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + Okapi.firstLine(e) + ")", e);
        }
    }

    private static EncodingDetector.Result forcedEncoding(String encoding, byte[] bytes, String where) {
        try {
            return EncodingDetector.forced(encoding, bytes);
        } catch (DiptychException e) {
            throw new DiptychException(where + ": " + e.getMessage());
        }
    }

    static String normalizeNewlines(String s) {
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Refuses text that is blank or that is really binary data (NUL or many other control characters). */
    private static void requireText(String text, String where) {
        if (text.isBlank()) throw new DiptychException(where + ": contains no text (only white space)");
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) throw new DiptychException(where + ": looks like a binary file, not text (NUL bytes)");
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f') controls++;
            else if (c == '\uFFFD') controls++;
        }
        if (controls > 0 && controls * 100 > text.length()) {
            throw new DiptychException(where + ": looks like a binary file, not text (control characters)");
        }
    }

    /**
     * Remembers files (and their backups) before an import writes them, and puts everything back if the
     * import fails half-way: old contents restored, new files and new folders removed.
     */
    static final class Undo {
        private final Path projectDir;
        private final Map<Path, byte[]> before = new LinkedHashMap<>();
        private final List<Path> newDirs = new ArrayList<>();

        Undo(Path projectDir) {
            this.projectDir = projectDir.toAbsolutePath().normalize();
        }

        Path backupOf(Path file) {
            Path rel = projectDir.relativize(file.toAbsolutePath().normalize());
            return projectDir.resolve(Project.BACKUPS).resolve(rel);
        }

        /** Records {@code file} and its backup as they are now (content, or absence, and missing folders). */
        void remember(Path file) throws IOException {
            for (Path f : List.of(file.toAbsolutePath().normalize(), backupOf(file))) {
                if (before.containsKey(f)) continue;
                before.put(f, Files.isRegularFile(f) ? Files.readAllBytes(f) : null);
                for (Path d = f.getParent(); d != null && d.startsWith(projectDir) && !d.equals(projectDir); d = d.getParent()) {
                    if (!Files.exists(d) && !newDirs.contains(d)) newDirs.add(d);
                }
            }
        }

        /** Restores every remembered file and removes folders that did not exist (deepest first). */
        void rollback() {
            for (Map.Entry<Path, byte[]> e : before.entrySet()) {
                try {
                    if (e.getValue() == null) Files.deleteIfExists(e.getKey());
                    else if (!Files.isRegularFile(e.getKey()) || !java.util.Arrays.equals(Files.readAllBytes(e.getKey()), e.getValue())) {
                        AtomicFiles.write(e.getKey(), e.getValue(), null);
                    }
                } catch (IOException ignored) {
                    // best effort: keep restoring the rest
                }
            }
            newDirs.sort((a, b) -> b.getNameCount() - a.getNameCount());
            for (Path d : newDirs) {
                try (var s = Files.list(d)) {
                    if (s.findAny().isEmpty()) Files.delete(d);
                } catch (IOException ignored) {
                    // not there or not empty
                }
            }
        }
    }
}
