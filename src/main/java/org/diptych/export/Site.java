package org.diptych.export;

import org.diptych.project.Manifest.SiteProfile;

/**
 * A validated site profile of one language: where its posts are published and how they link to their
 * other language versions.
 *
 * @param lang  the language
 * @param url   URL pattern of a post
 * @param path  path pattern of its file, relative to the export folder (the site's repository)
 * @param style reciprocal link style
 * @param locale the locale its posts name ({@code pt_BR}), or null for the language's usual one
 */
public record Site(String lang, SitePattern url, SitePattern path, LinkStyle style, String locale) {
    /** A locale as a site writes it: a language and a region ({@code pt_BR}, {@code pt-BR}, {@code pt_br}). */
    private static final java.util.regex.Pattern LOCALE = java.util.regex.Pattern.compile("[A-Za-z]{2,3}[_-][A-Za-z]{2}");


    /**
     * Validates a profile as stored in the manifest.
     *
     * @throws org.diptych.DiptychException one line naming the language, the pattern and the problem
     */
    public static Site of(String lang, SiteProfile profile) {
        SitePattern url = SitePattern.parse(profile.urlPattern(), SitePattern.Kind.URL, "site profile " + lang + ": url pattern");
        SitePattern path = SitePattern.parse(profile.pathPattern(), SitePattern.Kind.PATH, "site profile " + lang + ": path pattern");
        LinkStyle style = LinkStyle.parse(profile.linkStyle());
        return new Site(lang, url, path, style, locale(lang, profile.locale()));
    }

    /**
     * A profile's locale in the form {@code pt_BR}, or null when it has none.
     *
     * @throws org.diptych.DiptychException one line when it is not a language and a region, or names another
     *                                      language than the profile's
     */
    public static String locale(String lang, String locale) {
        if (locale == null || locale.isBlank()) return null;
        String l = locale.strip();
        if (!LOCALE.matcher(l).matches()) {
            throw new org.diptych.DiptychException("site profile " + lang + ": locale '" + l
                    + "' is not a language and a region like pt_BR");
        }
        String base = l.substring(0, l.length() - 3).toLowerCase(java.util.Locale.ROOT);
        if (!base.equals(org.diptych.model.Languages.base(lang))) {
            throw new org.diptych.DiptychException("site profile " + lang + ": locale '" + l + "' is not a locale of " + lang);
        }
        return base + "_" + l.substring(l.length() - 2).toUpperCase(java.util.Locale.ROOT);
    }

    /** The profile to store in the manifest (patterns trimmed, style by its id). */
    public SiteProfile toProfile() {
        return new SiteProfile(url.pattern(), path.pattern(), style.id(), locale);
    }
}
