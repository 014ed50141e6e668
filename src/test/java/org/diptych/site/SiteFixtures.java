package org.diptych.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small sites written for the tests, one per convention; texts are our own. */
final class SiteFixtures {
    private SiteFixtures() {}

    static final String RU_BODY = """
            Мы, члены профсоюза, требуем восьмичасового рабочего дня для всех работников склада.

            Двенадцать часов у конвейера без перерыва разрушают здоровье. Так больше продолжаться не может.

            Собрание состоится 1 мая в 18:00 у проходной завода.
            """;
    static final String EN_BODY = """
            We, the members of the union, demand an eight-hour working day for all warehouse workers.

            Twelve hours at the conveyor without a break ruin our health. This cannot go on.

            The meeting will be held on 1 May at 18:00 at the factory gate.
            """;
    static final String PT_BODY = """
            Nós, membros do sindicato, exigimos a jornada de oito horas para todos os trabalhadores do armazém.

            Doze horas na esteira sem pausa destroem a saúde. Isso não pode continuar.

            A reunião será no dia 1 de maio às 18:00 no portão da fábrica.
            """;

    static void write(Path root, String rel, String content) {
        try {
            Path f = root.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String yaml(String title, String extra) {
        return "---\nlayout: post\ntitle: \"" + title + "\"\n" + extra + "---\n\n";
    }

    /** Jekyll with per-language folders and hand-written top link lines; ru is the default language. */
    static Path jekyllFolders(Path root) {
        write(root, "_config.yml", "title: Профсоюз\nurl: \"https://union.example.org\"\nbaseurl: \"\"\nlang: ru\npermalink: pretty\n");
        String ruUrl = "https://union.example.org/2020/05/01/vosem-chasov/";
        String enUrl = "https://union.example.org/en/2020/05/01/vosem-chasov/";
        String ptUrl = "https://union.example.org/pt/2020/05/01/vosem-chasov/";
        write(root, "_posts/2020-05-01-vosem-chasov.md", yaml("Восемь часов", "")
                + "[English version](" + enUrl + ")\n[Versão em português](" + ptUrl + ")\n\n" + RU_BODY);
        write(root, "en/_posts/2020-05-01-vosem-chasov.md", yaml("Eight hours", "")
                + "[Русская версия](" + ruUrl + ")\n[Versão em português](" + ptUrl + ")\n\n" + EN_BODY);
        write(root, "pt/_posts/2020-05-01-vosem-chasov.md", yaml("Oito horas", "")
                + "[Русская версия](" + ruUrl + ")\n[English version](" + enUrl + ")\n\n" + PT_BODY);
        write(root, "_posts/2020-06-12-tolko-russkiy.md", yaml("Только по-русски", "")
                + "Этот текст пока не переведён. Мы переведём его позже, когда найдём время.\n");
        write(root, "de/_posts/2020-05-01-vosem-chasov.md", yaml("Acht Stunden", "")
                + "Wir fordern den Achtstundentag für alle Beschäftigten im Lager.\n");
        write(root, "_drafts/2020-07-01-chernovik.md", yaml("Черновик", "") + "Ещё не готово.\n");
        write(root, "_layouts/default.html", "<html>{{ content }}</html>\n");
        write(root, "_includes/header.html", "<header></header>\n");
        write(root, "assets/css/site.css", "body { margin: 0 }\n");
        write(root, "index.md", yaml("Главная", "") + "Новости профсоюза.\n");
        write(root, "README.md", "# site\n");
        return root;
    }

    /** jekyll-polyglot style: one _posts folder, the language in a 'lang' key, pairs by their links. */
    static Path polyglot(Path root) {
        write(root, "_config.yml", "url: https://polyglot.example.org\nlanguages: [\"ru\", \"en\"]\ndefault_lang: \"ru\"\n");
        write(root, "_posts/2021-02-03-trud.md", yaml("Труд", "lang: ru\n")
                + "[In English](/en/2021/02/03/labour.html)\n\n" + RU_BODY);
        write(root, "_posts/2021-02-03-labour.md", yaml("Labour", "lang: en\n")
                + "[По-русски](/2021/02/03/trud.html)\n\n" + EN_BODY);
        write(root, "_posts/2021-03-04-solo.md", yaml("One language", "lang: en\n") + EN_BODY);
        return root;
    }

    /** Hugo translation by file name, TOML front matter, languages from hugo.toml. */
    static Path hugoSuffix(Path root) {
        write(root, "hugo.toml", """
                baseURL = "https://hugo.example.org/"
                defaultContentLanguage = "en"
                title = "Union"

                [languages]
                  [languages.en]
                    weight = 1
                  [languages.ru]
                    weight = 2
                  [languages.pt-br]
                    weight = 3
                """);
        String fm = "+++\ntitle = \"%s\"\ndate = 2022-03-08T10:00:00+03:00\n+++\n\n";
        write(root, "content/posts/strike.md", fm.formatted("The strike") + EN_BODY);
        write(root, "content/posts/strike.ru.md", fm.formatted("Забастовка") + RU_BODY);
        write(root, "content/posts/strike.pt-br.md", fm.formatted("A greve") + PT_BODY);
        write(root, "content/posts/_index.md", "+++\ntitle = \"Posts\"\n+++\n");
        write(root, "content/_index.md", "+++\ntitle = \"Home\"\n+++\n");
        write(root, "content/posts/draft-one.md", "+++\ntitle = \"Draft\"\ndraft = true\n+++\n\nNot yet.\n");
        write(root, "layouts/_default/single.html", "{{ .Content }}\n");
        write(root, "static/logo.svg", "<svg/>\n");
        return root;
    }

    /** Hugo content folders per language, pairs by translationKey (different slugs). */
    static Path hugoFolders(Path root) {
        write(root, "config.toml", "baseURL = \"https://folders.example.org/\"\ndefaultContentLanguage = \"ru\"\n"
                + "defaultContentLanguageInSubdir = true\n[languages.ru]\n[languages.en]\n");
        write(root, "content/ru/posts/zabastovka.md", "---\ntitle: Забастовка\ntranslationKey: strike-2022\n---\n\n" + RU_BODY);
        write(root, "content/en/posts/strike.md", "---\ntitle: The strike\ntranslationKey: strike-2022\n---\n\n" + EN_BODY);
        write(root, "content/ru/posts/mir.md", "---\ntitle: Мир\ntranslationKey: peace\n---\n\n" + RU_BODY);
        write(root, "content/en/posts/peace.md", "---\ntitle: Peace\ntranslationKey: peace\n---\n\n" + EN_BODY);
        write(root, "content/en/posts/peace-again.md", "---\ntitle: Peace again\ntranslationKey: peace\n---\n\n" + EN_BODY);
        return root;
    }

    /** Every file of a tree with its bytes (the git-free comparison of the round trip). */
    static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
