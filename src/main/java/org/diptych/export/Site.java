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
 */
public record Site(String lang, SitePattern url, SitePattern path, LinkStyle style) {

    /**
     * Validates a profile as stored in the manifest.
     *
     * @throws org.diptych.DiptychException one line naming the language, the pattern and the problem
     */
    public static Site of(String lang, SiteProfile profile) {
        SitePattern url = SitePattern.parse(profile.urlPattern(), SitePattern.Kind.URL, "site profile " + lang + ": url pattern");
        SitePattern path = SitePattern.parse(profile.pathPattern(), SitePattern.Kind.PATH, "site profile " + lang + ": path pattern");
        LinkStyle style = LinkStyle.parse(profile.linkStyle());
        return new Site(lang, url, path, style);
    }

    /** The profile to store in the manifest (patterns trimmed, style by its id). */
    public SiteProfile toProfile() {
        return new SiteProfile(url.pattern(), path.pattern(), style.id());
    }
}
