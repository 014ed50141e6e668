package org.diptych.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a site's configuration says about languages and URLs: Jekyll's {@code _config.yml} ({@code url},
 * {@code baseurl}, {@code permalink}, jekyll-polyglot's {@code languages}/{@code default_lang}, {@code lang})
 * or Hugo's {@code hugo.toml}/{@code config.toml}/{@code hugo.yaml}/{@code config.yaml} ({@code baseURL},
 * {@code defaultContentLanguage}, {@code [languages.xx]} tables, {@code [permalinks]}). Read line by line:
 * only these top-level keys matter here, and a config with templates or unusual syntax must not stop an import.
 *
 * @param file            the config file read (relative), or null if the site has none
 * @param hugo            true for a Hugo site (a Hugo config, or a {@code content/} folder)
 * @param url             the site's base URL without trailing slash ({@code https://example.org/blog}), or null
 * @param permalink       Jekyll's permalink setting or Hugo's permalink of the main section, or null
 * @param languages       language codes the config names, in its order (may be empty)
 * @param defaultLanguage the language of files without a language mark, or null
 * @param defaultInSubdir Hugo's {@code defaultContentLanguageInSubdir}
 * @param locales         the locale the config names for a language, by base language ({@code pt → pt_BR}): a
 *                        top-level {@code locale}/{@code lang}/{@code languageCode} with a region, or Hugo's
 *                        {@code languageCode} in a {@code [languages.xx]} table
 */
public record SiteConfig(String file, boolean hugo, String url, String permalink, List<String> languages,
                         String defaultLanguage, boolean defaultInSubdir, java.util.Map<String, String> locales) {
    public SiteConfig {
        locales = locales == null ? java.util.Map.of() : java.util.Map.copyOf(locales);
    }

    /** The locale the config names for {@code lang} ({@code pt_BR}), or null. */
    public String locale(String lang) {
        return locales.get(org.diptych.model.Languages.base(lang));
    }

    static final List<String> FILES = List.of("_config.yml", "_config.yaml", "hugo.toml", "config.toml", "hugo.yaml",
            "config.yaml", "hugo.yml", "config.yml");

    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*[:=]\\s*(.*?)\\s*$");
    private static final Pattern TABLE = Pattern.compile("^\\[\\s*([A-Za-z0-9_.\\-]+)\\s*]\\s*$");
    private static final Pattern NESTED = Pattern.compile("^(\\s+)([A-Za-z][A-Za-z0-9_\\-]*)\\s*:\\s*(.*?)\\s*$");

    /** Reads the first config file the site has; a site without one gets an empty config. */
    public static SiteConfig read(Path site) {
        for (String name : FILES) {
            Path f = site.resolve(name);
            if (Files.isRegularFile(f) && !Files.isSymbolicLink(f)) {
                try {
                    return parse(name, Files.readString(f, StandardCharsets.UTF_8), Files.isDirectory(site.resolve("content")));
                } catch (IOException | java.io.UncheckedIOException e) {
                    break;
                }
            }
        }
        return new SiteConfig(null, Files.isDirectory(site.resolve("content")), null, null, List.of(), null, false, null);
    }

    static SiteConfig parse(String name, String text, boolean hasContent) {
        boolean toml = name.endsWith(".toml");
        boolean hugo = !name.startsWith("_config") || hasContent;
        String url = null, baseurl = null, permalink = null, defaultLang = null;
        boolean inSubdir = false;
        List<String> langs = new ArrayList<>();
        java.util.Map<String, String> locales = new java.util.LinkedHashMap<>();
        String table = "";
        String yamlBlock = null; // top-level YAML key whose nested lines we are in
        int blockIndent = -1;
        for (String raw : text.split("\\R")) {
            String line = stripComment(raw);
            if (line.isBlank()) continue;
            if (toml) {
                Matcher t = TABLE.matcher(line.strip());
                if (t.matches()) {
                    table = t.group(1);
                    if (table.startsWith("languages.")) addLang(langs, table.substring("languages.".length()));
                    continue;
                }
            } else if (!Character.isWhitespace(line.charAt(0))) {
                yamlBlock = null;
                blockIndent = -1;
            } else if (yamlBlock != null) {
                Matcher n = NESTED.matcher(line);
                if (n.matches() && blockIndent < 0) blockIndent = n.group(1).length();
                // the block's own keys (the first key's indentation), not what is nested in them (a language's weight)
                if (n.matches() && n.group(1).length() == blockIndent) {
                    if (yamlBlock.equals("languages")) addLang(langs, n.group(2));
                    if (yamlBlock.equals("permalinks") && permalink == null && !n.group(3).isEmpty()) permalink = unquote(n.group(3));
                } else if (yamlBlock.equals("languages") && line.strip().startsWith("- ")) {
                    addLang(langs, unquote(line.strip().substring(2)));
                }
                continue;
            } else {
                continue; // nested in a block that says nothing about URLs or languages (a menu's url:, params)
            }
            Matcher m = KEY.matcher(line.strip());
            if (!m.matches()) continue;
            String key = m.group(1).toLowerCase(Locale.ROOT), value = unquote(m.group(2));
            if (toml && table.equals("permalinks")) {
                if (permalink == null && !value.isEmpty()) permalink = value;
                continue;
            }
            if (toml && table.startsWith("languages.") && key.equals("languagecode")) addLocale(locales, value);
            if (toml && !table.isEmpty()) continue;
            switch (key) {
                case "url" -> {
                    if (!hugo) url = value; // Hugo's base is baseURL
                }
                case "baseurl" -> {
                    if (hugo) url = value;
                    else baseurl = value;
                }
                case "permalink" -> permalink = value;
                case "defaultcontentlanguage", "default_lang", "default_language" -> defaultLang = value;
                case "lang", "language", "languagecode", "locale" -> {
                    if (defaultLang == null && !value.isEmpty()) defaultLang = value;
                    addLocale(locales, value);
                }
                case "defaultcontentlanguageinsubdir" -> inSubdir = value.equalsIgnoreCase("true");
                case "languages" -> {
                    if (value.startsWith("[")) {
                        for (String l : value.substring(1, value.endsWith("]") ? value.length() - 1 : value.length()).split(",")) {
                            addLang(langs, unquote(l.strip()));
                        }
                    } else if (value.isEmpty()) {
                        yamlBlock = "languages";
                    }
                }
                case "permalinks" -> {
                    if (value.isEmpty()) yamlBlock = "permalinks";
                }
                default -> { }
            }
        }
        String base = url == null || url.isBlank() ? null : url.strip();
        if (baseurl != null && !baseurl.isBlank() && !baseurl.equals("/")) {
            base = (base == null ? "" : base) + (baseurl.startsWith("/") ? "" : "/") + baseurl;
        }
        if (base != null) {
            while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
            if (base.isEmpty()) base = null;
        }
        String def = null;
        if (defaultLang != null) {
            def = defaultLang.toLowerCase(Locale.ROOT).replace('_', '-');
            if (def.startsWith("en-") || def.startsWith("ru-")) def = def.substring(0, 2);
        }
        return new SiteConfig(name, hugo, base, permalink == null || permalink.isBlank() ? null : permalink, List.copyOf(langs),
                def, inSubdir, locales);
    }

    /** A value with a region ({@code pt_BR}, {@code pt-br}) as the locale of its base language (the first one kept). */
    private static void addLocale(java.util.Map<String, String> locales, String value) {
        String v = value.strip();
        if (!v.matches("[A-Za-z]{2,3}[_-][A-Za-z]{2}")) return;
        String base = v.substring(0, v.length() - 3).toLowerCase(Locale.ROOT);
        locales.putIfAbsent(base, base + "_" + v.substring(v.length() - 2).toUpperCase(Locale.ROOT));
    }

    private static void addLang(List<String> langs, String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (!c.isEmpty() && !langs.contains(c)) langs.add(c);
    }

    private static String stripComment(String line) {
        boolean sq = false, dq = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !sq) dq = !dq;
            else if (c == '\'' && !dq) sq = !sq;
            else if (c == '#' && !sq && !dq && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
