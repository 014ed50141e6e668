package org.diptych.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {
    @TempDir
    Path tmp;

    @Test
    void hugoBaseUrlIsTheSiteUrlNotAUrlNestedInParamsOrMenus() {
        // as a real Hugo config.yaml has them: a menu entry's url and a url in params, after baseURL
        SiteFixtures.write(tmp, "config.yaml", """
                baseURL: "https://site.example.org/"
                languageCode: "en-us"
                DefaultContentLanguage: "en"
                menu:
                  main:
                  - identifier: chat
                    url: "/chat"
                params:
                  stores:
                    - name: shop
                      url: "https://shop.example.com/app"
                languages:
                  en:
                    weight: 1
                  ru:
                    weight: 2
                """);
        SiteConfig c = SiteConfig.read(tmp);
        assertThat(c.hugo()).isTrue();
        assertThat(c.url()).isEqualTo("https://site.example.org");
        assertThat(c.languages()).containsExactly("en", "ru");
        assertThat(c.defaultLanguage()).isEqualTo("en");
    }

    @Test
    void jekyllUrlAndBaseurlAtTheTopOnly() {
        SiteFixtures.write(tmp, "_config.yml", """
                url: "https://org.example.org"
                baseurl: "/news"
                author:
                  name: Редакция
                  url: "https://elsewhere.example.com"
                permalink: pretty
                """);
        SiteConfig c = SiteConfig.read(tmp);
        assertThat(c.hugo()).isFalse();
        assertThat(c.url()).isEqualTo("https://org.example.org/news");
        assertThat(c.permalink()).isEqualTo("pretty");
    }
}
