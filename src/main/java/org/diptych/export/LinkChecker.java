package org.diptych.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diptych.export.ExportReport.LinkCheck;

/**
 * Checks that links between posts resolve. A link is checked when its destination matches some language's
 * URL pattern; the pattern gives the post's date and slug, the same language's path pattern gives the file
 * that URL is published from, and the link is good if that file was produced by this export or already
 * exists in the export folder (which is meant to be the site's repository, holding the older posts).
 * Links to anything else (other sites, pages that are not posts) are not checked.
 */
final class LinkChecker {
    private LinkChecker() {}

    /**
     * @param documents markdown content of the exported posts by their path relative to {@code outDir}
     * @param sites     the site profiles
     * @param outDir    the export folder
     * @param produced  relative paths produced by this export (counted as existing)
     */
    static List<LinkCheck> check(Map<String, String> documents, Collection<Site> sites, Path outDir,
                                 Set<String> produced) {
        List<LinkCheck> out = new ArrayList<>();
        for (Map.Entry<String, String> doc : documents.entrySet()) {
            for (String url : MarkdownLinks.destinations(doc.getValue())) {
                LinkCheck best = null;
                for (Site s : sites) {
                    PostKey key = s.url().match(url);
                    if (key == null) continue;
                    String expected = expected(s, key);
                    boolean ok = expected != null && (produced.contains(expected) || Files.isRegularFile(outDir.resolve(expected)));
                    LinkCheck c = new LinkCheck(doc.getKey(), url, s.lang(), expected, ok);
                    if (best == null || (ok && !best.ok())) best = c;
                }
                if (best != null) out.add(best);
            }
        }
        return out;
    }

    private static String expected(Site s, PostKey key) {
        try {
            return s.path().expand(key);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
