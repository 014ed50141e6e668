package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.diptych.DiptychException;
import org.diptych.project.Manifest.SiteProfile;
import org.junit.jupiter.api.Test;

class SitePatternTest {
    static SitePattern url(String p) {
        return SitePattern.parse(p, SitePattern.Kind.URL, "url pattern");
    }

    static SitePattern path(String p) {
        return SitePattern.parse(p, SitePattern.Kind.PATH, "path pattern");
    }

    final PostKey key = new PostKey("2018", "01", "15", "rcit");

    @Test
    void expandsPlaceholdersFromTheStatementId() {
        PostKey k = PostKey.of("2018-01-15-rcit", null);
        assertThat(k).isEqualTo(key);
        assertThat(url("https://example.org/blog/en/:year/:month/:day/:slug").expand(k))
                .isEqualTo("https://example.org/blog/en/2018/01/15/rcit");
        assertThat(path("blog/en/_posts/:year-:month-:day-:slug.md").expand(k)).isEqualTo("blog/en/_posts/2018-01-15-rcit.md");
    }

    @Test
    void matchesUrlsBackToTheirKey() {
        SitePattern p = url("https://example.org/blog/en/:year/:month/:day/:slug/");
        assertThat(p.match("https://example.org/blog/en/2018/01/15/rcit/")).isEqualTo(key);
        assertThat(p.match("https://example.org/blog/en/2018/01/15/rcit")).isEqualTo(key);
        assertThat(p.match("https://example.org/blog/en/2018/01/15/rcit/#signatures")).isEqualTo(key);
        assertThat(p.match("/blog/en/2018/01/15/rcit/")).isEqualTo(key);
        assertThat(p.match("https://example.org/blog/en/2018/01/15/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5/").slug())
                .isEqualTo("заявление");
        assertThat(p.match("https://example.org/blog/ru/2018/01/15/rcit/")).isNull();
        assertThat(p.match("https://example.org/blog/en/2018/1/15/rcit/")).isNull();
        assertThat(p.match("https://other.example.org/blog/en/2018/01/15/rcit/")).isNull();
        assertThat(url("https://example.org/:slug.html").match("https://example.org/rcit.html"))
                .isEqualTo(new PostKey(null, null, null, "rcit"));
        assertThat(url("https://example.org/:year/:slug-:year.html").match("https://example.org/2018/a-b-2018.html").slug())
                .isEqualTo("a-b");
        assertThat(url("https://example.org/:year/:slug-:year.html").match("https://example.org/2018/a-b-2019.html")).isNull();
    }

    @Test
    void partialKeysAndFixedFolder() {
        SitePattern p = path("en/_posts/:year-:month-:day-:slug.md");
        assertThat(p.expandPartially(new PostKey("2019", null, null, "may-day"))).isEqualTo("en/_posts/2019-:month-:day-may-day.md");
        assertThat(p.fixedFolder()).isEqualTo("en/_posts");
        assertThat(path(":year/:slug.md").fixedFolder()).isEmpty();
        assertThat(path("posts-:slug.md").fixedFolder()).isEmpty();
        assertThat(p.match("en/_posts/2019-05-01-may-day.md")).isEqualTo(new PostKey("2019", "05", "01", "may-day"));
    }

    @Test
    void badPatternsFailWithOneLineNamingTheProblem() {
        assertThatThrownBy(() -> url("https://example.org/:year/:title")).isInstanceOf(DiptychException.class)
                .hasMessage("url pattern 'https://example.org/:year/:title': unknown placeholder ':title' (use :year, :month, :day, :slug)");
        assertThatThrownBy(() -> path("../site/_posts/:slug.md"))
                .hasMessage("path pattern '../site/_posts/:slug.md': must not leave the export folder ('..')");
        assertThatThrownBy(() -> path("en/../../:slug.md")).hasMessageContaining("must not leave the export folder");
        assertThatThrownBy(() -> path("/var/www/_posts/:slug.md")).hasMessageContaining("must be a relative path");
        assertThatThrownBy(() -> path("C:/site/:slug.md")).hasMessageContaining("must be a relative path");
        assertThatThrownBy(() -> path("en\\_posts\\:slug.md")).hasMessageContaining("must be a relative path");
        assertThatThrownBy(() -> path("en/_posts/:year.md")).hasMessageContaining("has no :slug");
        assertThatThrownBy(() -> path("en//:slug.md")).hasMessageContaining("empty or '.' path segment");
        assertThatThrownBy(() -> path("en/:slug/")).hasMessageContaining("must name a file");
        assertThatThrownBy(() -> url("example.org/:slug")).hasMessageContaining("must start with http://, https:// or /");
        assertThatThrownBy(() -> url("https://example.org/my posts/:slug")).hasMessageContaining("contains a space");
        assertThatThrownBy(() -> url("  ")).hasMessage("url pattern is empty");
    }

    @Test
    void siteProfileValidationNamesTheLanguage() {
        assertThatThrownBy(() -> Site.of("pt", new SiteProfile("https://example.org/pt/:slug", "pt/:slug.md", "sideways")))
                .hasMessage("unknown link style 'sideways' (use top-line, front-matter or none)");
        assertThatThrownBy(() -> Site.of("pt", new SiteProfile("https://example.org/pt/:lang/:slug", "pt/:slug.md", null)))
                .hasMessageStartingWith("site profile pt: url pattern 'https://example.org/pt/:lang/:slug': unknown placeholder ':lang'");
        Site s = Site.of("pt", new SiteProfile(" https://example.org/pt/:slug ", "pt/:slug.md", null));
        assertThat(s.toProfile()).isEqualTo(new SiteProfile("https://example.org/pt/:slug", "pt/:slug.md", "top-line"));
    }
}
