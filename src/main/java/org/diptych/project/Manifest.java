package org.diptych.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The project manifest, {@code diptych.json}: what a person reads first in a project folder.
 *
 * @param schemaVersion on-disk format version; a project with a newer one is refused
 * @param name          display name
 * @param languages     the project's languages, normalised ({@code ru}, {@code en}, {@code pt-BR})
 * @param sites         per language, where its posts are published (used by export); may be empty
 * @param extra         any other keys, kept so that a newer minor writer's additions survive a save
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Manifest(int schemaVersion, String name, List<String> languages, Map<String, SiteProfile> sites) {
    public static final int CURRENT_SCHEMA = 1;

    public Manifest {
        languages = languages == null ? List.of() : List.copyOf(languages);
        sites = sites == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sites));
    }

    public Manifest withSite(String lang, SiteProfile profile) {
        Map<String, SiteProfile> m = new java.util.TreeMap<>(sites);
        m.put(lang, profile);
        return new Manifest(schemaVersion, name, languages, m);
    }

    public Manifest withLanguages(List<String> newLanguages) {
        return new Manifest(schemaVersion, name, newLanguages, sites);
    }

    /**
     * Where the posts of one language live.
     *
     * @param urlPattern  URL of a post, e.g. {@code https://example.org/en/:year/:month/:day/:slug}
     * @param pathPattern path of its file in the site repository, e.g. {@code en/_posts/:year-:month-:day-:slug.md}
     * @param linkStyle   {@code top-line}, {@code front-matter} or {@code none}
     * @param locale      the locale its posts name in their front matter ({@code pt_BR}), or null for the
     *                    language's usual one ({@code pt_PT}, {@code ru_RU}, {@code en_US})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteProfile(String urlPattern, String pathPattern, String linkStyle, String locale) {
        /** A profile without a locale of its own. */
        public SiteProfile(String urlPattern, String pathPattern, String linkStyle) {
            this(urlPattern, pathPattern, linkStyle, null);
        }
    }
}
