package org.diptych.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.diptych.export.FrontMatterKeys;
import org.diptych.export.PostKey;
import org.diptych.export.Site;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Languages;
import org.diptych.project.Manifest.SiteProfile;

/**
 * What a version's front matter means to a translation: which keys are text to translate, which name the
 * language, which the site profile derives, and the draft a new translation starts from.
 *
 * <ul>
 * <li><b>text keys</b> ({@link #TEXT_KEYS}: title, description, summary, excerpt, subtitle, image alt…) with
 *     a text value: copied as they are and shown in the desk as rows to translate (untranslated while the
 *     value is still the source's);</li>
 * <li><b>language keys</b> ({@code lang}, {@code locale}, {@code language}): set for the target in the
 *     source's own form ({@code ru} → {@code pt}, {@code ru_RU} → {@code pt_PT}, {@code ru-RU} → {@code pt-PT}),
 *     the region from the target's site profile where it names a locale ({@code pt_BR}: {@code ru_RU} →
 *     {@code pt_BR}, {@code ru-RU} → {@code pt-BR}), else the language's usual one;</li>
 * <li><b>derived keys</b>: {@code permalink} from the target language's site profile (the path of its URL
 *     pattern for the statement), a {@code category}/{@code categories} value that names the source language
 *     ({@code ru}) named for the target;</li>
 * <li>every other key is copied.</li>
 * </ul>
 * Every value is set through {@link FrontMatterKeys}, so the block keeps its order, style and comments.
 */
public final class FrontMatterDraft {
    /** Keys whose text is in the version's language. */
    public static final List<String> TEXT_KEYS = List.of("title", "subtitle", "description", "summary", "excerpt",
            "lead", "teaser", "image_alt", "imageAlt", "image_caption", "caption");
    /** Keys that name the version's language. */
    public static final Set<String> LANGUAGE_KEYS = Set.of("lang", "locale", "language");
    /** Key prefix of front-matter rows in translation records and edit logs ({@code fm:title}). */
    public static final String ROW_PREFIX = "fm:";

    private static final Map<String, String> REGIONS = Map.of("ru", "RU", "en", "US", "pt", "PT");

    private FrontMatterDraft() {}

    /** The text keys of a front matter that have a non-blank scalar value, in file order. */
    public static List<String> textKeys(FrontMatter fm) {
        List<String> out = new ArrayList<>();
        if (fm == null) return out;
        for (String k : fm.fields().keySet()) {
            String v = FrontMatterKeys.scalar(fm, k);
            if (TEXT_KEYS.contains(k) && v != null && !v.isBlank()) out.add(k);
        }
        return out;
    }

    /**
     * The target's front matter made from the source's: language keys for {@code targetLang}, derived keys
     * from {@code sites} (may be empty), text keys and the rest copied.
     */
    public static FrontMatter draft(String statementId, DocumentVersion source, String targetLang,
                                    Map<String, SiteProfile> sites) {
        FrontMatter fm = source.frontMatter();
        if (fm == null || fm.style() == FrontMatter.Style.NONE) return FrontMatter.NONE;
        Map<String, String> set = new LinkedHashMap<>();
        String locale = profileLocale(targetLang, sites);
        for (String k : fm.fields().keySet()) {
            String v = FrontMatterKeys.scalar(fm, k);
            if (v == null) continue;
            if (LANGUAGE_KEYS.contains(k)) {
                set.put(k, languageValue(v, targetLang, locale));
            } else if ((k.equals("category") || k.equals("categories")) && sameLanguage(v, source.lang())) {
                set.put(k, Languages.base(targetLang));
            } else if (k.equals("permalink")) {
                String p = permalink(statementId, source, targetLang, sites);
                if (p != null) set.put(k, p);
            }
        }
        return set.isEmpty() ? fm : FrontMatterKeys.set(fm, set);
    }

    /** The locale the target's site profile names ({@code pt_BR}), or null (none, or not a locale of it). */
    static String profileLocale(String targetLang, Map<String, SiteProfile> sites) {
        SiteProfile p = sites == null ? null : sites.get(targetLang);
        if (p == null) return null;
        try {
            return Site.locale(targetLang, p.locale());
        } catch (RuntimeException bad) {
            return null; // a hand-edited profile with a wrong locale: the language's usual region
        }
    }

    /**
     * {@code value} (a language in the form {@code ru}, {@code ru_RU}, {@code ru-RU}) rewritten for
     * {@code target}, with the region of {@code locale} ({@code pt_BR}) when it is not null.
     */
    static String languageValue(String value, String target, String locale) {
        String v = value.strip();
        String base = Languages.base(target);
        String region = locale != null ? locale.substring(locale.length() - 2)
                : target.contains("-") ? target.substring(target.indexOf('-') + 1).toUpperCase(Locale.ROOT)
                : REGIONS.getOrDefault(base, base.toUpperCase(Locale.ROOT));
        if (v.matches("[A-Za-z]{2,3}_[A-Za-z]{2}")) return base + "_" + region;
        if (v.matches("[A-Za-z]{2,3}-[A-Za-z]{2}")) return base + "-" + region;
        return target;
    }

    private static boolean sameLanguage(String v, String lang) {
        return v.strip().equalsIgnoreCase(Languages.base(lang)) || v.strip().equalsIgnoreCase(lang);
    }

    /** The path part of the target's URL for the statement, or null without a site profile. */
    private static String permalink(String statementId, DocumentVersion source, String targetLang,
                                    Map<String, SiteProfile> sites) {
        SiteProfile p = sites == null ? null : sites.get(targetLang);
        if (p == null) return null;
        try {
            Site s = Site.of(targetLang, p);
            String url = s.url().expand(PostKey.of(statementId, source));
            int scheme = url.indexOf("://");
            if (scheme >= 0) {
                int slash = url.indexOf('/', scheme + 3);
                url = slash < 0 ? "/" : url.substring(slash);
            }
            return url;
        } catch (RuntimeException noDate) {
            return null; // the pattern needs a date the statement does not give: keep the source's value
        }
    }
}
