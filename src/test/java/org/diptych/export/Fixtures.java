package org.diptych.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.diptych.model.DocumentVersion;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;

/** A three-language statement written for these tests, and a project holding it. */
final class Fixtures {
    private Fixtures() {}

    static final String ID = "2019-03-08-port-strike";

    static final String RU_FM = """
            ---
            layout: post
            title: "Заявление о &quot;реформе&quot; трудового кодекса"
            tags: [профсоюзы, забастовка]
            author: Редакция
            category: statements
            ---""";
    static final String RU_BODY = """
            ### Что произошло

            Восьмого марта докеры порта объявили **бессрочную забастовку**. Подробности на [сайте профсоюза](https://union.example.org/news/42).

            - Вернуть на работу уволенных активистов.
            - Оплатить все сверхурочные часы.

            Мы призываем всех, кто может, поддержать бастующих деньгами и словом.""";

    static final String EN_FM = """
            ---
            layout: post
            title: "Statement on the &quot;reform&quot; of the labour code"
            tags: [unions, strike]
            author: Editors
            category: statements
            ---""";
    static final String EN_BODY = """
            ### What happened

            On 8 March the port's dockers declared an **open-ended strike**. Details on the [union's site](https://union.example.org/news/42).

            - Reinstate the dismissed activists.
            - Pay for all overtime hours.

            We call on everyone who can to support the strikers with money and words.""";

    static final String PT_FM = """
            ---
            layout: post
            title: "Declaração sobre a &quot;reforma&quot; do código do trabalho"
            tags: [sindicatos, greve]
            author: Redação
            category: statements
            ---""";
    static final String PT_BODY = """
            ### O que aconteceu

            Em 8 de março, os estivadores do porto declararam uma **greve por tempo indeterminado**. Detalhes no [site do sindicato](https://union.example.org/news/42).

            - Readmitir os ativistas demitidos.
            - Pagar todas as horas extras.

            Apelamos a todos que puderem para apoiar os grevistas com dinheiro e palavras.""";

    static final String RU_TITLE = "Заявление о \"реформе\" трудового кодекса";
    static final String EN_TITLE = "Statement on the \"reform\" of the labour code";
    static final String PT_TITLE = "Declaração sobre a \"reforma\" do código do trabalho";

    static String url(String lang) {
        return "https://example.org/" + lang + "/2019/03/08/port-strike/";
    }

    static String path(String lang) {
        return lang + "/_posts/2019-03-08-port-strike.md";
    }

    static SiteProfile profile(String lang, String style) {
        return new SiteProfile("https://example.org/" + lang + "/:year/:month/:day/:slug/",
                lang + "/_posts/:year-:month-:day-:slug.md", style);
    }

    static String post(String fm, String body) {
        return fm + "\n\n" + body + "\n";
    }

    /** Stores a markdown post as a version, as the importer would (original bytes kept). */
    static void importPost(Project p, String id, String lang, String markdown) {
        DocumentVersion v = MarkdownSplitter.split(lang, id + ".md", markdown);
        p.saveVersion(id, v, markdown.getBytes(StandardCharsets.UTF_8));
    }

    /** A project with the statement in ru, en and pt and a site profile per language in the given style. */
    static Path project(Path dir, String style) {
        try (Project p = Project.create(dir, "Тест экспорта", List.of("ru", "en", "pt"))) {
            importPost(p, ID, "ru", post(RU_FM, RU_BODY));
            importPost(p, ID, "en", post(EN_FM, EN_BODY));
            importPost(p, ID, "pt", post(PT_FM, PT_BODY));
            for (String l : List.of("ru", "en", "pt")) p.saveManifest(p.manifest().withSite(l, profile(l, style)));
        }
        return dir;
    }

    static ExportReport export(Path projectDir, ExportOptions o) {
        try (Project p = Project.open(projectDir, false)) {
            return new Exporter(p).export(o, null);
        }
    }
}
