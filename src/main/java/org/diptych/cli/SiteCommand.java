package org.diptych.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diptych.DiptychException;
import org.diptych.export.LinkStyle;
import org.diptych.export.Site;
import org.diptych.model.Languages;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "site", description = {
        "Set where a language's posts are published (used by export), or show the site profiles.",
        "Patterns use :year, :month, :day and :slug from the statement id (YYYY-MM-DD-slug).",
        "Example: diptych site --project P --lang en --url https://example.org/en/:year/:month/:day/:slug"
                + " --path en/_posts/:year-:month-:day-:slug.md"})
final class SiteCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path projectDir;

    @Option(names = "--lang", paramLabel = "LL", description = "Language of the profile to set or show.")
    String lang;

    @Option(names = "--url", paramLabel = "PATTERN", description = "URL of a post, e.g. https://example.org/en/:year/:month/:day/:slug")
    String url;

    @Option(names = "--path", paramLabel = "PATTERN", description = "File of a post in the site repository, e.g. en/_posts/:year-:month-:day-:slug.md")
    String path;

    @Option(names = "--link-style", paramLabel = "STYLE",
            description = "How versions link to each other: top-line (default), front-matter or none.")
    String linkStyle;

    @Option(names = "--locale", paramLabel = "LOCALE",
            description = "Locale its posts name in their front matter, e.g. pt_BR (default: the language's usual one).")
    String locale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean setting = url != null || path != null || linkStyle != null || locale != null;
        if (!setting) {
            try (Project p = Project.open(projectDir, false)) {
                Map<String, SiteProfile> sites = new java.util.TreeMap<>(p.manifest().sites());
                if (lang != null) {
                    String l = normalize(lang);
                    SiteProfile sp = sites.get(l);
                    if (sp == null) throw new DiptychException(projectDir + ": no site profile for '" + l + "'");
                    print(out, l, sp);
                } else if (sites.isEmpty()) {
                    out.println("No site profiles. Set one with: diptych site --project " + projectDir
                            + " --lang LL --url PATTERN --path PATTERN");
                } else {
                    sites.forEach((l, sp) -> print(out, l, sp));
                }
            }
            return Main.OK;
        }
        if (lang == null) throw new DiptychException("--lang is required to set a site profile");
        String l = normalize(lang);
        try (Project p = Project.open(projectDir, true)) {
            if (!p.manifest().languages().contains(l)) {
                throw new DiptychException(projectDir + ": '" + l + "' is not a project language ("
                        + String.join(", ", p.manifest().languages()) + ")");
            }
            SiteProfile old = p.manifest().sites().get(l);
            String u = url != null ? url : old == null ? null : old.urlPattern();
            String pa = path != null ? path : old == null ? null : old.pathPattern();
            if (u == null || pa == null) {
                throw new DiptychException("site profile " + l + ": both --url and --path are needed for a new profile");
            }
            String style = linkStyle != null ? LinkStyle.parse(linkStyle).id() : old == null ? null : old.linkStyle();
            String loc = locale != null ? locale : old == null ? null : old.locale();
            Site site = Site.of(l, new SiteProfile(u, pa, style, loc));
            p.saveManifest(p.manifest().withSite(l, site.toProfile()));
            out.print("Saved: ");
            print(out, l, site.toProfile());
        }
        return Main.OK;
    }

    private static String normalize(String code) {
        try {
            return Languages.normalize(code);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
    }

    private static void print(PrintWriter out, String lang, SiteProfile sp) {
        out.println("[" + lang + "] url " + sp.urlPattern() + "  path " + sp.pathPattern() + "  links "
                + LinkStyle.parse(sp.linkStyle()).id() + (sp.locale() == null ? "" : "  locale " + sp.locale()));
    }
}
