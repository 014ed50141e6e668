package org.diptych.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.diptych.DiptychException;
import org.diptych.DiptychVersion;
import org.diptych.Progress;
import org.diptych.export.ExportReport.ExportedFile;
import org.diptych.export.ExportReport.Kind;
import org.diptych.export.ExportReport.LinkCheck;
import org.diptych.formats.DocumentUnits;
import org.diptych.formats.EncodingDetector;
import org.diptych.formats.Format;
import org.diptych.formats.MarkdownSplice;
import org.diptych.formats.MarkdownWriter;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.project.SafePaths;

/**
 * Exports a statement: every language version written for its site, each linking to the others, or
 * bilingual bundles of aligned pairs. Reads the project only; never writes inside it.
 *
 * <h2>What each version becomes</h2>
 * <ul>
 * <li><b>markdown</b>: its front matter exactly as imported ({@link FrontMatter#raw()}), then the body
 *     paragraph for paragraph ({@link MarkdownWriter}); with link style {@code top-line} the body starts
 *     with one {@code [title](url)} paragraph per other version that has a site profile (titles from that
 *     version's front matter, HTML entities decoded); with {@code front-matter} the keys {@code lang} and
 *     {@code ref} (the statement id) are set in the front matter; reciprocal link lines already at the top
 *     of the body are recognised ({@link ReciprocalLinks}) and replaced, never duplicated. A post that is as
 *     imported and whose links already point at the same URLs is written as its original bytes; an edited post
 *     with an original of its own is the original with only the changed paragraphs (and front matter) replaced,
 *     in the original's encoding unless {@link ExportOptions#utf8()}; a translated one is written in UTF-8.</li>
 * <li><b>html</b>, <b>docx</b>: imported and unchanged, the original bytes; edited, or translated in Diptych
 *     (no original file of its own), the original of its source version run through Okapi with every
 *     paragraph replaced by its translation and the HTML title by the version's title ({@link DocumentUnits}
 *     defines which text units are paragraphs and the markup: inline HTML, or {@code **bold**}/{@code *italic*}
 *     for DOCX). Attribute texts outside paragraphs stay as in the original (a warning says so).</li>
 * <li><b>text</b>, <b>lines</b>: paragraphs separated by a blank line / a newline, in the version's encoding.</li>
 * <li>other formats (XLIFF) are not written; a warning says so.</li>
 * </ul>
 * A version's file goes to {@code outDir/<path pattern>} of its language's site profile, or to
 * {@code outDir/<lang>/<id>.<ext>} (with a warning) when the language has none; a path pattern whose
 * extension does not fit the format gets the format's extension. Writes are atomic; a file that already
 * has exactly the content is left untouched. After writing, every link in the exported posts that points
 * at a post of the site is checked ({@link LinkChecker}).
 */
public final class Exporter {
    private final Project project;

    public Exporter(Project project) {
        this.project = project;
    }

    /**
     * A version rendered for its site, not yet written; {@code placed} says how its path was found
     * ({@link Destination#how()}).
     */
    private record Rendered(String lang, String relPath, String url, String format, byte[] bytes, Placed placed, Charset charset) {
        boolean isPost() {
            return "markdown".equals(format);
        }
    }

    /** How a version's path in the export folder is found. */
    public enum Placed {
        /** the file it was imported from with {@code import-site} ({@link DocumentVersion#sitePath()}) */
        SITE_FILE,
        /** a new version of a site's statement: beside its sibling's site file, by the site's convention ({@link SitePaths}) */
        BESIDE_SIBLING,
        /** its language's site profile path pattern */
        PROFILE,
        /** no site profile: {@code <lang>/<id>.<ext>} */
        DEFAULT
    }

    /**
     * Where a version would be written.
     *
     * @param path    relative to the export folder, {@code /}-separated
     * @param how     how the path was found
     * @param siblingLang for {@link Placed#BESIDE_SIBLING}, the language of the version it was placed beside, else null
     * @param siblingPath and that version's site file
     */
    public record Destination(String lang, String path, Placed how, String siblingLang, String siblingPath) {
        /** One line for a preview: {@code pt → content/pt/news/x.md (new file, placed as the en version's content/en/news/x.md …)}. */
        public String describe() {
            return lang + " → " + path + switch (how) {
                case SITE_FILE -> " (its file in the site)";
                case BESIDE_SIBLING -> " (new file, placed as the " + siblingLang + " version's " + siblingPath + " by the site's convention)";
                case PROFILE -> " (site profile's path pattern)";
                case DEFAULT -> " (no site profile)";
            };
        }
    }

    /** The site files the project's versions were imported from: path → "id [lang]", and the paths by language. */
    private record SiteFiles(Map<String, String> owners, Map<String, List<String>> byLang) {}

    private SiteFiles siteFiles;

    /** Read once per Exporter when a new version is placed beside a sibling or checked for a clash. */
    private SiteFiles siteFiles() {
        if (siteFiles == null) {
            Map<String, String> owners = new LinkedHashMap<>();
            Map<String, List<String>> byLang = new TreeMap<>();
            for (String sid : project.statementIds()) {
                for (String lang : project.versionLanguages(sid)) {
                    try {
                        String sp = project.loadVersion(sid, lang).map(DocumentVersion::sitePath).orElse(null);
                        if (sp == null) continue;
                        owners.put(sp, sid + " [" + lang + "]");
                        byLang.computeIfAbsent(lang, k -> new ArrayList<>()).add(sp);
                    } catch (RuntimeException unreadable) {
                        // a version that cannot be read names no site file
                    }
                }
            }
            siteFiles = new SiteFiles(owners, byLang);
        }
        return siteFiles;
    }

    /**
     * Runs an export.
     *
     * @throws DiptychException one line naming the statement, file or profile at fault
     * @throws Progress.Cancelled if cancelled before anything was written (nothing is written then)
     */
    public ExportReport export(ExportOptions options, Progress progress) {
        Progress pr = progress == null ? Progress.NONE : progress;
        String id = options.statementId();
        try {
            Statement.validateId(id);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
        if (!project.statementIds().contains(id)) {
            throw new DiptychException(project.dir() + ": no statement '" + id + "'");
        }
        Statement st = project.loadStatement(id);
        if (st.versions().isEmpty()) {
            throw new DiptychException(project.dir() + ": statement '" + id + "' has no language versions to export");
        }
        Map<String, Site> sites = sites();
        List<String> order = languageOrder(st);
        String[] pair = options.pair() == null ? null : parsePair(options.pair(), st);
        List<String> warnings = new ArrayList<>();

        // URLs of all versions first: every post links to the others.
        Map<String, String> urls = new LinkedHashMap<>();
        for (String lang : order) {
            Site s = sites.get(lang);
            if (s == null) {
                boolean placed = st.version(lang).sitePath() != null || sibling(st, st.version(lang)) != null;
                warnings.add("[" + lang + "] no site profile: " + (placed ? "" : "written to " + lang + "/" + id + ".* and ")
                        + "not linked from the other versions (set one with 'diptych site --lang " + lang + "')");
                continue;
            }
            PostKey key = PostKey.of(id, st.version(lang));
            if (s.url().usesDate() && key.year() == null && st.version(lang).sitePath() != null) {
                // a page of a site whose posts have dated URLs: its file is known, its URL is not
                warnings.add("[" + lang + "] " + st.version(lang).sitePath() + ": no date for the URL pattern " + s.url()
                        + " (a page, not a post): not linked from the other versions");
                continue;
            }
            urls.put(lang, expand(s.url(), key, id, lang));
        }

        List<String> toRender = options.bundle() || pair == null ? order : Arrays.asList(pair);
        Set<String> required = new LinkedHashSet<>(toRender);
        if (options.bundle()) {
            // bundles render every version (their posts link to all of them) but need only the pair's
            required.clear();
            for (String[] p : pair != null ? List.<String[]>of(pair) : alignedPairs(st, order)) required.addAll(Arrays.asList(p));
        }
        long total = toRender.size() + 2;
        long done = 0;
        Map<String, Rendered> rendered = new LinkedHashMap<>();
        for (String lang : toRender) {
            pr.checkCancelled();
            pr.update(done++, total, "Preparing " + lang);
            try {
                Rendered r = render(st, lang, sites, urls, order, warnings, options.utf8());
                if (r != null) rendered.put(lang, r);
            } catch (DiptychException e) {
                if (required.contains(lang)) throw e;
                warnings.add("[" + lang + "] not rendered, links to it are checked against the export folder only: " + e.getMessage());
            }
        }
        pr.checkCancelled();

        ExportCheck check = ExportCheck.of(project, st, order, rendered.keySet());
        if (!check.complete()) {
            if (!options.allowIncomplete()) throw new IncompleteExport(id, check);
            warnings.addAll(check.lines());
        }

        Path out = options.outDir().toAbsolutePath().normalize();
        Map<String, String> projectPosts = projectPosts(sites);
        List<ExportedFile> files = new ArrayList<>();
        List<LinkCheck> links;
        if (!options.bundle()) {
            pr.update(done++, total, "Writing files");
            Map<String, String> posts = new LinkedHashMap<>();
            Map<Path, String> targets = new LinkedHashMap<>();
            for (Rendered r : rendered.values()) {
                Path target = SafePaths.under(out, r.relPath(), "[" + r.lang() + "] post path");
                guard(target);
                String before = targets.put(target, r.lang());
                if (before != null) {
                    throw new DiptychException(target + ": both the " + before + " and the " + r.lang()
                            + " version would be written here; " + (r.placed() == Placed.BESIDE_SIBLING
                            ? "the site marks neither language in its paths; set a path pattern for " + r.lang() + " ('diptych site')"
                            : "give their site profiles different path patterns"));
                }
                if (r.placed() != Placed.SITE_FILE) refuseClash(id, r, target, projectPosts, warnings);
            }
            ExportWrite.recover(out); // an export killed after deciding its change: finished first
            List<Pending> pending = new ArrayList<>();
            for (Rendered r : rendered.values()) {
                Path target = SafePaths.under(out, r.relPath(), "[" + r.lang() + "] post path");
                pending.add(new Pending(target, r.bytes(), r.lang(), r.url(), r.isPost() ? Kind.POST : Kind.DOCUMENT));
            }
            files.addAll(writeFiles(out, pending));
            for (Rendered r : rendered.values()) {
                if (r.isPost()) posts.put(r.relPath(), readBack(SafePaths.under(out, r.relPath(), "[" + r.lang() + "] post path"), r.charset()));
            }
            pr.update(done++, total, "Checking links");
            links = LinkChecker.check(posts, sites.values(), out, Set.of(), projectPosts.keySet());
        } else {
            Map<String, String> posts = new LinkedHashMap<>();
            Set<String> produced = new LinkedHashSet<>();
            for (Rendered r : rendered.values()) {
                produced.add(r.relPath());
                if (r.isPost()) posts.put(r.relPath(), new String(r.bytes(), r.charset()));
            }
            links = LinkChecker.check(posts, sites.values(), out, produced, projectPosts.keySet());
            pr.update(done++, total, "Writing bundles");
            List<String[]> pairs = pair != null ? List.<String[]>of(pair) : alignedPairs(st, order);
            if (pairs.isEmpty()) {
                throw new DiptychException("statement '" + id + "': no aligned pair to bundle; align two versions first ('diptych align')");
            }
            Instant now = Instant.now();
            ExportWrite.recover(out);
            List<Pending> pending = new ArrayList<>();
            for (String[] p : pairs) {
                Rendered a = rendered.get(p[0]), b = rendered.get(p[1]);
                if (a == null || b == null) {
                    warnings.add("bundle " + p[0] + "-" + p[1] + ": skipped, a version could not be written as a document");
                    continue;
                }
                byte[] zip = bundle(st, p[0], p[1], a, b, now);
                pending.add(new Pending(SafePaths.under(out, id + "." + p[0] + "-" + p[1] + ".zip", "bundle file"), zip, null, null, Kind.BUNDLE));
            }
            files.addAll(writeFiles(out, pending));
        }
        pr.update(total, total, "Done");
        return new ExportReport(id, out, files, links, List.copyOf(new LinkedHashSet<>(warnings)), check);
    }

    /**
     * What would be counted before writing ({@link ExportCheck}), without writing anything: the dialog shows
     * it and asks before an incomplete export.
     */
    public ExportCheck check(ExportOptions options) {
        Statement st = project.loadStatement(options.statementId());
        List<String> order = languageOrder(st);
        String[] pair = options.pair() == null || options.bundle() ? null : parsePair(options.pair(), st);
        return ExportCheck.of(project, st, order, pair == null ? null : Arrays.asList(pair));
    }

    /** Thrown when a version is incomplete and the options do not allow it; the message lists the counts. */
    public static final class IncompleteExport extends DiptychException {
        private final transient ExportCheck check;

        IncompleteExport(String id, ExportCheck check) {
            super("statement '" + id + "': not exported, incomplete (" + String.join("; ",
                    check.incomplete().stream().map(ExportCheck.Language::summary).toList())
                    + "); finish them or export with --allow-incomplete: " + String.join("; ", check.lines().subList(0,
                    Math.min(5, check.lines().size()))) + (check.lines().size() > 5 ? "; …" : ""));
            this.check = check;
        }

        public ExportCheck check() {
            return check;
        }
    }

    /**
     * The published path (relative to the export folder) of every version of every statement of the project
     * whose language has a site profile, by path: a link to one of them resolves whether or not it was exported.
     */
    private Map<String, String> projectPosts(Map<String, Site> sites) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String sid : project.statementIds()) {
            for (String lang : project.versionLanguages(sid)) {
                Site s = sites.get(lang);
                if (s == null) continue;
                try {
                    PostKey key = s.path().usesDate() ? PostKey.of(sid, project.loadVersion(sid, lang).orElse(null))
                            : PostKey.of(sid, null);
                    if (s.path().usesDate() && key.year() == null) continue;
                    out.put(s.path().expand(key), sid + " [" + lang + "]");
                } catch (RuntimeException unreadable) {
                    // a version that cannot be read or placed is not a link target
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- site profiles and languages

    private Map<String, Site> sites() {
        Map<String, Site> out = new LinkedHashMap<>();
        for (Map.Entry<String, SiteProfile> e : new TreeMap<>(project.manifest().sites()).entrySet()) {
            out.put(e.getKey(), Site.of(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The statement's languages: the project's language order first, then any others alphabetically. */
    private List<String> languageOrder(Statement st) {
        List<String> order = new ArrayList<>();
        for (String l : project.manifest().languages()) {
            if (st.versions().containsKey(l)) order.add(l);
        }
        for (String l : st.versions().keySet()) {
            if (!order.contains(l)) order.add(l);
        }
        return order;
    }

    /** {@code SRC-TGT} split at the dash that gives two languages the statement has. */
    static String[] parsePair(String spec, Statement st) {
        String s = spec.trim();
        for (int i = s.indexOf('-'); i > 0; i = s.indexOf('-', i + 1)) {
            try {
                String a = Languages.normalize(s.substring(0, i));
                String b = Languages.normalize(s.substring(i + 1));
                if (st.versions().containsKey(a) && st.versions().containsKey(b) && !a.equals(b)) {
                    return new String[] {a, b};
                }
            } catch (IllegalArgumentException notThisSplit) {
                // try the next dash
            }
        }
        throw new DiptychException("pair '" + spec + "': expected SRC-TGT with two languages of statement '" + st.id()
                + "' (it has " + String.join(", ", st.versions().keySet()) + ")");
    }

    private List<String[]> alignedPairs(Statement st, List<String> order) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = 0; j < order.size(); j++) {
                if (i == j) continue;
                if (Files.isRegularFile(project.alignmentFile(st.id(), order.get(i), order.get(j)))) {
                    pairs.add(new String[] {order.get(i), order.get(j)});
                }
            }
        }
        return pairs;
    }

    private static String expand(SitePattern p, PostKey key, String id, String lang) {
        if (p.usesDate()) key.requireDate(id, lang);
        return p.expand(key);
    }

    // ---------------------------------------------------------------- rendering

    /**
     * Where each version of the statement would be written for these options (posts; a bundle holds the same
     * files under their names), without rendering or writing anything: the export dialog shows it.
     */
    public List<Destination> destinations(ExportOptions options) {
        Statement st = project.loadStatement(options.statementId());
        Map<String, Site> sites = sites();
        List<String> order = languageOrder(st);
        List<String> langs = options.pair() == null ? order : Arrays.asList(parsePair(options.pair(), st));
        List<Destination> out = new ArrayList<>();
        for (String lang : langs) {
            DocumentVersion v = st.version(lang);
            String ext = extension(v.format());
            if (ext == null) continue;
            try {
                out.add(destination(st, v, sites.get(lang), ext, new ArrayList<>()));
            } catch (DiptychException | IllegalStateException unplaced) {
                // the export itself names the problem
            }
        }
        return out;
    }

    private static String extension(String format) {
        return switch (format) {
            case "markdown" -> ".md";
            case "html" -> ".html";
            case "docx" -> ".docx";
            case "text", "lines" -> ".txt";
            default -> null;
        };
    }

    /**
     * The path of a version: the site file it was imported from; for a new version of a statement some of whose
     * versions came from a site, its sibling's site path by the site's convention for its language
     * ({@link SitePaths}); else its site profile's path pattern, or {@code <lang>/<id>.<ext>}.
     */
    private Destination destination(Statement st, DocumentVersion v, Site site, String ext, List<String> warnings) {
        String lang = v.lang(), id = st.id();
        if (v.sitePath() != null) return new Destination(lang, v.sitePath(), Placed.SITE_FILE, null, null);
        DocumentVersion sib = sibling(st, v);
        if (sib != null) {
            String rel = SitePaths.derive(sib.sitePath(), sib.lang(), lang, siteFiles().byLang());
            rel = fitExtension(rel, v.format(), ext, lang, warnings);
            return new Destination(lang, rel, Placed.BESIDE_SIBLING, sib.lang(), sib.sitePath());
        }
        if (site == null) return new Destination(lang, lang + "/" + id + ext, Placed.DEFAULT, null, null);
        String rel = fitExtension(expand(site.path(), PostKey.of(id, v), id, lang), v.format(), ext, lang, warnings);
        return new Destination(lang, rel, Placed.PROFILE, null, null);
    }

    /**
     * The version a new version is placed beside: the one it was translated from (aligned with it) if that came
     * from a site, else the first in the project's order that did; null if none did.
     */
    private DocumentVersion sibling(Statement st, DocumentVersion v) {
        if (v.sitePath() != null) return null;
        DocumentVersion first = null;
        for (String other : languageOrder(st)) {
            DocumentVersion o = st.version(other);
            if (other.equals(v.lang()) || o.sitePath() == null) continue;
            if (Files.isRegularFile(project.alignmentFile(st.id(), other, v.lang()))
                    || Files.isRegularFile(project.alignmentFile(st.id(), v.lang(), other))) return o;
            if (first == null) first = o;
        }
        return first;
    }

    /**
     * Refuses to write a version that has no site file of its own over an existing file that is another
     * statement's (the site file one of its versions was imported from, or where its profile puts it); an
     * existing file that is no statement's (an earlier export of this version, or a page the site import did not
     * take) is replaced with a warning, unless it is replaced by the very same bytes.
     */
    private void refuseClash(String id, Rendered r, Path target, Map<String, String> projectPosts, List<String> warnings) {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        String owner = siteFiles().owners().get(r.relPath());
        if (owner == null) owner = projectPosts.get(r.relPath());
        if (owner != null && !owner.startsWith(id + " [")) {
            throw new DiptychException(target + ": the new " + r.lang() + " version of '" + id + "' would overwrite the file of "
                    + owner + "; nothing was written (give the " + r.lang() + " version another place with its site profile)");
        }
        if (owner == null && r.placed() == Placed.BESIDE_SIBLING && !Arrays.equals(readAll(target), r.bytes())) {
            warnings.add("[" + r.lang() + "] " + r.relPath() + " was already in the export folder and is no version of the project"
                    + " (written by an earlier export, or not imported from the site): replaced");
        }
    }

    private Rendered render(Statement st, String lang, Map<String, Site> sites, Map<String, String> urls,
                            List<String> order, List<String> warnings, boolean utf8) {
        DocumentVersion v = st.version(lang);
        String id = st.id();
        String format = v.format();
        Site site = sites.get(lang);
        String ext = extension(format);
        if (ext == null) {
            warnings.add("[" + lang + "] format '" + format + "' cannot be exported as a document; skipped");
            return null;
        }
        Destination dest = destination(st, v, site, ext, warnings);
        if ("markdown".equals(format)) {
            PostBytes post = markdownBytes(st, v, site, sites, urls, order, warnings, utf8);
            return new Rendered(lang, dest.path(), urls.get(lang), format, post.bytes(), dest.how(), post.charset());
        }
        byte[] bytes = "html".equals(format) || "docx".equals(format) ? document(st, v, warnings) : text(v);
        return new Rendered(lang, dest.path(), urls.get(lang), format, bytes, dest.how(), StandardCharsets.UTF_8);
    }

    private static String fitExtension(String rel, String format, String ext, String lang, List<String> warnings) {
        String lower = rel.toLowerCase(java.util.Locale.ROOT);
        boolean fits = switch (format) {
            case "markdown" -> lower.endsWith(".md") || lower.endsWith(".markdown");
            case "html" -> lower.endsWith(".html") || lower.endsWith(".htm");
            case "docx" -> lower.endsWith(".docx");
            default -> lower.endsWith(".txt") || lower.endsWith(".text");
        };
        if (fits) return rel;
        int slash = rel.lastIndexOf('/');
        int dot = rel.lastIndexOf('.');
        String fixed = (dot > slash ? rel.substring(0, dot) : rel) + ext;
        if (!"markdown".equals(format)) {
            warnings.add("[" + lang + "] " + format + " document written as " + fixed + " (the path pattern's extension is for another format)");
        } else {
            warnings.add("[" + lang + "] post written as " + fixed + " (the path pattern has no markdown extension)");
        }
        return fixed;
    }

    /** A post's bytes and the character set they are in. */
    private record PostBytes(byte[] bytes, Charset charset) {}

    /** What a post is made of before it is written: its front matter and its body paragraphs. */
    private record Post(FrontMatter frontMatter, List<Paragraph> body) {}

    /**
     * The post's bytes: the original file itself when the version is as imported (its paragraphs are what the
     * original reads as) and the post would differ only in how its reciprocal links are written (the same
     * URLs, the same front matter), so that exporting an unchanged post into the site's checkout changes
     * nothing there; a version with an original of its own that was edited, the original with only what
     * changed replaced ({@link MarkdownSplice}: line ends, byte order mark, white space around unchanged
     * paragraphs kept), in the original's encoding unless {@code utf8} is asked for (or the new text does not
     * fit that encoding; a warning says so); otherwise the rendered post in UTF-8.
     */
    private PostBytes markdownBytes(Statement st, DocumentVersion v, Site site, Map<String, Site> sites, Map<String, String> urls,
                                    List<String> order, List<String> warnings, boolean utf8) {
        List<String> mine = new ArrayList<>();
        Post post = markdown(st, v, site, sites, urls, order, mine);
        String rendered = MarkdownWriter.write(post.frontMatter(), post.body());
        warnings.addAll(mine);
        if (hasOriginal(st.id(), v)) {
            Path original = project.originalFile(st.id(), v.lang()).orElseThrow();
            byte[] bytes = readAll(original);
            try {
                EncodingDetector.Result enc = v.encoding() != null && Charset.isSupported(v.encoding())
                        ? EncodingDetector.forced(v.encoding(), bytes) : EncodingDetector.detect(bytes, false);
                DocumentVersion asImported = org.diptych.formats.Importer.importFile(original,
                        new org.diptych.formats.ImportOptions(v.lang(), enc.charset().name(), "markdown")).version();
                boolean keepEncoding = !utf8 || enc.charset().equals(StandardCharsets.UTF_8);
                if (keepEncoding && asImported.paragraphs().equals(v.paragraphs())
                        && asImported.frontMatter().raw().equals(v.frontMatter().raw()) && sameLinks(v, rendered)) {
                    return new PostBytes(bytes, enc.charset());
                }
                String text = EncodingDetector.decode(bytes, enc, original.toString());
                Optional<String> spliced = MarkdownSplice.write(text, asImported.frontMatter(), asImported.paragraphs(),
                        post.frontMatter(), post.body());
                if (spliced.isPresent()) return encode(spliced.get(), enc, bytes, utf8, v.lang(), warnings);
            } catch (DiptychException | IllegalArgumentException unreadable) {
                // render it
            }
        }
        return new PostBytes(rendered.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** A post's text in the original's encoding (its byte order mark kept), or UTF-8 when asked or needed. */
    private static PostBytes encode(String text, EncodingDetector.Result enc, byte[] original, boolean utf8, String lang,
                                    List<String> warnings) {
        Charset cs = utf8 ? StandardCharsets.UTF_8 : enc.charset();
        if (!cs.newEncoder().canEncode(text)) {
            warnings.add("[" + lang + "] written in UTF-8, not " + cs.name() + " like the original: the edited text has"
                    + " characters " + cs.name() + " cannot hold");
            cs = StandardCharsets.UTF_8;
        }
        byte[] body = text.getBytes(cs);
        if (!cs.equals(enc.charset()) || enc.bomLength() == 0) return new PostBytes(body, cs);
        byte[] out = Arrays.copyOf(original, enc.bomLength() + body.length);
        System.arraycopy(body, 0, out, enc.bomLength(), body.length);
        return new PostBytes(out, cs);
    }

    /**
     * True if the rendered post and the original (as {@link MarkdownWriter} writes its paragraphs) have the same
     * front matter, link to the same URLs in their top link lines (trailing slash aside) and have the same
     * body after them.
     */
    private static boolean sameLinks(DocumentVersion v, String rendered) {
        String fm = v.frontMatter().raw();
        String original = MarkdownWriter.write(v.frontMatter(), v.paragraphs());
        if (!fm.isEmpty() && !rendered.startsWith(fm)) return false;
        return shape(original, fm.length()).equals(shape(rendered, fm.length()));
    }

    /** The top link URLs of a post and the body after them. */
    private static List<Object> shape(String post, int fmLength) {
        List<String> paragraphs = Arrays.asList(post.substring(fmLength).strip().split("\n\n", -1));
        Set<String> urls = new LinkedHashSet<>();
        int i = 0;
        for (; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            Set<String> here = new LinkedHashSet<>();
            boolean all = !p.isBlank();
            for (String line : p.split("\n")) {
                if (line.isBlank()) continue;
                MarkdownLinks.Link l = MarkdownLinks.linkOnly(line);
                if (l == null) {
                    all = false;
                    break;
                }
                String u = l.url();
                here.add(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
            }
            if (!all) break;
            urls.addAll(here);
        }
        return List.of(urls, String.join("\n\n", paragraphs.subList(i, paragraphs.size())));
    }

    private Post markdown(Statement st, DocumentVersion v, Site site, Map<String, Site> sites, Map<String, String> urls,
                          List<String> order, List<String> warnings) {
        String lang = v.lang();
        FrontMatter fm = v.frontMatter();
        if (fm.style() == FrontMatter.Style.NONE && !hasOriginal(st.id(), v)) {
            Optional<DocumentVersion> src = sourceOf(st, v).map(s -> s.version);
            if (src.isPresent() && src.get().frontMatter().style() != FrontMatter.Style.NONE) {
                fm = src.get().frontMatter();
                warnings.add("[" + lang + "] translated version has no front matter: the " + src.get().lang()
                        + " version's was used; translate its title");
            }
        }
        LinkStyle style = site == null ? LinkStyle.TOP_LINE : site.style();

        Map<String, String> titles = new LinkedHashMap<>();
        for (String other : order) {
            if (!other.equals(lang)) titles.put(other, linkTitle(st, st.version(other), warnings, style == LinkStyle.TOP_LINE && urls.containsKey(other)));
        }
        Set<String> managed = new LinkedHashSet<>();
        for (String other : titles.keySet()) {
            if (style != LinkStyle.TOP_LINE || urls.containsKey(other)) managed.add(other);
        }
        ReciprocalLinks.Stripped stripped = ReciprocalLinks.strip(v.paragraphs(), lang, sites, titles, managed);

        List<Paragraph> body = new ArrayList<>();
        if (style == LinkStyle.TOP_LINE) {
            for (String other : titles.keySet()) {
                String url = urls.get(other);
                if (url != null) body.add(ReciprocalLinks.linkParagraph(other, titles.get(other), url));
            }
        } else if (style == LinkStyle.FRONT_MATTER) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("lang", lang);
            keys.put("ref", st.id());
            fm = FrontMatterKeys.set(fm, keys);
        }
        body.addAll(stripped.kept());
        body.addAll(stripped.rest());
        return new Post(fm, body);
    }

    /** The title a link to {@code v} shows: its front-matter title with entities decoded, else its first heading. */
    private static String linkTitle(Statement st, DocumentVersion v, List<String> warnings, boolean needed) {
        String t = v.title();
        if (t != null && !t.isBlank()) return HtmlEntities.decode(t).strip();
        for (Paragraph p : v.paragraphs()) {
            if (p.kind() == BlockKind.HEADING && !p.text().isBlank()) {
                if (needed) warnings.add("[" + v.lang() + "] no title in the front matter: links to it show its first heading");
                return p.text().strip();
            }
        }
        if (needed) warnings.add("[" + v.lang() + "] no title: links to it show the statement id");
        return st.id();
    }

    private static byte[] text(DocumentVersion v) {
        StringBuilder sb = new StringBuilder();
        String sep = "lines".equals(v.format()) ? "\n" : "\n\n";
        for (Paragraph p : v.paragraphs()) {
            if (sb.length() > 0) sb.append(sep);
            sb.append(p.markup());
        }
        sb.append('\n');
        Charset cs = StandardCharsets.UTF_8;
        try {
            if (v.encoding() != null && Charset.isSupported(v.encoding())) cs = Charset.forName(v.encoding());
        } catch (IllegalArgumentException ignored) {
            // keep UTF-8
        }
        if (!cs.newEncoder().canEncode(sb)) cs = StandardCharsets.UTF_8;
        return sb.toString().getBytes(cs);
    }

    private boolean hasOriginal(String id, DocumentVersion v) {
        return v.originalFile() != null && project.originalFile(id, v.lang()).isPresent();
    }

    // ---------------------------------------------------------------- HTML and DOCX through Okapi

    /**
     * An HTML or DOCX version through {@link DocumentUnits}: with an original of its own, the original's bytes
     * when no paragraph (nor the title) differs from what the original reads as, else the original with the
     * changed paragraphs replaced; translated in Diptych, the original of its source version with every
     * paragraph replaced by its translation ({@link #unitTexts}) and the title by the version's title.
     */
    private byte[] document(Statement st, DocumentVersion v, List<String> warnings) {
        String id = st.id();
        String lang = v.lang();
        Format format = Format.byName(v.format());
        if (hasOriginal(id, v)) {
            Path original = project.originalFile(id, lang).orElseThrow();
            byte[] bytes = readAll(original);
            DocumentUnits.Content units = DocumentUnits.read(format, bytes, v.encoding(), original.toString());
            List<Paragraph> paras = v.paragraphs();
            if (units.paragraphs().size() != paras.size()) {
                warnings.add("[" + lang + "] " + original.getFileName() + " has " + units.paragraphs().size()
                        + " paragraphs but the version has " + paras.size() + ": written as imported, edits (if any) not applied");
                return bytes;
            }
            String[] changed = new String[paras.size()];
            boolean any = false;
            for (int i = 0; i < changed.length; i++) {
                String m = paras.get(i).markup();
                if (!m.equals(units.paragraphs().get(i).markup())) {
                    changed[i] = m;
                    any = true;
                }
            }
            String title = changedTitle(v, units);
            if (!any && title == null) return bytes;
            return merge(format, bytes, v.encoding(), original, lang, lang, Arrays.asList(changed), title, warnings);
        }
        Source src = sourceOf(st, v).orElseThrow(() -> new DiptychException("statement '" + id + "' [" + lang
                + "]: translated " + v.format() + " version has no source version with an original file to take the layout from"));
        String srcLang = src.version.lang();
        Path original = project.originalFile(id, srcLang).orElseThrow();
        byte[] bytes = readAll(original);
        DocumentUnits.Content units = DocumentUnits.read(format, bytes, src.version.encoding(), original.toString());
        if (units.paragraphs().size() != src.version.paragraphs().size()) {
            throw new DiptychException(original + ": has " + units.paragraphs().size() + " paragraphs but the " + srcLang
                    + " version has " + src.version.paragraphs().size() + "; cannot place the " + lang + " translation");
        }
        String title = v.title() == null || v.title().isBlank() ? null : v.title().strip();
        if (title == null && units.title() != null) {
            warnings.add("[" + lang + "] no title: the " + srcLang + " page title was kept; give the version a title");
        }
        return merge(format, bytes, src.version.encoding(), original, srcLang, lang, unitTexts(src, v, warnings), title, warnings);
    }

    /** The version's title when it differs from the original's, else null. */
    private static String changedTitle(DocumentVersion v, DocumentUnits.Content units) {
        String t = v.title();
        if (t == null || t.isBlank() || units.title() == null) return null;
        return t.strip().equals(units.title()) ? null : t.strip();
    }

    private static byte[] merge(Format format, byte[] original, String encoding, Path file, String srcLang, String tgtLang,
                                List<String> markups, String title, List<String> warnings) {
        DocumentUnits.Merged m = DocumentUnits.merge(format, original, encoding, file.toString(), srcLang, tgtLang,
                i -> i < markups.size() ? markups.get(i) : null, title);
        if (m.formattingLost()) {
            warnings.add("[" + tgtLang + "] some inline formatting of the " + srcLang + " original could not be carried over"
                    + (format == Format.DOCX ? " (links, underline, fields, or bold/italic the original paragraph has no run for)"
                    : " (paragraphs without the original's tags)"));
        }
        if (m.textsKept() > 0 && !srcLang.equals(tgtLang)) {
            warnings.add("[" + tgtLang + "] " + m.textsKept() + " text(s) outside the paragraphs (alt, title or meta attributes)"
                    + " kept in " + srcLang);
        }
        return m.bytes();
    }

    /** The version a translated version was made from, and how their paragraphs correspond. */
    private record Source(DocumentVersion version, List<Bead> beads) {}

    /**
     * The source of a version without an original: another version of the same format with an original,
     * preferring one aligned with it ({@code align.<src>-<lang>.json}, or the reverse alignment read backwards).
     */
    private Optional<Source> sourceOf(Statement st, DocumentVersion v) {
        DocumentVersion fallback = null;
        for (String other : languageOrder(st)) {
            DocumentVersion o = st.version(other);
            if (other.equals(v.lang()) || !o.format().equals(v.format()) || !hasOriginal(st.id(), o)) continue;
            Optional<Alignment> a = project.loadAlignment(st.id(), other, v.lang());
            if (a.isPresent()) return Optional.of(new Source(o, checked(a.get(), o, v)));
            Optional<Alignment> r = project.loadAlignment(st.id(), v.lang(), other);
            if (r.isPresent()) return Optional.of(new Source(o, checked(reversed(r.get()), o, v)));
            if (fallback == null) fallback = o;
        }
        return Optional.ofNullable(fallback).map(o -> new Source(o, null));
    }

    private static List<Bead> checked(Alignment a, DocumentVersion src, DocumentVersion tgt) {
        Alignment oriented = a.sourceLang().equals(src.lang()) ? a : reversed(a);
        try {
            oriented.validate(src, tgt);
        } catch (IllegalStateException e) {
            throw new DiptychException("alignment " + a.sourceLang() + "-" + a.targetLang() + " of '" + a.statementId()
                    + "' does not match its versions (" + e.getMessage() + "); re-align before export");
        }
        return oriented.beads();
    }

    static Alignment reversed(Alignment a) {
        List<Bead> beads = new ArrayList<>();
        for (Bead b : a.beads()) {
            beads.add(b.reversed());
        }
        return new Alignment(a.statementId(), a.targetLang(), a.sourceLang(), beads, a.updatedAt());
    }

    /**
     * The markup for each content unit of the source original: unit i is source paragraph i; it gets the
     * translated paragraphs of its bead (joined by a space), the other source paragraphs of a many-to-one
     * bead get nothing, a source paragraph without translation keeps its text (with a warning), and a
     * translated paragraph without source joins the unit before it. Without an alignment, paragraphs
     * correspond by position and the counts must be equal.
     */
    private static List<String> unitTexts(Source src, DocumentVersion v, List<String> warnings) {
        List<Paragraph> sp = src.version.paragraphs();
        String[] per = new String[sp.size()];
        if (src.beads == null) {
            if (sp.size() != v.paragraphs().size()) {
                throw new DiptychException("statement [" + v.lang() + "]: " + v.paragraphs().size() + " paragraphs for "
                        + sp.size() + " in " + src.version.lang() + " and no alignment to match them; align them first");
            }
            for (int i = 0; i < per.length; i++) per[i] = v.paragraphs().get(i).markup();
            return Arrays.asList(per);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < sp.size(); i++) index.put(sp.get(i).id(), i);
        int last = -1;
        StringBuilder orphans = new StringBuilder();
        int untranslated = 0, joined = 0;
        for (Bead b : src.beads) {
            List<String> t = new ArrayList<>();
            for (String tid : b.target()) {
                Paragraph p = v.paragraph(tid);
                if (p != null && !p.markup().isBlank()) t.add(p.markup());
            }
            String text = String.join(" ", t);
            if (b.source().isEmpty()) {
                joined++;
                if (last >= 0) per[last] = per[last] == null || per[last].isEmpty() ? text : per[last] + " " + text;
                else orphans.append(text).append(' ');
                continue;
            }
            int first = index.get(b.source().get(0));
            if (text.isEmpty()) {
                untranslated++;
            } else {
                per[first] = text;
            }
            for (int k = 1; k < b.source().size(); k++) per[index.get(b.source().get(k))] = "";
            last = index.get(b.source().get(b.source().size() - 1));
        }
        if (orphans.length() > 0 && per.length > 0) per[0] = orphans + (per[0] == null ? "" : per[0]);
        if (untranslated > 0) warnings.add("[" + v.lang() + "] " + untranslated + " paragraph(s) not translated: the "
                + src.version.lang() + " text was kept");
        if (joined > 0) warnings.add("[" + v.lang() + "] " + joined + " paragraph(s) without a source paragraph were joined to the one before");
        return Arrays.asList(per);
    }

    // ---------------------------------------------------------------- bundles

    private byte[] bundle(Statement st, String srcLang, String tgtLang, Rendered a, Rendered b, Instant now) {
        String id = st.id();
        Alignment al = project.loadAlignment(id, srcLang, tgtLang)
                .or(() -> project.loadAlignment(id, tgtLang, srcLang).map(Exporter::reversed))
                .orElseThrow(() -> new DiptychException("statement '" + id + "': no alignment of " + srcLang + " and " + tgtLang
                        + " to bundle; align them first ('diptych align')"));
        DocumentVersion sv = st.version(srcLang), tv = st.version(tgtLang);
        List<Bead> beads = checked(al, sv, tv);
        String version = DiptychVersion.get();
        String base = id + "." + srcLang + "-" + tgtLang;

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(srcLang + "/" + fileName(a.relPath()), a.bytes());
        entries.put(tgtLang + "/" + fileName(b.relPath()), b.bytes());
        entries.put("side-by-side.html", SideBySideHtml.render(id, sv, tv, beads, now, version).getBytes(StandardCharsets.UTF_8));
        entries.put(base + ".tmx", BundleFiles.tmx(id, sv, tv, beads, now, version));
        entries.put(base + ".xlf", BundleFiles.xliff(id, sv, tv, beads));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("statement", id);
        manifest.put("title", Map.of(srcLang, nonNull(sv.title() == null ? null : HtmlEntities.decode(sv.title())),
                tgtLang, nonNull(tv.title() == null ? null : HtmlEntities.decode(tv.title()))));
        manifest.put("languages", Map.of("source", srcLang, "target", tgtLang));
        List<Map<String, Object>> fileList = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", e.getKey());
            f.put("sha256", sha256(e.getValue()));
            f.put("bytes", e.getValue().length);
            fileList.add(f);
        }
        manifest.put("files", fileList);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BeadStatus s : BeadStatus.values()) counts.put(s.name().toLowerCase(java.util.Locale.ROOT), 0);
        Set<String> reviewers = new java.util.TreeSet<>();
        int doubtful = 0;
        for (Bead bd : beads) {
            counts.merge(bd.status().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            if (bd.reviewer() != null) reviewers.add(bd.reviewer());
            if ("doubtful".equals(SideBySideHtml.state(bd))) doubtful++;
        }
        Map<String, Object> beadInfo = new LinkedHashMap<>();
        beadInfo.put("total", beads.size());
        beadInfo.put("byStatus", counts);
        beadInfo.put("doubtful", doubtful);
        manifest.put("beads", beadInfo);
        manifest.put("reviewers", List.copyOf(reviewers));
        manifest.put("exportedAt", now.toString());
        manifest.put("diptychVersion", version);
        manifest.put("formats", Map.of("tmx", "TMX 1.4b", "xliff", "XLIFF 2.0"));
        byte[] manifestBytes;
        try {
            manifestBytes = Project.json().writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) put(zip, entryName(base, e.getKey()), e.getValue(), now);
            put(zip, base + "/manifest.json", manifestBytes, now);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, Instant time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time.toEpochMilli());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * {@code base/key} if every part of it is a portable file name (no {@code ..}, no absolute path, no
     * separator games): a bundle is unpacked by others, so no entry may point outside its folder.
     */
    static String entryName(String base, String key) {
        String name = base + "/" + key;
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                throw new DiptychException("bundle entry '" + org.diptych.project.Messages.printable(name)
                        + "' would leave the bundle's folder ('" + part + "' part)");
            }
            SafePaths.name(part, "bundle entry '" + org.diptych.project.Messages.printable(name) + "':");
        }
        return name;
    }

    private static String fileName(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- writing

    private record Pending(Path target, byte[] content, String lang, String url, Kind kind) {}

    /**
     * Writes the files of one export all or nothing ({@link ExportWrite}): those whose content differs from what
     * is there, in one change.
     */
    private List<ExportedFile> writeFiles(Path out, List<Pending> pending) {
        List<ExportedFile> result = new ArrayList<>();
        List<ExportWrite.Change> changes = new ArrayList<>();
        try {
            for (Pending f : pending) {
                guard(f.target());
                boolean same = Files.isRegularFile(f.target()) && Arrays.equals(Files.readAllBytes(f.target()), f.content());
                if (!same) changes.add(new ExportWrite.Change(f.target(), f.content()));
                result.add(new ExportedFile(f.target(), f.lang(), f.url(), f.kind(), sha256(f.content()), !same));
            }
            ExportWrite.writeAll(out, changes);
        } catch (IOException e) {
            String where = changes.size() == 1 ? changes.get(0).target().toString() : out.toString();
            throw new DiptychException(where + ": cannot write (" + e.getMessage() + "); " + (e instanceof ExportWrite.Decided
                    ? "the export is decided and is finished by the next export into this folder"
                    : changes.size() > 1 ? "none of the " + changes.size() + " files was changed" : "the file was not changed"), e);
        }
        return result;
    }

    /**
     * A new, empty temporary file {@code .<name>.<hex>.tmp} in {@code dir} for {@code target}, made with
     * {@link Files#createFile} so that it gets the user's umask (not the 600 of {@code createTempFile}).
     */
    static Path newTempBeside(Path dir, Path target) throws IOException {
        for (int i = 0; ; i++) {
            Path t = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime() + i) + ".tmp");
            try {
                return Files.createFile(t);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (i > 100) throw taken;
            }
        }
    }

    /**
     * Writes a file all or nothing (temp file beside it, fsync, atomic rename) with the permissions any editor
     * would give it: an existing file keeps its own, a new one gets the user's umask (the temp file is made
     * with {@link Files#createFile}, not {@code createTempFile}, whose files are 600).
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        cleanLeftovers(target);
        Path tmp = newTempBeside(dir, target);
        try {
            if (Files.isRegularFile(target) && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            try (java.nio.channels.FileChannel d = java.nio.channels.FileChannel.open(dir)) {
                d.force(true);
            } catch (IOException notOnThisSystem) {
                // directories cannot be synced everywhere (Windows); the rename is still atomic
            }
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes what a crashed export left beside {@code target}: only Diptych's own temporary names for this
     * very file ({@code .<name>.<hex>.tmp}, as {@link #writeAtomically} makes them), regular files, not
     * links, and only when older than a minute (another export writing the same file right now keeps its
     * temp). The user's own files never match.
     */
    static int cleanLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        int removed = 0;
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !n.endsWith(".tmp")) continue;
                String hex = n.substring(prefix.length(), n.length() - 4);
                if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) continue;
                if (!SafePaths.isRegularFile(p)) continue;
                try {
                    java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (t.toMillis() > System.currentTimeMillis() - LEFTOVER_AGE_MS) continue;
                    if (Files.deleteIfExists(p)) removed++;
                } catch (IOException gone) {
                    // removed by someone else meanwhile, or not ours to remove: leave it
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed will fail the write itself with its own message
        }
        return removed;
    }

    /**
     * Finishes an export into {@code out} that was interrupted after it decided its change (what every export
     * into the folder does first); nothing to do otherwise.
     */
    public static void finishInterrupted(Path out) {
        ExportWrite.recover(out);
    }

    /** A temp file younger than this may belong to an export running right now. */
    static long LEFTOVER_AGE_MS = 60_000;

    /** Refuses to write over the project's own files (originals, parsed versions, TM, backups, manifest). */
    private void guard(Path target) {
        Path t = target.toAbsolutePath().normalize();
        Path dir = project.dir().toAbsolutePath().normalize();
        for (String inner : List.of(Project.STATEMENTS, Project.TM, Project.BACKUPS)) {
            if (t.startsWith(dir.resolve(inner))) {
                throw new DiptychException(target + ": export would write inside the project's " + inner
                        + " folder; choose an export folder outside the project");
            }
        }
        if (t.equals(dir.resolve(Project.MANIFEST)) || t.equals(dir.resolve(org.diptych.project.ProjectLock.FILE))) {
            throw new DiptychException(target + ": export would overwrite a project file; choose another export folder");
        }
    }

    private static String readBack(Path p, Charset charset) {
        try {
            return new String(Files.readAllBytes(p), charset);
        } catch (IOException e) {
            throw new DiptychException(p + ": cannot read back for the link check (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new DiptychException(p + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
