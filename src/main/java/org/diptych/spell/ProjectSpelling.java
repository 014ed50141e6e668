package org.diptych.spell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;

/**
 * What a project says about checking one language, read by the editor and by QA alike:
 * <ul>
 * <li>the <b>locale</b> the checker is made for ({@code pt-BR}): the one the language's site profile names
 * ({@code locale: pt_BR}); without one, the region the version's own front matter names ({@code locale},
 * {@code lang} or {@code language}: {@code pt_BR}, {@code pt-BR}); without that, the language as it is, which
 * {@link SpellChecker#variant} reads as LanguageTool's default variant (pt → pt-PT, en → en-US);</li>
 * <li>the project's <b>dictionary</b> ({@code dictionary.<lang>.txt}, {@link ProjectDictionary});</li>
 * <li>the words the team chose to <b>ignore</b> ({@code ignored-words.<lang>.txt}, taken exactly as written);</li>
 * <li>the grammar <b>rules</b> turned off by LanguageTool rule id ({@code ignored-rules.<lang>.txt}).</li>
 * </ul>
 * Each file is plain UTF-8 in the project folder, one entry a line, sorted, written atomically when an entry is
 * added (the previous file under {@code backups/}); a file that is a symbolic link is refused. Files are per base
 * language ({@code pt-BR} and {@code pt} share {@code ignored-words.pt.txt}). Thread-safe.
 */
public final class ProjectSpelling {
    /** Region codes as a front matter or profile writes a locale: {@code pt_BR}, {@code pt-br}. */
    private static final Pattern LOCALE = Pattern.compile("([A-Za-z]{2,3})[_-]([A-Za-z]{2})");
    /** Front-matter keys that name a version's language, most specific first. */
    private static final List<String> LANGUAGE_KEYS = List.of("locale", "lang", "language");

    private final String lang;
    private final String locale;
    private final ProjectDictionary dictionary;
    private final ProjectWordList ignoredWords;
    private final ProjectWordList ignoredRules;

    private ProjectSpelling(String lang, String locale, ProjectDictionary dictionary, ProjectWordList ignoredWords,
                            ProjectWordList ignoredRules) {
        this.lang = lang;
        this.locale = locale;
        this.dictionary = dictionary;
        this.ignoredWords = ignoredWords;
        this.ignoredRules = ignoredRules;
    }

    /** A language checked with nothing kept (no project): ignores last as long as this object. */
    public static ProjectSpelling none(String lang, String locale) {
        return new ProjectSpelling(lang, locale == null ? lang : locale, ProjectDictionary.none(),
                ProjectWordList.none("list of ignored words"), ProjectWordList.none("list of ignored rules"));
    }

    /**
     * Reads a language's spelling files of a project, with the locale from its site profile or {@code targetFm}.
     *
     * @param targetFm the front matter of the version checked (may be null)
     * @throws DiptychException one line naming the file that is a symbolic link or cannot be read
     */
    public static ProjectSpelling load(Project p, String lang, FrontMatter targetFm) {
        return new ProjectSpelling(lang, locale(p.manifest().sites(), lang, targetFm), ProjectDictionary.load(p, lang),
                ProjectWordList.load(p, ignoredWordsFile(p, lang), "list of ignored words"),
                ProjectWordList.load(p, ignoredRulesFile(p, lang), "list of ignored rules"));
    }

    /** The file of a language's ignored words ({@code ignored-words.pt.txt}). */
    public static Path ignoredWordsFile(Project p, String lang) {
        return p.dir().resolve("ignored-words." + ProjectDictionary.base(lang) + ".txt");
    }

    /** The file of a language's ignored grammar rules ({@code ignored-rules.pt.txt}). */
    public static Path ignoredRulesFile(Project p, String lang) {
        return p.dir().resolve("ignored-rules." + ProjectDictionary.base(lang) + ".txt");
    }

    /**
     * The locale to check {@code lang} in, in the form {@code pt-BR}, or {@code lang} itself when neither the
     * language's site profile nor the front matter names a region of it (a locale of another language is
     * passed over).
     */
    public static String locale(Map<String, SiteProfile> sites, String lang, FrontMatter targetFm) {
        SiteProfile profile = sites == null ? null : sites.get(lang);
        String fromProfile = profile == null ? null : region(lang, profile.locale());
        if (fromProfile != null) return fromProfile;
        if (targetFm != null) {
            for (String key : LANGUAGE_KEYS) {
                Object v = targetFm.fields().get(key);
                String found = v instanceof String s ? region(lang, s) : null;
                if (found != null) return found;
            }
        }
        return lang;
    }

    /** {@code value} as {@code pt-BR} when it is a locale of {@code lang}'s base language, else null. */
    private static String region(String lang, String value) {
        if (value == null) return null;
        Matcher m = LOCALE.matcher(value.strip());
        if (!m.matches() || !m.group(1).toLowerCase(Locale.ROOT).equals(ProjectDictionary.base(lang))) return null;
        return m.group(1).toLowerCase(Locale.ROOT) + "-" + m.group(2).toUpperCase(Locale.ROOT);
    }

    /** The Diptych language ({@code pt}). */
    public String lang() {
        return lang;
    }

    /** The locale the checker is made for ({@code pt-BR}, or the language itself: LanguageTool's default). */
    public String locale() {
        return locale;
    }

    public ProjectDictionary dictionary() {
        return dictionary;
    }

    /** True if a spelling finding on {@code word} is no finding: in the dictionary, or ignored as written. */
    public boolean accepts(String word) {
        return ignoredWords.contains(word) || dictionary.accepts(word);
    }

    /** True if the team turned off the checker's rule {@code ruleId} for this language. */
    public boolean ignoresRule(String ruleId) {
        return ignoredRules.contains(ruleId);
    }

    /**
     * Ignores a word from now on in this project (written at once); false if it was ignored already.
     *
     * @throws DiptychException if the file cannot be written
     */
    public boolean ignoreWord(String word) {
        return ignoredWords.add(word);
    }

    /**
     * Turns a rule off from now on in this project (written at once); false if it was off already.
     *
     * @throws DiptychException if the file cannot be written
     */
    public boolean ignoreRule(String ruleId) {
        return ignoredRules.add(ruleId);
    }

    public Set<String> ignoredWords() {
        return ignoredWords.entries();
    }

    public Set<String> ignoredRules() {
        return ignoredRules.entries();
    }
}
