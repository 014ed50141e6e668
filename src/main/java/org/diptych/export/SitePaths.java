package org.diptych.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.diptych.model.Languages;

/**
 * Where a new version of a site's statement goes in the site checkout: beside its sibling's file (the path the
 * sibling was imported from, {@link org.diptych.model.DocumentVersion#sitePath()}), by the convention the site
 * uses for the new version's language.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Hugo translation by file name: {@code x.en.md} → {@code x.pt.md}, page bundles {@code index.en.md} →
 *     {@code index.pt.md} (a default-language file without a suffix, {@code content/news/x.md}, gets one:
 *     {@code content/news/x.pt.md});</li>
 * <li>Hugo content folders: {@code content/en/news/x.md} → {@code content/pt/news/x.md};</li>
 * <li>Jekyll language folders: {@code _posts/x.md} → {@code pt/_posts/x.md}, {@code blog/en/_posts/x.md} →
 *     {@code blog/pt/_posts/x.md}, and {@code _posts/en/x.md} → {@code _posts/pt/x.md} as jekyll-polyglot's own
 *     site keeps them (the {@code lang:} key of such posts is set by the new version's front matter draft);</li>
 * <li>a language the site writes without any mark (its default language) gets its sibling's path with the
 *     sibling's mark removed ({@code ru/_posts/x.md} → {@code _posts/x.md}, {@code x.ru.md} → {@code x.md}).</li>
 * </ul>
 * Which of these a language follows is learned from the files of that language the project already knows (the
 * site paths of its other versions, the one most like the sibling's deciding), and the spelling of its mark
 * too ({@code pt-br}, {@code pt_BR}); without any, from how the site marks its other languages; without those,
 * the sibling's own mark is replaced, or for an unmarked
 * sibling the site kind's usual one is added (a suffix under Hugo's {@code content/}, a folder before
 * {@code _posts/} or at the top for Jekyll). Pure string work: the caller checks the result with
 * {@link org.diptych.project.SafePaths}.
 */
public final class SitePaths {
    private SitePaths() {}

    /** How a language is marked in one path. */
    private sealed interface Style permits Unmarked, Suffix, Folder {}

    private record Unmarked() implements Style {}

    private record Suffix() implements Style {}

    /** A folder named after the language, after the folders {@code before}. */
    private record Folder(List<String> before) implements Style {}

    /** A path with its language mark found: the path without it, how it was marked and the mark as written. */
    private record Marked(List<String> folders, String file, Style style, String mark) {
        String base() {
            return join(folders, file);
        }
    }

    /**
     * The path of a new {@code lang} version whose sibling in {@code siblingLang} is at {@code siblingPath}.
     *
     * @param known site paths of the project's versions by language (the examples the convention is learned
     *              from); may be empty
     * @return a {@code /}-separated relative path; it may equal the sibling's when the site marks neither
     *         language in its paths (the caller refuses that)
     */
    public static String derive(String siblingPath, String siblingLang, String lang, Map<String, List<String>> known) {
        Marked sib = mark(siblingPath, siblingLang);
        List<Marked> examples = new ArrayList<>();
        for (String p : known.getOrDefault(lang, List.of())) examples.add(mark(p, lang));
        String mark = spelling(lang, examples, sib);

        Style style = learned(sib, examples);
        if (style == null) {
            // no file of this language yet: as the site marks its other languages (not the sibling's, not unmarked ones)
            List<Marked> others = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : known.entrySet()) {
                if (e.getKey().equals(lang) || e.getKey().equals(siblingLang)) continue;
                for (String p : e.getValue()) {
                    Marked m = mark(p, e.getKey());
                    if (!(m.style() instanceof Unmarked)) others.add(m);
                }
            }
            style = learned(sib, others);
        }
        if (style == null) {
            style = sib.style();
            if (style instanceof Unmarked) {
                int posts = sib.folders().indexOf("_posts");
                if (!sib.folders().isEmpty() && sib.folders().get(0).equals("content")) style = new Suffix();
                else style = new Folder(posts >= 0 ? sib.folders().subList(0, posts) : List.of());
            }
        }
        if (style instanceof Unmarked) return sib.base();
        if (style instanceof Suffix) {
            String f = sib.file();
            int dot = f.lastIndexOf('.');
            return join(sib.folders(), f.substring(0, dot) + "." + mark + f.substring(dot));
        }
        List<String> before = ((Folder) style).before();
        List<String> folders = new ArrayList<>(sib.folders());
        int at = startsWith(folders, before) ? before.size() : sib.style() instanceof Folder f ? f.before().size() : 0;
        folders.add(Math.min(at, folders.size()), mark);
        return join(folders, sib.file());
    }

    /**
     * The style of the example most like the sibling (the longest run of the same folders once both marks are
     * removed, the very same folders first; ties go to the style most examples have), or null without examples.
     */
    private static Style learned(Marked sib, List<Marked> examples) {
        Map<Style, int[]> score = new LinkedHashMap<>(); // style -> best likeness, count
        for (Marked e : examples) {
            int same = 0;
            while (same < e.folders().size() && same < sib.folders().size() && e.folders().get(same).equals(sib.folders().get(same))) same++;
            int likeness = 2 * same + (e.folders().equals(sib.folders()) ? 1 : 0);
            int[] s = score.computeIfAbsent(e.style(), k -> new int[] {-1, 0});
            s[0] = Math.max(s[0], likeness);
            s[1]++;
        }
        Style best = null;
        int[] top = null;
        for (Map.Entry<Style, int[]> e : score.entrySet()) {
            int[] s = e.getValue();
            if (top == null || s[0] > top[0] || s[0] == top[0] && s[1] > top[1]) {
                best = e.getKey();
                top = s;
            }
        }
        return best;
    }

    /** How the language is written in paths: as its examples write it, else in the sibling's mark's case. */
    private static String spelling(String lang, List<Marked> examples, Marked sib) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Marked e : examples) if (e.mark() != null) counts.merge(e.mark(), 1, Integer::sum);
        if (!counts.isEmpty()) {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        }
        if (sib.mark() != null && !sib.mark().equals(sib.mark().toLowerCase(Locale.ROOT))) {
            return sib.mark().contains("_") ? lang.replace('-', '_') : lang;
        }
        return lang.toLowerCase(Locale.ROOT);
    }

    /** Finds {@code lang}'s mark in a path: a file-name suffix first, then the first folder named after it. */
    static Marked mark(String path, String lang) {
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/")));
        String file = parts.remove(parts.size() - 1);
        int ext = file.lastIndexOf('.');
        String stem = ext > 0 ? file.substring(0, ext) : file;
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && isMark(stem.substring(dot + 1), lang)) {
            return new Marked(parts, stem.substring(0, dot) + file.substring(stem.length()), new Suffix(), stem.substring(dot + 1));
        }
        for (int i = 0; i < parts.size(); i++) {
            if (isMark(parts.get(i), lang)) {
                List<String> rest = new ArrayList<>(parts);
                String m = rest.remove(i);
                return new Marked(rest, file, new Folder(List.copyOf(parts.subList(0, i))), m);
            }
        }
        return new Marked(parts, file, new Unmarked(), null);
    }

    /** True if {@code s} names {@code lang} ({@code en}, {@code pt-br}, {@code pt_BR} for pt-BR). */
    static boolean isMark(String s, String lang) {
        if (s.isEmpty() || s.length() > 10 || !s.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) return false;
        try {
            return Languages.normalize(s.replace('_', '-')).equals(lang);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(List<String> list, List<String> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static String join(List<String> folders, String file) {
        return folders.isEmpty() ? file : String.join("/", folders) + "/" + file;
    }
}
