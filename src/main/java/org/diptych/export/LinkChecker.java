package org.diptych.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.diptych.DiptychException;
import org.diptych.export.ExportReport.LinkCheck;

/**
 * Checks that links between posts resolve. A link is checked when its destination matches some language's
 * URL pattern; the pattern gives the post's date and slug, the same language's path pattern gives the file
 * that URL is published from, and the link is good if that file was produced by this export or already
 * exists in the export folder (which is meant to be the site's repository, holding the older posts).
 * When the URL carries less than the path needs (a {@code /:year/:slug/} permalink for a
 * {@code _posts/:year-:month-:day-:slug.md} file), any file matching the path pattern with the URL's values
 * counts. Links to anything else (other sites, pages that are not posts) are not checked.
 */
final class LinkChecker {
    private final Collection<Site> sites;
    private final Path outDir;
    private final Set<String> produced;
    private final Set<String> inProject;
    private final Map<String, List<String>> candidates = new HashMap<>();

    private LinkChecker(Collection<Site> sites, Path outDir, Set<String> produced, Set<String> inProject) {
        this.sites = sites;
        this.outDir = outDir;
        this.produced = produced;
        this.inProject = inProject;
    }

    /**
     * @param documents markdown content of the exported posts by their path relative to {@code outDir}
     * @param sites     the site profiles
     * @param outDir    the export folder
     * @param produced  relative paths produced by this export (counted as existing)
     */
    static List<LinkCheck> check(Map<String, String> documents, Collection<Site> sites, Path outDir,
                                 Set<String> produced) {
        return check(documents, sites, outDir, produced, Set.of());
    }

    /**
     * @param inProject relative paths where the project's posts are published (every statement, exported or
     *                  not): a link to one resolves, marked {@link LinkCheck#inProject()} when not in the folder
     */
    static List<LinkCheck> check(Map<String, String> documents, Collection<Site> sites, Path outDir,
                                 Set<String> produced, Set<String> inProject) {
        return new LinkChecker(sites, outDir, produced, inProject).run(documents);
    }

    private List<LinkCheck> run(Map<String, String> documents) {
        List<LinkCheck> out = new ArrayList<>();
        for (Map.Entry<String, String> doc : documents.entrySet()) {
            for (String url : MarkdownLinks.destinations(doc.getValue())) {
                LinkCheck best = null;
                for (Site s : sites) {
                    PostKey key = s.url().match(url);
                    if (key == null) continue;
                    LinkCheck c = resolve(doc.getKey(), url, s, key);
                    if (best == null || (c.ok() && !best.ok())) best = c;
                }
                if (best != null) out.add(best);
            }
        }
        return out;
    }

    private LinkCheck resolve(String from, String url, Site s, PostKey key) {
        try {
            String expected = s.path().expand(key);
            if (exists(expected)) return new LinkCheck(from, url, s.lang(), expected, true);
            boolean known = inProject.contains(expected);
            return new LinkCheck(from, url, s.lang(), expected, known, known);
        } catch (IllegalStateException partial) {
            for (String rel : candidates(s)) {
                PostKey k = s.path().match(rel);
                if (k != null && compatible(key, k)) return new LinkCheck(from, url, s.lang(), rel, true);
            }
            for (String rel : inProject) {
                PostKey k = s.path().match(rel);
                if (k != null && compatible(key, k)) return new LinkCheck(from, url, s.lang(), rel, true, true);
            }
            return new LinkCheck(from, url, s.lang(), s.path().expandPartially(key), false);
        }
    }

    private boolean exists(String rel) {
        return produced.contains(rel) || Files.isRegularFile(outDir.resolve(rel));
    }

    private static boolean compatible(PostKey fromUrl, PostKey fromPath) {
        for (String ph : SitePattern.PLACEHOLDERS) {
            String u = fromUrl.get(ph);
            if (u != null && !Objects.equals(u, fromPath.get(ph))) return false;
        }
        return true;
    }

    /** Produced files and files under the path pattern's fixed folder, relative to the export folder. */
    private List<String> candidates(Site s) {
        return candidates.computeIfAbsent(s.lang(), l -> {
            Set<String> all = new LinkedHashSet<>(produced);
            Path dir = outDir.resolve(s.path().fixedFolder());
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir, 8)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> all.add(outDir.relativize(f).toString().replace('\\', '/')));
                } catch (IOException | UncheckedIOException e) {
                    throw new DiptychException(dir + ": cannot list for the link check (" + e.getMessage() + ")", e);
                }
            }
            return List.copyOf(all);
        });
    }
}
