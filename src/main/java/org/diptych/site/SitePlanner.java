package org.diptych.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.export.LinkStyle;
import org.diptych.export.PostKey;
import org.diptych.export.SitePattern;
import org.diptych.formats.FrontMatterParser;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.model.FrontMatter;
import org.diptych.model.Languages;
import org.diptych.model.Statement;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan.Action;
import org.diptych.site.ImportPlan.Ambiguity;
import org.diptych.site.ImportPlan.InferredProfile;
import org.diptych.site.ImportPlan.PlannedStatement;
import org.diptych.site.ImportPlan.PlannedVersion;
import org.diptych.site.ImportPlan.Skipped;

/**
 * Works out an {@link ImportPlan} for a site checkout, reading only: discovers the posts and pages of every
 * language, pairs them into statements, names the statements and infers the site profiles.
 *
 * <h2>Language of a file</h2> its front matter's {@code lang}, {@code language} or {@code locale}; else a Hugo
 * file-name suffix ({@code page.ru.md}); else a language folder ({@code en/_posts/}, {@code blog/en/_posts/},
 * {@code content/ru/}) or a collection per language ({@code _posts_ru/}, {@code _ru/}); else the config's default
 * language; else detected from the text.
 *
 * <h2>Pairing</h2> in three rounds, each only joining what the earlier ones left apart: the reciprocal link
 * lines at the top of the bodies (a link is resolved to a post by the language, date and slug its URL carries,
 * the way Jekyll and Hugo permalinks spell them); the same file in sibling language trees (the path with its
 * language mark removed); the same {@code translationKey} or {@code ref}. When a round would put two posts of
 * one language in a statement, every post involved is reported as ambiguous and none is imported.
 *
 * <h2>Statement ids</h2> Jekyll's {@code YYYY-MM-DD-slug} when a version's file name has it, else the slug
 * (file name, or folder of a page bundle), else the page's path with dashes; refused (and reported) when it
 * would hold {@code ..}, a separator, a control character or a Windows reserved name.
 */
public final class SitePlanner {
    /** Threads parsing the site's files (the machine the teams use has two cores or more). */
    private static final int PARSERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final Pattern DATED_NAME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.+)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern LINK = Pattern.compile("\\[(?:[^\\]\\\\]|\\\\.)*]\\(\\s*<?([^()\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK_LINE_REST = Pattern.compile("[\\s|·•/,;:—–\\-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");
    /** ISO 639-1 codes recognised as language marks in paths (beside the config's languages). */
    private static final Set<String> CODES = Set.of("ru", "en", "pt", "de", "fr", "es", "it", "uk", "be", "kk", "pl",
            "cs", "nl", "sv", "fi", "no", "da", "tr", "ar", "he", "fa", "zh", "ja", "ko", "el", "ro", "hu", "bg", "sr",
            "hr", "ka", "hy", "az", "uz", "lt", "lv", "et", "ca", "eu", "gl", "id", "vi", "hi", "th", "eo");
    private static final Set<String> BUILD = Set.of(".git", ".github", ".gitlab", "node_modules", "_site", "public",
            "resources", "vendor", ".jekyll-cache", ".sass-cache", ".bundle", ".idea", ".vscode", "target");
    private static final Set<String> LAYOUTS = Set.of("_layouts", "layouts", "_includes", "partials", "themes",
            "archetypes", "_sass", "shortcodes");
    private static final Set<String> ASSETS = Set.of("assets", "static", "images", "img", "css", "js", "fonts",
            "_data", "data", "i18n", "uploads", "media", "files");
    private static final Set<String> REPO_FILES = Set.of("readme", "license", "licence", "changelog", "contributing",
            "code_of_conduct", "security", "authors");

    private final Path site;
    private final List<String> projectLangs;
    private final SiteConfig config;
    private final Set<String> langMarks = new LinkedHashSet<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, Integer> skippedCounts = new TreeMap<>();
    private final Map<String, List<String>> other = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    /** A discovered post or page. */
    static final class Post {
        final String rel;
        String lang;
        String langHow;
        final String key;
        final String slug;
        final String date;
        final boolean datedName;
        final String transKey;
        final List<String> links;
        ImportResult parsed;
        int group;
        final List<String> resolved = new ArrayList<>(); // urls of links resolved to another post

        Post(String rel, String lang, String langHow, String key, String slug, String date, boolean datedName,
             String transKey, List<String> links) {
            this.rel = rel;
            this.lang = lang;
            this.langHow = langHow;
            this.key = key;
            this.slug = slug;
            this.date = date;
            this.datedName = datedName;
            this.transKey = transKey;
            this.links = links;
        }
    }

    private SitePlanner(Path site, List<String> projectLangs) {
        this.site = site;
        this.projectLangs = projectLangs;
        this.config = SiteConfig.read(site);
        for (String l : config.languages()) langMarks.add(l);
        langMarks.addAll(CODES);
        for (String l : projectLangs) langMarks.add(l.toLowerCase(Locale.ROOT));
    }

    /**
     * The plan for importing {@code site} into {@code project} (which is only read).
     *
     * @throws DiptychException if the site folder cannot be read
     */
    public static ImportPlan plan(Project project, Path site, Progress progress) {
        Path dir = site.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) throw new DiptychException(site + ": no such site folder");
        Path pd = project.dir().toAbsolutePath().normalize();
        if (pd.startsWith(dir) || dir.startsWith(pd)) {
            throw new DiptychException(site + ": the site folder and the project folder " + project.dir() + " must not contain each other");
        }
        SitePlanner p = new SitePlanner(dir, project.manifest().languages());
        return p.run(project, progress == null ? Progress.NONE : progress);
    }

    private ImportPlan run(Project project, Progress pr) {
        List<Path> files = walk();
        List<Post> posts = new ArrayList<>();
        // what decides whether a file is a page is read here, in order; the parsing (Okapi, the slow part) in
        // a pool of two threads; the posts are then taken in file order, so the plan does not depend on timing
        ExecutorService pool = Executors.newFixedThreadPool(PARSERS, r -> {
            Thread t = new Thread(r, "site-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Pending> pending = new ArrayList<>();
            List<Future<Object>> parsed = new ArrayList<>();
            for (Path f : files) {
                pr.checkCancelled();
                Pending p = read(f);
                if (p == null) continue;
                pending.add(p);
                parsed.add(pool.submit(() -> parse(p)));
            }
            for (int i = 0; i < pending.size(); i++) {
                pr.checkCancelled();
                pr.update(i, pending.size(), "Reading " + pending.get(i).rel());
                Object r;
                try {
                    r = parsed.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Progress.Cancelled();
                } catch (ExecutionException e) {
                    r = new DiptychException(pending.get(i).f() + ": cannot read (" + e.getCause() + ")", e.getCause());
                }
                Post post = finish(pending.get(i), r);
                if (post != null) posts.add(post);
            }
        } finally {
            pool.shutdownNow();
        }
        List<List<Post>> groups = pair(posts);
        List<PlannedStatement> statements = new ArrayList<>();
        List<Ambiguity> ambiguous = new ArrayList<>(this.ambiguities);
        Map<String, List<Post>> byId = name(groups, ambiguous);
        Set<String> existing = new HashSet<>(project.statementIds());
        for (Map.Entry<String, List<Post>> e : byId.entrySet()) {
            List<PlannedVersion> versions = new ArrayList<>();
            for (Post p : e.getValue()) {
                Action a = action(project, existing, e.getKey(), p);
                boolean moved = a == Action.UNCHANGED && !p.rel.equals(project.loadVersion(e.getKey(), p.lang)
                        .map(org.diptych.model.DocumentVersion::sitePath).orElse(null));
                versions.add(new PlannedVersion(p.lang, p.rel, p.langHow, a, p.parsed, moved));
            }
            statements.add(new PlannedStatement(e.getKey(), pairedBy.getOrDefault(e.getValue().get(0).group, "single"), versions));
        }
        Map<String, InferredProfile> profiles = infer(byId);
        return new ImportPlan(site, config, List.copyOf(statements), List.copyOf(ambiguous), other, List.copyOf(skipped),
                skippedCounts, profiles, List.copyOf(notes));
    }

    // ------------------------------------------------------------------ discovery

    private String rel(Path f) {
        return site.relativize(f).toString().replace('\\', '/');
    }

    private void skip(String path, String reason) {
        skipped.add(new Skipped(path, reason));
        skippedCounts.merge(reason, 1, Integer::sum);
    }

    private List<Path> walk() {
        List<Path> md = new ArrayList<>();
        try {
            Files.walkFileTree(site, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    if (d.equals(site)) return FileVisitResult.CONTINUE;
                    String name = d.getFileName().toString();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (BUILD.contains(lower)) {
                        skippedCounts.merge("build output or tooling folder", 1, Integer::sum);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (LAYOUTS.contains(lower)) {
                        skip(rel(d) + "/", "layouts, includes or theme");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (ASSETS.contains(lower)) {
                        skip(rel(d) + "/", "assets or data");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (lower.equals("_drafts")) {
                        skip(rel(d) + "/", "drafts");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isSymbolicLink()) {
                        skip(rel(f), "symbolic link (not followed)");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!a.isRegularFile()) return FileVisitResult.CONTINUE;
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".md") || name.endsWith(".markdown")) md.add(f);
                    else skippedCounts.merge("assets and other files (not markdown)", 1, Integer::sum);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    skip(rel(f), "cannot read (" + e.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DiptychException(site + ": cannot read the site folder (" + e.getMessage() + ")", e);
        }
        md.sort(Comparator.comparing(this::rel));
        return md;
    }

    private Pending read(Path f) {
        String rel = rel(f);
        List<String> segs = new ArrayList<>(Arrays.asList(rel.split("/")));
        String file = segs.remove(segs.size() - 1);
        String stem = file.substring(0, file.lastIndexOf('.'));
        String lowerStem = stem.toLowerCase(Locale.ROOT);
        if (segs.isEmpty() && REPO_FILES.contains(lowerStem)) {
            skip(rel, "repository file, not a page");
            return null;
        }
        if (lowerStem.equals("_index") || lowerStem.startsWith("_index.")) {
            skip(rel, "index page (section list)");
            return null;
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(f);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            skip(rel, "cannot read (" + e.getMessage() + ")");
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n");
        FrontMatterParser.Split split;
        try {
            split = FrontMatterParser.split(text, rel);
        } catch (DiptychException e) {
            skip(rel, e.getMessage().startsWith(rel) ? e.getMessage().substring(rel.length() + 2) : e.getMessage());
            return null;
        }
        FrontMatter fm = split.frontMatter();
        boolean inContent = config.hugo() && !segs.isEmpty() && segs.get(0).equals("content");
        boolean inPosts = segs.stream().anyMatch(s -> s.equals("_posts") || collectionLang(s) != null);
        if (!inContent && !inPosts && fm.style() == FrontMatter.Style.NONE) {
            skip(rel, "no front matter (the site does not publish it)");
            return null;
        }
        if ("true".equalsIgnoreCase(fm.get("draft")) || "false".equalsIgnoreCase(fm.get("published"))) {
            skip(rel, "draft (draft: true or published: false)");
            return null;
        }
        String layout = fm.get("layout");
        if (layout != null && Set.of("home", "archive", "list", "redirect", "search").contains(layout.toLowerCase(Locale.ROOT))) {
            skip(rel, "index page (layout " + layout + ")");
            return null;
        }

        // language and the path with its language mark removed
        String lang = null, how = null;
        for (String k : List.of("lang", "language", "locale")) {
            String v = fm.get(k);
            if (v != null && !v.isBlank()) {
                lang = v.strip();
                how = "front matter '" + k + "'";
                break;
            }
        }
        String keyStem = stem;
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && isLangMark(stem.substring(dot + 1))) {
            if (lang == null) {
                lang = stem.substring(dot + 1);
                how = "file name suffix";
            }
            keyStem = stem.substring(0, dot);
        }
        List<String> keySegs = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            String cl = collectionLang(s);
            // a language folder: at the top, under content/ (Hugo), just above _posts, or just inside it
            // (_posts/ru/, as jekyll-polyglot sites keep their translated posts)
            boolean langFolder = isLangMark(s) && (i == 0 || inContent && i == 1 || i + 1 < segs.size() && segs.get(i + 1).equals("_posts")
                    || i > 0 && segs.get(i - 1).equals("_posts")
                    || segs.subList(0, i).stream().noneMatch(x -> x.equals("_posts")) && i <= 2);
            if (cl != null) {
                if (lang == null) {
                    lang = cl;
                    how = "collection " + s;
                }
                keySegs.add("_posts");
            } else if (langFolder) {
                if (lang == null) {
                    lang = s;
                    how = "folder " + String.join("/", segs.subList(0, i + 1));
                }
            } else {
                keySegs.add(s);
            }
        }
        if (lowerStem.equals("index") || lowerStem.startsWith("index.")) {
            boolean root = keySegs.isEmpty() || keySegs.size() == 1 && keySegs.get(0).equals("content");
            if (root || "list".equals(fm.get("type"))) {
                skip(rel, "index page");
                return null;
            }
        }
        if (lang == null && config.defaultLanguage() != null) {
            lang = config.defaultLanguage();
            how = "site default language (" + config.file() + ")";
        }
        String normalized = null;
        if (lang != null) {
            try {
                normalized = Languages.normalize(lang);
            } catch (IllegalArgumentException e) {
                other.computeIfAbsent(lang.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(rel);
                return null;
            }
            if (!inProject(normalized)) {
                other.computeIfAbsent(normalized, k -> new ArrayList<>()).add(rel);
                return null;
            }
        }
        return new Pending(f, rel, normalized, how, keyStem, List.copyOf(keySegs), fm, split.body());
    }

    /** A file that is a page in a language of the project (or in a language still to be detected), to parse. */
    private record Pending(Path f, String rel, String lang, String how, String keyStem, List<String> keySegs,
                           FrontMatter fm, String body) {}

    /** Parses a file as the import will store it (thread-safe: touches nothing of the planner). */
    private static Object parse(Pending p) {
        try {
            return Importer.importFile(p.f(), new ImportOptions(p.lang(), null, "markdown"));
        } catch (DiptychException e) {
            return e;
        }
    }

    /** The post of a parsed file, or null if it is no post of the project (said in the skipped or other lists). */
    private Post finish(Pending pd, Object result) {
        Path f = pd.f();
        String rel = pd.rel(), normalized = pd.lang(), how = pd.how(), keyStem = pd.keyStem();
        List<String> keySegs = pd.keySegs();
        FrontMatter fm = pd.fm();
        if (result instanceof DiptychException e) {
            String m = e.getMessage();
            skip(rel, m.startsWith(f.toString()) ? m.substring(f.toString().length()).replaceFirst("^:\\s*", "") : m);
            return null;
        }
        ImportResult parsed = (ImportResult) result;
        if (normalized == null) {
            normalized = parsed.lang();
            how = parsed.langReason();
            if (!inProject(normalized)) {
                other.computeIfAbsent(normalized, k -> new ArrayList<>()).add(rel);
                return null;
            }
        }

        boolean bundle = keyStem.equalsIgnoreCase("index") && !keySegs.isEmpty();
        String nameForSlug = bundle ? keySegs.get(keySegs.size() - 1) : keyStem;
        Matcher dm = DATED_NAME.matcher(nameForSlug);
        boolean dated = dm.matches();
        String slug = dated ? dm.group(4) : nameForSlug;
        String date = dated ? dm.group(1) + "-" + dm.group(2) + "-" + dm.group(3) : null;
        String fmSlug = fm.get("slug");
        if (!dated && fmSlug != null && !fmSlug.isBlank()) slug = fmSlug.strip();
        if (date == null && fm.get("date") != null) {
            Matcher d = DATE.matcher(fm.get("date"));
            if (d.find()) date = d.group(1) + "-" + pad(d.group(2)) + "-" + pad(d.group(3));
        }
        String tk = fm.get("translationKey");
        if (tk == null || tk.isBlank()) tk = fm.get("ref");
        String key = String.join("/", keySegs) + "/" + keyStem;
        Post post = new Post(rel, normalized, how, key, slug, date, dated, tk == null || tk.isBlank() ? null : tk.strip(),
                topLinks(pd.body()));
        post.parsed = parsed;
        return post;
    }

    /** A project language, or a regional variant of one ({@code pt-BR} in a {@code pt} project). */
    private boolean inProject(String lang) {
        return projectLangs.isEmpty() || projectLangs.contains(lang) || projectLangs.contains(Languages.base(lang));
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    private boolean isLangMark(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (langMarks.contains(l)) return true;
        int dash = l.indexOf('-');
        return dash == 2 && l.length() <= 7 && langMarks.contains(l.substring(0, 2)) && l.substring(3).matches("[a-z]{2,4}");
    }

    /** The language of a per-language collection folder ({@code _posts_ru}, {@code _ru_posts}, {@code _ru}), or null. */
    private String collectionLang(String seg) {
        Matcher m = Pattern.compile("_(?:posts[_-])?([a-z]{2}(?:[_-][a-z]{2,4})?)(?:[_-]posts)?").matcher(seg.toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        String l = m.group(1).replace('_', '-');
        return isLangMark(l) && !seg.equals("_posts") ? l : null;
    }

    /** URLs of the link-only lines at the top of a body (several links on a line allowed, separated by punctuation). */
    static List<String> topLinks(String body) {
        List<String> urls = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                if (urls.isEmpty()) continue;
                // a blank line ends the link block only if the next non-blank line is not a link line
                continue;
            }
            Matcher m = LINK.matcher(line);
            int last = 0;
            List<String> here = new ArrayList<>();
            boolean ok = true;
            while (m.find()) {
                if (!LINK_LINE_REST.matcher(line.substring(last, m.start())).matches()) {
                    ok = false;
                    break;
                }
                here.add(m.group(1));
                last = m.end();
            }
            if (!ok || here.isEmpty() || !LINK_LINE_REST.matcher(line.substring(last)).matches()) break;
            urls.addAll(here);
        }
        return urls;
    }

    // ------------------------------------------------------------------ pairing

    private final List<Ambiguity> ambiguities = new ArrayList<>();
    private final Map<Integer, String> pairedBy = new HashMap<>();

    private List<List<Post>> pair(List<Post> posts) {
        int[] parent = new int[posts.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Set<Integer> bad = new java.util.HashSet<>();
        Map<Integer, String> rule = new HashMap<>();

        // round 1: reciprocal links
        urlMarked.clear();
        for (Post p : posts) {
            for (String url : p.links) {
                if (!ownSite(url)) continue;
                String l = urlLang(pathSegments(url));
                if (l != null) urlMarked.add(Languages.base(l));
            }
        }
        Map<String, List<Integer>> bySlug = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) bySlug.computeIfAbsent(posts.get(i).slug, k -> new ArrayList<>()).add(i);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            Map<String, Set<Integer>> targets = new TreeMap<>();
            for (String url : p.links) {
                Optional<Integer> t = resolve(url, p, posts, bySlug, i);
                if (t == null) continue; // not a link to a post of the site
                if (t.isEmpty()) {
                    ambiguities.add(new Ambiguity(List.of(p.rel), "its link " + url + " fits several posts"));
                    bad.add(i);
                    continue;
                }
                targets.computeIfAbsent(posts.get(t.get()).lang, k -> new LinkedHashSet<>()).add(t.get());
                p.resolved.add(url);
            }
            for (Map.Entry<String, Set<Integer>> e : targets.entrySet()) {
                if (e.getValue().size() > 1) {
                    List<String> paths = new ArrayList<>(List.of(p.rel));
                    for (int t : e.getValue()) paths.add(posts.get(t).rel);
                    ambiguities.add(new Ambiguity(paths, p.rel + " links to " + e.getValue().size() + " " + e.getKey() + " posts"));
                    bad.add(i);
                    bad.addAll(e.getValue());
                } else {
                    edges.add(new int[] {i, e.getValue().iterator().next()});
                }
            }
        }
        round(posts, parent, edges, "reciprocal links", bad, rule);

        // round 2: the same file in sibling language trees
        edges.clear();
        Map<String, List<Integer>> byKey = new TreeMap<>();
        for (int i = 0; i < posts.size(); i++) byKey.computeIfAbsent(posts.get(i).key, k -> new ArrayList<>()).add(i);
        for (List<Integer> same : byKey.values()) {
            for (int k = 1; k < same.size(); k++) edges.add(new int[] {same.get(0), same.get(k)});
        }
        round(posts, parent, edges, "same file name", bad, rule);

        // round 3: translationKey / ref
        edges.clear();
        Map<String, List<Integer>> byTk = new TreeMap<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).transKey != null) byTk.computeIfAbsent(posts.get(i).transKey, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> same : byTk.values()) {
            for (int k = 1; k < same.size(); k++) edges.add(new int[] {same.get(0), same.get(k)});
        }
        round(posts, parent, edges, "translationKey", bad, rule);

        Map<Integer, List<Post>> groups = new TreeMap<>();
        Set<Integer> badRoots = new java.util.HashSet<>();
        for (int b : bad) badRoots.add(find(parent, b));
        for (int i = 0; i < posts.size(); i++) {
            int r = find(parent, i);
            if (badRoots.contains(r)) continue;
            posts.get(i).group = r;
            groups.computeIfAbsent(r, k -> new ArrayList<>()).add(posts.get(i));
        }
        rule.forEach((root, how) -> pairedBy.put(find(parent, root), how));
        return new ArrayList<>(groups.values());
    }

    /** Joins the edges' groups unless that puts two posts of one language together (then all are ambiguous). */
    private void round(List<Post> posts, int[] parent, List<int[]> edges, String how, Set<Integer> bad, Map<Integer, String> rule) {
        Map<Integer, Set<String>> langs = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) langs.computeIfAbsent(find(parent, i), k -> new java.util.HashSet<>()).add(posts.get(i).lang);
        for (int[] e : edges) {
            int a = find(parent, e[0]), b = find(parent, e[1]);
            if (a == b) continue;
            Set<String> la = langs.get(a), lb = langs.get(b);
            Set<String> both = new java.util.HashSet<>(la);
            both.retainAll(lb);
            if (!both.isEmpty()) {
                if (how.equals("same file name") && posts.get(e[0]).lang.equals(posts.get(e[1]).lang)) {
                    continue; // one language, same path in two places: not a pairing claim
                }
                ambiguities.add(new Ambiguity(List.of(posts.get(e[0]).rel, posts.get(e[1]).rel),
                        "paired by " + how + ", but the statement would then have two " + String.join(", ", new TreeMap<>(
                                Map.of("x", both)).get("x")) + " versions"));
                bad.add(e[0]);
                bad.add(e[1]);
                continue;
            }
            parent[b] = a;
            la.addAll(lb);
            langs.remove(b);
            rule.putIfAbsent(a, how);
            String rb = rule.remove(b);
            if (rb != null && !rb.equals(how)) rule.put(a, rule.get(a) + ", " + rb);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * The post a link points at: null if it points at no post of the site, empty if at several.
     * The URL's path (host and the config's base path removed) gives the slug (its last segment, without
     * {@code .html}), a date ({@code /YYYY/MM/DD/} or {@code YYYY-MM-DD-} in the last segment) and a language
     * (a leading language segment).
     */
    private Optional<Integer> resolve(String url, Post from, List<Post> posts, Map<String, List<Integer>> bySlug, int self) {
        String u = url;
        int cut = u.indexOf('#');
        if (cut >= 0) u = u.substring(0, cut);
        cut = u.indexOf('?');
        if (cut >= 0) u = u.substring(0, cut);
        if (u.startsWith("mailto:")) return null;
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            String host = u.substring(0, slash < 0 ? u.length() : slash);
            if (config.url() != null && !config.url().startsWith(host) && !sameHost(host, config.url())) {
                return null; // another site
            }
            u = slash < 0 ? "/" : u.substring(slash);
        }
        List<String> segs = pathSegments(u);
        if (segs.isEmpty()) return null;
        String last = segs.get(segs.size() - 1);
        for (String ext : List.of(".html", ".htm", ".md", ".markdown")) {
            if (last.toLowerCase(Locale.ROOT).endsWith(ext)) last = last.substring(0, last.length() - ext.length());
        }
        if (last.equalsIgnoreCase("index") && segs.size() > 1) last = segs.get(segs.size() - 2);
        String date = null;
        Matcher dm = DATED_NAME.matcher(last);
        if (dm.matches()) {
            date = dm.group(1) + "-" + dm.group(2) + "-" + dm.group(3);
            last = dm.group(4);
        }
        String ym = null;
        for (int i = 0; i + 1 < segs.size(); i++) {
            if (segs.get(i).matches("\\d{4}") && segs.get(i + 1).matches("\\d{2}")) {
                ym = segs.get(i) + "-" + segs.get(i + 1);
                if (i + 2 < segs.size() && segs.get(i + 2).matches("\\d{2}")) date = ym + "-" + segs.get(i + 2);
                break;
            }
        }
        String lang = urlLang(segs);
        List<Integer> cands = new ArrayList<>();
        for (int i : bySlug.getOrDefault(last, List.of())) {
            Post p = posts.get(i);
            if (i == self || p.lang.equals(from.lang)) continue;
            if (lang != null && !Languages.base(p.lang).equals(Languages.base(lang))) continue;
            if (date != null && p.date != null && !p.date.equals(date)) continue;
            if (date == null && ym != null && p.date != null && !p.date.startsWith(ym)) continue;
            cands.add(i);
        }
        if (cands.isEmpty()) return null;
        if (cands.size() == 1) return Optional.of(cands.get(0));
        if (lang == null) {
            // a URL without a language segment is the default language's, the one without a language folder
            String def = config.defaultLanguage() == null ? null : normal(config.defaultLanguage());
            List<Integer> d = cands.stream().filter(c -> def != null && Languages.base(posts.get(c).lang).equals(Languages.base(def))).toList();
            if (d.size() == 1) return Optional.of(d.get(0));
            List<Integer> plain = cands.stream().filter(c -> !posts.get(c).langHow.startsWith("folder")
                    && !posts.get(c).langHow.startsWith("collection")).toList();
            if (plain.size() == 1) return Optional.of(plain.get(0));
            // nor is it a language whose posts other links of the site give with a language segment
            List<Integer> unmarked = cands.stream().filter(c -> !urlMarked.contains(Languages.base(posts.get(c).lang))).toList();
            if (unmarked.size() == 1) return Optional.of(unmarked.get(0));
        }
        return Optional.empty();
    }

    /** Languages that some link of the site names in a URL segment ({@code /ru/...}): a URL without one is not theirs. */
    private final Set<String> urlMarked = new java.util.HashSet<>();

    /** The decoded, non-empty path segments of a URL or path (query, fragment, scheme and host removed). */
    private static List<String> pathSegments(String url) {
        String u = url;
        int cut = u.indexOf('#');
        if (cut >= 0) u = u.substring(0, cut);
        cut = u.indexOf('?');
        if (cut >= 0) u = u.substring(0, cut);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "/" : u.substring(slash);
        }
        try {
            u = java.net.URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
            // keep as written
        }
        List<String> segs = new ArrayList<>();
        for (String s : u.split("/")) {
            if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) segs.add(s);
        }
        return segs;
    }

    /** The language a URL's path names in a segment before its last one, or null. */
    private String urlLang(List<String> segs) {
        if (segs.isEmpty()) return null;
        for (String s : segs.subList(0, segs.size() - 1)) {
            if (isLangMark(s)) {
                try {
                    return Languages.normalize(s);
                } catch (IllegalArgumentException e) {
                    return s.toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** A link into this site: a path, or an absolute URL on the config's host. */
    private boolean ownSite(String url) {
        if (url.startsWith("mailto:")) return false;
        int scheme = url.indexOf("://");
        if (scheme < 0) return true;
        if (config.url() == null) return false;
        int slash = url.indexOf('/', scheme + 3);
        String host = url.substring(0, slash < 0 ? url.length() : slash);
        return config.url().startsWith(host) || sameHost(host, config.url());
    }

    private static boolean sameHost(String host, String base) {
        String h = host.replaceFirst("^https?://(www\\.)?", "");
        String b = base.replaceFirst("^https?://(www\\.)?", "");
        return b.startsWith(h);
    }

    // ------------------------------------------------------------------ ids

    private Map<String, List<Post>> name(List<List<Post>> groups, List<Ambiguity> ambiguous) {
        Map<String, List<List<Post>>> byBase = new LinkedHashMap<>();
        for (List<Post> g : groups) {
            g.sort(Comparator.comparingInt(p -> langOrder(p.lang)));
            byBase.computeIfAbsent(baseId(g), k -> new ArrayList<>()).add(g);
        }
        Map<String, List<Post>> out = new TreeMap<>();
        Map<String, List<List<Post>>> second = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<Post>>> e : byBase.entrySet()) {
            if (e.getValue().size() == 1) second.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().get(0));
            else for (List<Post> g : e.getValue()) second.computeIfAbsent(pathId(g.get(0)), k -> new ArrayList<>()).add(g);
        }
        for (Map.Entry<String, List<List<Post>>> e : second.entrySet()) {
            String id = e.getKey();
            if (e.getValue().size() > 1) {
                List<String> paths = new ArrayList<>();
                for (List<Post> g : e.getValue()) for (Post p : g) paths.add(p.rel);
                ambiguous.add(new Ambiguity(paths, "these would all be statement '" + id + "'"));
                continue;
            }
            List<Post> g = e.getValue().get(0);
            String problem = idProblem(id);
            if (problem != null) {
                for (Post p : g) skip(p.rel, "cannot be a statement id '" + id.replaceAll("\\p{Cntrl}", "?") + "': " + problem);
                continue;
            }
            out.put(id, g);
        }
        return out;
    }

    private int langOrder(String lang) {
        int i = projectLangs.indexOf(lang);
        return i < 0 ? projectLangs.size() : i;
    }

    private static String baseId(List<Post> g) {
        for (Post p : g) {
            if (p.datedName) return p.date + "-" + p.slug;
        }
        return g.get(0).slug;
    }

    private static String pathId(Post p) {
        String k = p.key.replaceFirst("^content/", "").replaceFirst("^/", "");
        k = k.replace("_posts/", "");
        if (k.endsWith("/index")) k = k.substring(0, k.length() - "/index".length());
        return k.replace('/', '-');
    }

    /** Why a candidate id cannot be used, or null. */
    static String idProblem(String id) {
        if (id.isEmpty()) return "empty";
        if (id.contains("..")) return "contains '..'";
        if (id.contains("/") || id.contains("\\")) return "contains a path separator";
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) return "contains a control character";
        }
        if (RESERVED.matcher(id).matches()) return "a reserved file name on Windows";
        if (id.endsWith(".") || id.endsWith(" ")) return "ends with a dot or space";
        try {
            Statement.validateId(id);
        } catch (IllegalArgumentException e) {
            return "only letters, digits, dots, dashes and underscores are allowed";
        }
        return null;
    }

    private static Action action(Project project, Set<String> existing, String id, Post p) {
        if (!existing.contains(id) || !project.versionLanguages(id).contains(p.lang)) return Action.NEW;
        Optional<Path> original = project.originalFile(id, p.lang);
        if (original.isEmpty()) return Action.CHANGED;
        try {
            String name = p.rel.substring(p.rel.lastIndexOf('/') + 1);
            return original.get().getFileName().toString().equals(name)
                    && Arrays.equals(Files.readAllBytes(original.get()), p.parsed.original()) ? Action.UNCHANGED : Action.CHANGED;
        } catch (IOException e) {
            return Action.CHANGED;
        }
    }

    // ------------------------------------------------------------------ profiles

    private Map<String, InferredProfile> infer(Map<String, List<Post>> byId) {
        Map<String, Map<String, Integer>> paths = new TreeMap<>();
        Map<String, Map<String, Integer>> urls = new TreeMap<>();
        Map<String, int[]> style = new TreeMap<>(); // posts in pairs, with resolved top links, with lang+ref keys
        Map<String, Integer> count = new TreeMap<>();
        Map<String, Post> byRel = new HashMap<>();
        Map<String, String> idOf = new HashMap<>();
        for (Map.Entry<String, List<Post>> e : byId.entrySet()) {
            for (Post p : e.getValue()) {
                byRel.put(p.rel, p);
                idOf.put(p.rel, e.getKey());
            }
        }
        Map<String, Map<String, Integer>> shapes = new TreeMap<>();
        for (Map.Entry<String, List<Post>> e : byId.entrySet()) {
            String id = e.getKey();
            for (Post p : e.getValue()) {
                count.merge(p.lang, 1, Integer::sum);
                List<String> cs = pathCandidates(p);
                shapes.computeIfAbsent(p.lang, k -> new LinkedHashMap<>()).merge(p.datedName ? cs.get(0) : cs.get(1), 1, Integer::sum);
                PostKey key = PostKey.of(id, p.parsed.version());
                for (String cand : pathCandidates(p)) {
                    try {
                        SitePattern sp = SitePattern.parse(cand, SitePattern.Kind.PATH, "path");
                        if (sp.usesDate() && key.year() == null) continue;
                        if (sp.expand(key).equals(p.rel)) paths.computeIfAbsent(p.lang, k -> new LinkedHashMap<>()).merge(cand, 1, Integer::sum);
                    } catch (DiptychException | IllegalStateException ignored) {
                        // not a pattern for this post
                    }
                }
                int[] s = style.computeIfAbsent(p.lang, k -> new int[3]);
                if (e.getValue().size() > 1) {
                    s[0]++;
                    if (!p.resolved.isEmpty()) s[1]++;
                    FrontMatter fm = p.parsed.version().frontMatter();
                    if (fm.get("lang") != null && id.equals(fm.get("ref"))) s[2]++;
                }
                // URL patterns of the other versions from the links this post holds
                for (String url : p.resolved) {
                    for (Post q : e.getValue()) {
                        if (q == p) continue;
                        String pat = urlPattern(url, PostKey.of(id, q.parsed.version()));
                        if (pat != null) urls.computeIfAbsent(q.lang, k -> new LinkedHashMap<>()).merge(pat, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, InferredProfile> out = new TreeMap<>();
        for (String lang : count.keySet()) {
            String path = best(paths.get(lang));
            int covered = path == null ? 0 : paths.get(lang).get(path);
            if (path == null) path = best(shapes.get(lang));
            String url = best(urls.get(lang));
            String basis;
            if (url != null) {
                basis = "URLs from " + urls.get(lang).get(url) + " reciprocal link(s) in posts";
            } else {
                url = configUrl(lang, path);
                basis = config.file() == null ? "URL guessed from the folders (no site config)" : "URL from " + config.file();
            }
            if (covered < count.get(lang)) {
                notes.add("[" + lang + "] " + (count.get(lang) - covered) + " of " + count.get(lang) + " posts are not at the path "
                        + path + " gives for their statement (nested sections, bundles, or a file name other than the"
                        + " statement id); export writes each back to its own file, the pattern only places statements"
                        + " that come from no site");
            }
            int[] s = style.get(lang);
            LinkStyle ls = s[0] > 0 && s[1] * 2 >= s[0] ? LinkStyle.TOP_LINE : s[0] > 0 && s[2] * 2 >= s[0] ? LinkStyle.FRONT_MATTER : LinkStyle.NONE;
            try {
                SitePattern.parse(url, SitePattern.Kind.URL, "url");
            } catch (DiptychException e) {
                notes.add("[" + lang + "] inferred URL pattern " + url + " is not usable (" + e.getMessage() + "); set it by hand");
                continue;
            }
            out.put(lang, new InferredProfile(new SiteProfile(url, path, ls.id(), config.locale(lang)), basis
                    + (config.locale(lang) == null ? "" : "; locale " + config.locale(lang) + " from " + config.file()) + "; files under " + path
                    + "; links " + ls.id() + " (" + s[1] + " of " + s[0] + " paired posts have top link lines)", covered, count.get(lang)));
        }
        return out;
    }

    private static String best(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) return null;
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).get().getKey();
    }

    private static List<String> pathCandidates(Post p) {
        String dir = p.rel.contains("/") ? p.rel.substring(0, p.rel.lastIndexOf('/')) : "";
        String file = p.rel.substring(p.rel.lastIndexOf('/') + 1);
        String ext = file.substring(file.lastIndexOf('.'));
        String stem = file.substring(0, file.lastIndexOf('.'));
        String suffix = "";
        int dot = stem.lastIndexOf('.');
        if (dot > 0) suffix = stem.substring(dot);
        List<String> out = new ArrayList<>();
        String pre = dir.isEmpty() ? "" : dir + "/";
        out.add(pre + ":year-:month-:day-:slug" + suffix + ext);
        out.add(pre + ":slug" + suffix + ext);
        if (stem.toLowerCase(Locale.ROOT).startsWith("index") && dir.contains("/")) {
            out.add(dir.substring(0, dir.lastIndexOf('/')) + "/:slug/" + file);
            out.add(dir.substring(0, dir.lastIndexOf('/')) + "/:year-:month-:day-:slug/" + file);
        }
        return out;
    }

    /** A URL pattern from one link's URL and the key of the post it points at, or null. */
    private static String urlPattern(String url, PostKey key) {
        String u = url;
        int cut = u.indexOf('#');
        if (cut >= 0) u = u.substring(0, cut);
        if (!(u.startsWith("http://") || u.startsWith("https://") || u.startsWith("/"))) return null;
        String slug = key.slug();
        int at = u.lastIndexOf(slug);
        if (at < 0) return null;
        String pat = u.substring(0, at) + ":slug" + u.substring(at + slug.length());
        if (key.year() != null) {
            pat = pat.replace("/" + key.year() + "/" + key.month() + "/" + key.day() + "/", "/:year/:month/:day/")
                    .replace("/" + key.year() + "/" + key.month() + "/", "/:year/:month/")
                    .replace(key.year() + "-" + key.month() + "-" + key.day() + "-:slug", ":year-:month-:day-:slug");
        }
        try {
            SitePattern sp = SitePattern.parse(pat, SitePattern.Kind.URL, "url");
            return sp.match(url) != null ? pat : null;
        } catch (DiptychException | IllegalStateException e) {
            return null;
        }
    }

    private String configUrl(String lang, String path) {
        String base = config.url() == null ? "" : config.url();
        String def = config.defaultLanguage();
        boolean prefix;
        if (config.hugo()) prefix = config.defaultInSubdir() || def == null || !Languages.base(lang).equals(Languages.base(normal(def)));
        else prefix = path != null && !path.startsWith("_posts/") && !path.startsWith(":") && def != null
                && !Languages.base(lang).equals(Languages.base(normal(def))) || path != null && path.startsWith(lang + "/");
        String lp = prefix ? "/" + lang.toLowerCase(Locale.ROOT) : "";
        String perm = config.permalink();
        String tail;
        if (config.hugo()) {
            String section = "";
            if (path != null) {
                List<String> segs = new ArrayList<>(Arrays.asList(path.split("/")));
                segs.remove(segs.size() - 1);
                segs.removeIf(s -> s.equals("content") || s.equalsIgnoreCase(lang) || s.startsWith(":"));
                section = segs.isEmpty() ? "" : "/" + String.join("/", segs);
            }
            tail = perm != null ? perm.replace(":title", ":slug").replace(":filename", ":slug").replace(":section", section.replaceFirst("^/", ""))
                    : section + "/:slug/";
        } else {
            String p = perm == null || perm.equals("date") ? "/:categories/:year/:month/:day/:title.html"
                    : perm.equals("pretty") ? "/:categories/:year/:month/:day/:title/"
                    : perm.equals("none") ? "/:categories/:title.html"
                    : perm.equals("ordinal") ? "/:categories/:year/:y_day/:title.html" : perm;
            tail = p.replace("/:categories", "").replace(":title", ":slug").replace(":i_month", ":month").replace(":i_day", ":day");
        }
        if (!tail.startsWith("/")) tail = "/" + tail;
        return base + lp + tail.replace("//", "/");
    }

    private static String normal(String l) {
        try {
            return Languages.normalize(l);
        } catch (IllegalArgumentException e) {
            return l;
        }
    }
}
