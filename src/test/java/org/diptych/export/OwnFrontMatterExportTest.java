package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diptych.export.Fixtures.ID;
import static org.diptych.export.Fixtures.RU_BODY;
import static org.diptych.export.Fixtures.EN_BODY;
import static org.diptych.export.Fixtures.importPost;
import static org.diptych.export.Fixtures.path;
import static org.diptych.export.Fixtures.post;
import static org.diptych.export.Fixtures.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.diptych.model.DocumentVersion;
import org.diptych.project.Project;
import org.diptych.qa.QaRule;
import org.diptych.qa.QaRules;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.ReviewState;
import org.diptych.review.ReviewStore;
import org.diptych.translate.FrontMatterRows;
import org.diptych.translate.TargetVersions;
import org.diptych.translate.TranslationSession;
import org.diptych.model.Paragraph;
import org.diptych.translate.TranslationStatus;
import org.diptych.translate.TranslationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation started in Diptych owns its front matter; export counts what is missing before writing. */
class OwnFrontMatterExportTest {
    @TempDir
    Path tmp;

    static final String RU_FM = """
            ---
            layout: post
            title: "Забастовка в порту"
            description: Докеры объявили бессрочную забастовку
            lang: ru
            locale: ru_RU
            permalink: /ru/2019/03/08/port-strike/
            category: ru
            tags: [профсоюзы, забастовка]
            author: Редакция
            ---""";
    static final String EN_FM = """
            ---
            layout: post
            title: "Strike at the port"
            lang: en
            ---""";
    static final List<String> PT_ROWS = List.of("### O que aconteceu",
            "Em 8 de março, os estivadores do porto declararam uma **greve por tempo indeterminado**. Detalhes no [site do sindicato](https://union.example.org/news/42).",
            "Readmitir os ativistas demitidos.", "Pagar todas as horas extras.",
            "Apelamos a todos que puderem para apoiar os grevistas com dinheiro e palavras.");

    private Path project() {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "fm", List.of("ru", "en", "pt"))) {
            importPost(p, ID, "ru", post(RU_FM, RU_BODY));
            importPost(p, ID, "en", post(EN_FM, EN_BODY));
            for (String l : List.of("ru", "en", "pt")) p.saveManifest(p.manifest().withSite(l, profile(l, null)));
        }
        return dir;
    }

    /** Starts pt from ru as the desk does, saves it, and returns a session over it. */
    private static TranslationSession start(Project p) {
        DocumentVersion ru = p.loadVersion(ID, "ru").orElseThrow();
        TargetVersions.Start s = TargetVersions.start(ID, ru, "pt", p.manifest().sites());
        p.saveVersion(ID, s.target(), null);
        p.saveAlignment(s.alignment());
        return session(p);
    }

    private static TranslationSession session(Project p) {
        ReviewState st = ReviewStore.load(p, ID, "ru", "pt").orElseThrow();
        return new TranslationSession(new AlignmentEditor(st, () -> "Ana", Clock.systemUTC()),
                TranslationStore.load(p, ID, "ru", "pt"), () -> "Ana", Clock.systemUTC());
    }

    private static void save(Project p, TranslationSession s) {
        p.saveVersion(ID, s.state().target(), null);
        p.saveAlignment(s.state().alignment());
        ReviewStore.saveEdits(p, ID, "pt", s.state().targetEdits());
        TranslationStore.save(p, ID, "ru", "pt", s.records());
    }

    @Test
    void startingATranslationDraftsItsOwnFrontMatter() {
        try (Project p = Project.open(project(), true)) {
            TranslationSession s = start(p);
            DocumentVersion pt = s.state().target();
            assertThat(pt.frontMatter().raw()).isEqualTo("""
                    ---
                    layout: post
                    title: "Забастовка в порту"
                    description: Докеры объявили бессрочную забастовку
                    lang: pt
                    locale: pt_PT
                    permalink: /pt/2019/03/08/port-strike/
                    category: pt
                    tags: [профсоюзы, забастовка]
                    author: Редакция
                    ---""");
            assertThat(s.frontMatterRows()).extracting(FrontMatterRows.Row::key, FrontMatterRows.Row::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("title", TranslationStatus.UNTRANSLATED),
                            org.assertj.core.groups.Tuple.tuple("description", TranslationStatus.UNTRANSLATED));
        }
    }

    @Test
    void aFrontMatterEditIsAnUndoableLoggedStep() {
        try (Project p = Project.open(project(), true)) {
            TranslationSession s = start(p);
            assertThat(s.setFrontMatter("title", "Greve no porto")).isTrue();
            assertThat(s.state().target().title()).isEqualTo("Greve no porto");
            assertThat(s.frontMatterRows().get(0).status()).isEqualTo(TranslationStatus.DRAFT);
            assertThat(s.state().targetEdits()).singleElement().satisfies(e -> {
                assertThat(e.paragraphId()).isEqualTo("fm:title");
                assertThat(e.before()).isEqualTo("Забастовка в порту");
                assertThat(e.after()).isEqualTo("Greve no porto");
            });
            s.confirmFrontMatter("title", false);
            assertThat(s.frontMatterRows().get(0).status()).isEqualTo(TranslationStatus.TRANSLATED);
            s.editor().undo();
            assertThat(s.state().target().title()).isEqualTo("Забастовка в порту");
            assertThat(s.state().targetEdits()).isEmpty();
            assertThat(s.frontMatterRows().get(0).status()).isEqualTo(TranslationStatus.UNTRANSLATED);
        }
    }

    @Test
    void anIncompleteVersionIsRefusedThenWrittenWithEveryUntranslatedRowNamed() {
        Path proj = project();
        try (Project p = Project.open(proj, true)) {
            TranslationSession s = start(p);
            s.setFrontMatter("title", "Greve no porto");
            s.setTarget(0, "O que aconteceu");
            s.confirm(0, false);
            save(p, s);
        }
        Path out = tmp.resolve("site");
        assertThatThrownBy(() -> Fixtures.export(proj, ExportOptions.posts(ID, out)))
                .isInstanceOfSatisfying(Exporter.IncompleteExport.class, e -> {
                    ExportCheck.Language pt = e.check().languages().get("pt");
                    assertThat(pt.pair()).isEqualTo("ru-pt");
                    assertThat(pt.untranslated()).hasSize(5).first().asString().startsWith("description: «Докеры");
                    assertThat(pt.drafts()).containsExactly("title: «Greve no porto»");
                    assertThat(e.check().languages().get("ru").complete()).isTrue();
                    assertThat(e.check().languages().get("en").complete()).isTrue();
                });
        assertThat(out).doesNotExist();

        ExportReport r = Fixtures.export(proj, ExportOptions.posts(ID, out).allowingIncomplete(true));
        assertThat(r.warnings()).contains("[pt] untranslated row 2: «Восьмого марта докеры порта объявили бессрочную забастовку.…»",
                "[pt] draft title: «Greve no porto»");
        assertThat(r.warnings()).filteredOn(w -> w.startsWith("[pt] untranslated row")).hasSize(4);
        assertThat(r.check().complete()).isFalse();
    }

    @Test
    void eachVersionIsExportedWithItsOwnFrontMatterAndLinkedUnderItsOwnTitle() throws IOException {
        Path proj = project();
        try (Project p = Project.open(proj, true)) {
            TranslationSession s = start(p);
            s.setFrontMatter("title", "Greve no porto");
            s.setFrontMatter("description", "Os estivadores declararam uma greve por tempo indeterminado");
            s.confirmFrontMatter("title", false);
            s.confirmFrontMatter("description", false);
            for (int i = 0; i < PT_ROWS.size(); i++) {
                s.setTarget(i, org.diptych.translate.BlockMarkup.body(PT_ROWS.get(i)));
                s.confirm(i, false);
            }
            save(p, s);
        }
        Path out = tmp.resolve("site");
        ExportReport r = Fixtures.export(proj, ExportOptions.posts(ID, out));
        assertThat(r.check().complete()).as(r.check().lines().toString()).isTrue();
        String pt = Files.readString(out.resolve(path("pt")), StandardCharsets.UTF_8);
        assertThat(pt).startsWith("""
                ---
                layout: post
                title: "Greve no porto"
                description: Os estivadores declararam uma greve por tempo indeterminado
                lang: pt
                locale: pt_PT
                permalink: /pt/2019/03/08/port-strike/
                category: pt
                """);
        assertThat(pt).contains("[Забастовка в порту](https://example.org/ru/2019/03/08/port-strike/)\n\n"
                + "[Strike at the port](https://example.org/en/2019/03/08/port-strike/)\n\n### O que aconteceu");
        assertThat(Files.readString(out.resolve(path("ru")), StandardCharsets.UTF_8))
                .contains("[Greve no porto](https://example.org/pt/2019/03/08/port-strike/)");
        assertThat(Files.readString(out.resolve(path("en")), StandardCharsets.UTF_8))
                .contains("[Greve no porto](https://example.org/pt/2019/03/08/port-strike/)");
    }

    @Test
    void aCyrillicTitleInThePortugueseVersionIsAnOpenQaError() {
        assertThat(QaRules.wrongLanguage("title", "Greve no porto", "pt")).isEmpty();
        assertThat(QaRules.wrongLanguage("title", "Забастовка в порту", "ru")).isEmpty();
        assertThat(QaRules.wrongLanguage("title", "Greve no порту", "pt")).extracting(q -> q.rule())
                .containsExactly(QaRule.WRONG_LANGUAGE);
        assertThat(QaRules.wrongLanguage("title", "Strike at the port", "ru")).hasSize(1);
        assertThat(QaRules.wrongLanguage("title", "What we demand from the employers this summer", "pt")).hasSize(1);
        assertThat(QaRules.wrongLanguage("title", "O que exigimos dos patrões neste verão", "pt")).isEmpty();

        Path proj = project();
        try (Project p = Project.open(proj, true)) {
            TranslationSession s = start(p);
            s.setFrontMatter("title", "Забастовка в порту!");
            s.confirmFrontMatter("title", false);
            save(p, s);
            ExportCheck c = new Exporter(p).check(ExportOptions.posts(ID, tmp.resolve("x")));
            assertThat(c.languages().get("pt").errors()).singleElement().asString().startsWith("title: title is not in pt");
        }
    }

    @Test
    void aLinkToAnotherStatementOfTheProjectResolvesAndFilesGetTheUmask() throws IOException {
        Path proj = project();
        String other = "2019-03-01-dockers";
        try (Project p = Project.open(proj, true)) {
            importPost(p, other, "ru", post("---\ntitle: Докеры\n---", "Текст."));
            importPost(p, ID, "en", post(EN_FM, EN_BODY + "\n\nSee [the earlier statement](https://example.org/ru/2019/03/01/dockers/)"
                    + " and [an old one](https://example.org/ru/2018/01/01/gone/)."));
        }
        Path out = tmp.resolve("site");
        ExportReport r = Fixtures.export(proj, ExportOptions.posts(ID, out).withPair("ru-en"));
        assertThat(r.links()).filteredOn(l -> l.url().contains("dockers")).singleElement()
                .satisfies(l -> assertThat(l.ok() && l.inProject()).isTrue());
        assertThat(r.brokenLinks()).singleElement().extracting(ExportReport.LinkCheck::expected)
                .isEqualTo("ru/_posts/2018-01-01-gone.md");
        assertThat(Files.exists(out.resolve("ru/_posts/2019-03-01-dockers.md"))).isFalse();

        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            Path probe = Files.createFile(out.resolve("probe")); // what any editor's new file gets: the umask
            assertThat(Files.getPosixFilePermissions(out.resolve(path("en"))))
                    .isEqualTo(Files.getPosixFilePermissions(probe))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            Files.setPosixFilePermissions(out.resolve(path("en")), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
            try (Project p = Project.open(proj, true)) {
                importPost(p, ID, "en", post(EN_FM, EN_BODY));
            }
            Fixtures.export(proj, ExportOptions.posts(ID, out).withPair("ru-en"));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve(path("en"))))).isEqualTo("rw-rw-r--");
        }
    }

    @Test
    void theSourcesLinkLineIsNoRowAndThePortugueseGetsItsOwnLinks() throws IOException {
        Path proj = project();
        try (Project p = Project.open(proj, true)) {
            importPost(p, ID, "ru", post(RU_FM, "[Strike at the port](https://example.org/en/2019/03/08/port-strike/)\n\n"
                    + RU_BODY));
            TranslationSession s = start(p);
            assertThat(s.state().target().paragraphs()).singleElement().extracting(Paragraph::markup)
                    .isEqualTo("[Strike at the port](https://example.org/en/2019/03/08/port-strike/)");
            assertThat(s.status(0)).isEqualTo(TranslationStatus.TRANSLATED);
            s.setFrontMatter("title", "Greve no porto");
            s.setFrontMatter("description", "Os estivadores declararam uma greve por tempo indeterminado");
            s.confirmFrontMatter("title", false);
            s.confirmFrontMatter("description", false);
            for (int i = 0; i < PT_ROWS.size(); i++) {
                s.setTarget(i + 1, org.diptych.translate.BlockMarkup.body(PT_ROWS.get(i)));
                s.confirm(i + 1, false);
            }
            save(p, s);
        }
        Path out = tmp.resolve("site");
        ExportReport r = Fixtures.export(proj, ExportOptions.posts(ID, out));
        assertThat(r.check().complete()).as(r.check().lines().toString()).isTrue();
        String pt = Files.readString(out.resolve(path("pt")), StandardCharsets.UTF_8);
        assertThat(pt).contains("---\n\n[Забастовка в порту](https://example.org/ru/2019/03/08/port-strike/)\n\n"
                + "[Strike at the port](https://example.org/en/2019/03/08/port-strike/)\n\n### O que aconteceu");
        assertThat(pt.split("port-strike/\\)", -1)).hasSize(3); // two link lines, the copied one not repeated
    }

    @Test
    void aLeadingLinkToAnotherSiteStaysARowToTranslate() {
        Path proj = project();
        try (Project p = Project.open(proj, true)) {
            importPost(p, ID, "ru", post(RU_FM, "[Подпишите петицию докеров](https://petitions.example.net/dockers)\n\n"
                    + RU_BODY));
            TranslationSession s = start(p);
            assertThat(s.state().target().paragraphs()).isEmpty();
            assertThat(s.status(0)).isEqualTo(TranslationStatus.UNTRANSLATED);
        }
    }
}
