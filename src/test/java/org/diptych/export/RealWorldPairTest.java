package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world check: a bilingual pair of Jekyll posts whose first lines link to each other, laid
 * out as such sites do (Russian at the site root, English under /en/, HTML entities in the titles, bold
 * Q/A lines, lists, a quote, links). With the two link lines removed, imported and exported with the
 * site's patterns, the two files come back exactly.
 */
class RealWorldPairTest {
    @TempDir
    Path tmp;

    static final String ID = "2021-11-07-strike-fund";

    static final String RU = """
            ---
            layout: post
            title: "Заявление &laquo;О стачечном фонде&raquo; и &quot;солидарности без границ&quot;"
            date: 2021-11-07 12:00:00 +0300
            author: Совет профсоюза
            tags: [стачечный фонд, солидарность]
            category: statements
            ---

            [Statement "On the strike fund" — solidarity without borders](https://union.example.org/en/2021/11/07/strike-fund.html)

            Совет профсоюза принял решение создать **общий стачечный фонд** для работников всех филиалов.

            ### Зачем нужен фонд?

            **В:** Почему не собирать деньги для каждой забастовки отдельно?
            **О:** Потому что забастовка не ждёт, пока соберутся деньги.

            1. Взносы — 1% от зарплаты.
            2. Решения о выплатах принимает выборная комиссия.
            3. Отчёт публикуется каждый квартал.

            > Солидарность — это не лозунг, а касса, которая открыта, когда она нужна.

            Подробнее о прошлогодней забастовке — в [нашем заявлении](https://union.example.org/2020/03/02/dockers.html).

            Подписали: И. Петрова, А. Сидоров, М. Кузнецова.
            """;

    static final String EN = """
            ---
            layout: post
            title: "Statement &quot;On the strike fund&quot; &mdash; solidarity without borders"
            date: 2021-11-07 12:00:00 +0300
            author: Union council
            tags: [strike fund, solidarity]
            category: statements
            lang: en
            ---

            [Заявление «О стачечном фонде» и "солидарности без границ"](https://union.example.org/2021/11/07/strike-fund.html)

            The union council has decided to set up a **common strike fund** for workers at every branch.

            ### Why a fund?

            **Q:** Why not raise money for each strike separately?
            **A:** Because a strike does not wait for the money to come in.

            1. Dues are 1% of wages.
            2. An elected committee decides on payments.
            3. A report is published every quarter.

            > Solidarity is not a slogan but a fund that is open when it is needed.

            More about last year's strike in [our statement](https://union.example.org/en/2020/03/02/dockers.html).

            Signed: I. Petrova, A. Sidorov, M. Kuznetsova.
            """;

    /** The post without its first body line (the link) and the blank line after it. */
    static String withoutLinkLine(String post) {
        int fmEnd = post.indexOf("\n---\n") + 5;
        int lineEnd = post.indexOf("\n\n", fmEnd + 1);
        return post.substring(0, fmEnd) + post.substring(lineEnd + 1);
    }

    private Path project(String ru, String en) {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "union", List.of("ru", "en"))) {
            Fixtures.importPost(p, ID, "ru", ru);
            Fixtures.importPost(p, ID, "en", en);
            p.saveManifest(p.manifest()
                    .withSite("ru", new SiteProfile("https://union.example.org/:year/:month/:day/:slug.html",
                            "_posts/:year-:month-:day-:slug.md", "top-line"))
                    .withSite("en", new SiteProfile("https://union.example.org/en/:year/:month/:day/:slug.html",
                            "en/_posts/:year-:month-:day-:slug.md", "top-line")));
        }
        return dir;
    }

    @Test
    void linkLinesRemovedImportedAndExportedComeBackExactly() throws IOException {
        String ruBare = withoutLinkLine(RU), enBare = withoutLinkLine(EN);
        assertThat(ruBare).doesNotContain("strike-fund.html").startsWith("---\n").contains("---\n\nСовет профсоюза");
        assertThat(enBare).doesNotContain("[Заявление").contains("---\n\nThe union council");

        Path out = tmp.resolve("site");
        ExportReport r = Fixtures.export(project(ruBare, enBare), ExportOptions.posts(ID, out));

        assertThat(Files.readString(out.resolve("_posts/2021-11-07-strike-fund.md"), StandardCharsets.UTF_8)).isEqualTo(RU);
        assertThat(Files.readString(out.resolve("en/_posts/2021-11-07-strike-fund.md"), StandardCharsets.UTF_8)).isEqualTo(EN);
        // the two reciprocal links resolve; the links to last year's posts are reported broken because that
        // site repository (a fresh folder here) does not hold them
        assertThat(r.links()).filteredOn(ExportReport.LinkCheck::ok).hasSize(2);
        assertThat(r.brokenLinks()).extracting(ExportReport.LinkCheck::expected)
                .containsExactlyInAnyOrder("_posts/2020-03-02-dockers.md", "en/_posts/2020-03-02-dockers.md");
    }

    @Test
    void importedWithTheirLinkLinesTheyAlsoComeBackExactly() throws IOException {
        Path out = tmp.resolve("site");
        Fixtures.export(project(RU, EN), ExportOptions.posts(ID, out));
        assertThat(Files.readString(out.resolve("_posts/2021-11-07-strike-fund.md"), StandardCharsets.UTF_8)).isEqualTo(RU);
        assertThat(Files.readString(out.resolve("en/_posts/2021-11-07-strike-fund.md"), StandardCharsets.UTF_8)).isEqualTo(EN);
    }
}
