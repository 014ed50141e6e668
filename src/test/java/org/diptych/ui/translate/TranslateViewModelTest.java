package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.glossary.GlossaryMatcher;
import org.diptych.project.Project;
import org.diptych.qa.QaCheck;
import org.diptych.review.ReviewState;
import org.diptych.translate.Demo;
import org.diptych.translate.TranslationSession;
import org.diptych.translate.TranslationStatus;
import org.diptych.ui.I18n;
import org.diptych.ui.review.ReviewViewModel;

/** The translation panel's logic without a window or an FX thread: the background work runs at once. */
class TranslateViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-21T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Project project;
    ReviewViewModel desk;
    TranslationSession session;
    final I18n i18n = new I18n(Locale.ENGLISH);
    final TranslateViewModel model = new TranslateViewModel(i18n, TranslateViewModel.Background.DIRECT);

    @BeforeEach
    void setUp() {
        project = Project.open(Demo.copy(tmp.resolve("demo")), true);
        ReviewState st = new ReviewState(Demo.heatRuPt(project), project.loadVersion(Demo.HEAT, "ru").orElseThrow(),
                project.loadVersion(Demo.HEAT, "pt").orElseThrow(), List.of(), List.of());
        desk = new ReviewViewModel(st, null, null, () -> "Rita", CLOCK, 0.6);
        session = new TranslationSession(desk.editor(), Map.of(), () -> "Tomás", CLOCK);
    }

    @AfterEach
    void tearDown() {
        model.close();
        project.close();
    }

    @Test
    void theStatusFilterKeepsTheRowsOfOneStatusAndARowBeingTranslatedStaysInView() {
        assertThat(TranslateViewModel.statusFilter(session, null)).isNull();
        desk.rowFilterProperty().set(TranslateViewModel.statusFilter(session, TranslationStatus.UNTRANSLATED));
        // the last six Russian paragraphs have no Portuguese counterpart
        assertThat(desk.visible()).extracting(r -> r.bead().source().get(0))
                .containsExactly("p13", "p14", "p15", "p16", "p17", "p18");
        session.setTarget(13, "Enviem fotos dos termômetros.");
        assertThat(session.status(13)).isNotEqualTo(TranslationStatus.UNTRANSLATED);
        assertThat(desk.visible()).as("translated under the filter: still shown").hasSize(6);
        // chosen again, the filter drops it
        desk.rowFilterProperty().set(TranslateViewModel.statusFilter(session, TranslationStatus.UNTRANSLATED));
        assertThat(desk.visible()).extracting(r -> r.bead().source().get(0))
                .containsExactly("p13", "p15", "p16", "p17", "p18");
        desk.rowFilterProperty().set(TranslateViewModel.statusFilter(session, session.status(13)));
        assertThat(desk.visible()).extracting(r -> r.bead().source().get(0)).contains("p14").doesNotContain("p13");
    }

    @Test
    void fillLooksUpTheUntranslatedRowsAndFillsOnlyThoseStillUntranslatedWithTheSameSource() {
        TranslateViewModel.FillPlan plan = TranslateViewModel.fillPlan(session);
        assertThat(plan.text().keySet()).containsExactly(12, 13, 14, 15, 16, 17);
        assertThat(plan.size()).isEqualTo(6);
        assertThat(plan.text().get(12)).isEqualTo(session.sourceText(12));
        assertThat(plan.previous().get(12)).isEqualTo(session.previousSourceText(12));
        assertThat(plan.segments()).containsOnlyKeys(12, 13, 14, 15, 16, 17);

        // meanwhile the translator fills row 13 by hand; a stale answer names a row that is gone
        session.setTarget(13, "Escrevam para nós.");
        Map<Integer, String> found = new java.util.LinkedHashMap<>();
        found.put(12, "a");
        found.put(13, "b");
        found.put(15, "c");
        found.put(40, "d");
        assertThat(TranslateViewModel.stillToFill(session, plan, found)).containsExactly(
                Map.entry(12, "a"), Map.entry(15, "c"));
        assertThat(TranslateViewModel.fillPlan(session).text().keySet()).containsExactly(12, 14, 15, 16, 17);
    }

    @Test
    void qaFindingsReplaceTheListAndTheMessageSaysHowManyUntilAnotherPairIsShown() {
        List<Integer> told = new ArrayList<>();
        model.runQa(session, null, issues -> told.add(issues.size()));
        var expected = QaCheck.run(session.state().alignment(), session.state().source(), session.state().target(), null);
        assertThat(expected).isNotEmpty();
        assertThat(model.qaIssues()).containsExactlyElementsOf(expected);
        assertThat(told).containsExactly(expected.size());
        assertThat(model.messageProperty().get()).isEqualTo(new TranslateViewModel.Message("QA found " + expected.size() + " issues", false));
        model.pairChanged();
        assertThat(model.qaIssues()).isEmpty();
        assertThat(model.messageProperty().get().shown()).isEmpty();
    }

    @Test
    void aFailedBackgroundRunSaysWhyInOneLineAndKeepsTheFindings() {
        model.runQa(session, null, null);
        int before = model.qaIssues().size();
        TranslateViewModel failing = new TranslateViewModel(i18n, new TranslateViewModel.Background() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
                failed.accept(new org.diptych.DiptychException("index.lock: disk full"));
            }
        });
        failing.runQa(session, null, i -> { throw new AssertionError("not done"); });
        assertThat(failing.messageProperty().get().error()).isTrue();
        assertThat(failing.messageProperty().get().shown()).isEqualTo("⚠ index.lock: disk full");
        assertThat(model.qaIssues()).hasSize(before);
    }

    @Test
    void anImportedGlossaryIsReadAgainAndFindsItsTermsInflected() throws Exception {
        GlossaryMatcher none = model.matcher(project, "ru", "pt");
        assertThat(none.find(session.sourceText(14))).isEmpty();
        Path csv = tmp.resolve("glossary.csv");
        Files.writeString(csv, "ru,pt,en\nпрофсоюз,sindicato,union\nколлективный договор,acordo coletivo,collective agreement\n");
        List<Object> done = new ArrayList<>();
        model.importGlossary(project, csv, done::add, e -> { throw new AssertionError(e); });
        assertThat(done).hasSize(1);
        assertThat(model.messageProperty().get().shown()).isEqualTo("Glossary imported: 2 entries, 0 warnings");
        assertThat(model.matcher(project, "ru", "pt").find(session.sourceText(14))).extracting(h -> h.text())
                .containsExactly("профсоюз", "коллективном договоре");
        assertThat(model.matcher(project, null, "pt")).isNull();

        List<Throwable> failed = new ArrayList<>();
        model.importGlossary(project, tmp.resolve("missing.csv"), r -> { throw new AssertionError("imported"); }, failed::add);
        assertThat(failed).singleElement().satisfies(e -> assertThat(TmService.message(e)).contains("missing.csv").doesNotContain("\n"));
    }

    @Test
    void startingATranslationSavesAnEmptyVersionAlignedToTheSource() {
        List<String> done = new ArrayList<>();
        model.startTranslation(project, null, Demo.HEAT, "ru", "en", () -> done.add("done"), e -> { throw new AssertionError(e); });
        assertThat(done).containsExactly("done");
        assertThat(project.versionLanguages(Demo.HEAT)).contains("en");
        var a = project.loadAlignment(Demo.HEAT, "ru", "en").orElseThrow();
        assertThat(a.beads()).hasSize(18);
        assertThat(model.messageProperty().get().shown()).isEqualTo("Translation of " + Demo.HEAT + " into en started");
    }

    @Test
    void theLinkShortcutLinksToTheFirstSourceLinkTheTranslationLacks() {
        String src = "См. [сайт](https://a.example) и [форму](https://b.example), [снова](https://a.example).";
        assertThat(TranslateViewModel.nextLinkTarget(src, "Veja o site")).isEqualTo("https://a.example");
        assertThat(TranslateViewModel.nextLinkTarget(src, "Veja o [site](https://a.example)")).isEqualTo("https://b.example");
        assertThat(TranslateViewModel.nextLinkTarget(src, "[a](https://a.example) [b](https://b.example)")).isEqualTo("https://a.example");
        assertThat(TranslateViewModel.nextLinkTarget(src, "[a](https://a.example) [b](https://b.example) [c](https://a.example)")).isEmpty();
    }

    @Test
    void onlyTheTranslatorsOwnTypingIntoTheRowShownIsWritten() {
        assertThat(model.commit("x")).as("no pair").isEqualTo(TranslateViewModel.Commit.UNCHANGED);
        assertThat(model.header()).isEqualTo("Select a row to translate");
        model.setSession(session);
        assertThat(model.load(99)).isNull();
        assertThat(model.row()).isEqualTo(-1);
        TranslateViewModel.Row row = model.load(13);
        assertThat(row).isEqualTo(new TranslateViewModel.Row(13, "", true, session.prefix(13)));
        assertThat(model.header()).isEqualTo("Row 14 · untranslated");
        assertThat(model.counts()).isEqualTo(i18n.t("tr.counts", 6, 0, 12, 0));

        // what the editor was loaded with is no change; the same text with other spaces is none either
        assertThat(model.commit("")).isEqualTo(TranslateViewModel.Commit.UNCHANGED);
        assertThat(model.commit("Enviem fotos.")).isEqualTo(TranslateViewModel.Commit.WRITTEN);
        assertThat(session.targetBody(13)).isEqualTo("Enviem fotos.");
        assertThat(session.editor().canUndo()).isTrue();
        int steps = undoDepth();
        assertThat(model.commit("Enviem fotos. ")).isEqualTo(TranslateViewModel.Commit.UNCHANGED);
        assertThat(undoDepth()).isEqualTo(steps);
        assertThat(model.header()).isEqualTo("Row 14 · " + i18n.t("tr.status." + session.status(13).name().toLowerCase(Locale.ROOT)));

        // a desk step puts another row at this place: text left in the editor is not written into it
        session.editor().undo();
        assertThat(model.sameRow()).isTrue(); // the same paragraphs, the translation undone
        model.reloaded(model.current().body());
        assertThat(model.current().body()).isEmpty();
        desk.cursorProperty().set(12);
        desk.mergeWithNext();
        assertThat(model.sameRow()).as("row 14 merged into row 13").isFalse();
        assertThat(model.commit("Texto de outra linha.")).isEqualTo(TranslateViewModel.Commit.UNCHANGED);
        assertThat(session.state().target().paragraphs()).noneMatch(p -> p.markup().contains("outra linha"));
    }

    @Test
    void aTmxImportGivesTheRowItsMatchAndFillTakesTheExactOnesIntoTheUntranslatedRows() throws Exception {
        model.setSession(session);
        String ru = session.sourceText(15);
        String pt = "Os acordos coletivos devem prever pausas no calor.";
        Path tmx = tmp.resolve("team.tmx");
        Files.writeString(tmx, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="paragraph" o-tmf="test"
                 adminlang="en" srclang="ru" datatype="plaintext"/><body>
                <tu><tuv xml:lang="ru"><seg>%s</seg></tuv><tuv xml:lang="pt"><seg>%s</seg></tuv></tu>
                </body></tmx>
                """.formatted(ru.replace("&", "&amp;").replace("<", "&lt;"), pt));
        List<Object> imported = new ArrayList<>();
        var rep = model.importTm(project, tmx, imported::add, e -> { throw new AssertionError(e); }).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(rep.added()).isEqualTo(1);
        model.tm(project).flush(); // the answer is told after the future completes
        assertThat(imported).containsExactly(rep);
        assertThat(model.messageProperty().get().shown()).startsWith("Imported 1");

        model.lookup(project, 15, "ru", "pt").get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(model.matches()).first().satisfies(m -> {
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.target()).isEqualTo(pt);
        });
        // a lookup overtaken by another one is not shown
        var first = model.lookup(project, 15, "ru", "pt");
        var second = model.lookup(project, 16, "ru", "pt");
        first.get(20, java.util.concurrent.TimeUnit.SECONDS);
        second.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(model.matches()).noneMatch(m -> m.target().equals(pt) && m.score() == 100);

        int filled = model.fillExact(project, "ru", "pt", still -> session.fill(still, "fill matches"))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(filled).isEqualTo(1);
        assertThat(session.targetBody(15)).isEqualTo(pt);
        assertThat(session.status(15)).isEqualTo(TranslationStatus.DRAFT);
        assertThat(model.messageProperty().get().shown()).isEqualTo(i18n.t("tr.msg.filled", 1, 6, 5));

        model.concordance(project, "коллективные договоры", "ru").get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(model.concordanceHits()).extracting(h -> h.unit().variant("pt").text()).contains(pt);
        model.dropLookups();
        assertThat(model.matches()).isEmpty();
        assertThat(model.concordanceHits()).isEmpty();
    }

    @Test
    void thePairsSessionKeepsItsRecordsConfirmGoesOnAndAStepElsewhereIsToldButNotTheModelsOwnWrites() throws Exception {
        org.diptych.review.Autosaver saver = new org.diptych.review.Autosaver(e -> { throw new AssertionError(e); });
        List<String> steps = new ArrayList<>();
        model.setContext(new TranslateViewModel.Context(() -> project, () -> saver, () -> "Tomás", CLOCK));
        model.setOnStep(() -> steps.add("step"));
        TranslationSession ts = model.attach(desk);
        assertThat(ts).isNotNull().isSameAs(model.session());
        assertThat(model.pair()).isSameAs(desk);

        // the status filter of the pair shown, dropped when the panel is closed or another pair shown
        model.applyStatusFilter("UNTRANSLATED", true);
        assertThat(desk.visible()).hasSize(6);
        model.applyStatusFilter("UNTRANSLATED", false);
        assertThat(desk.visible()).hasSize(18);
        model.applyStatusFilter("UNTRANSLATED", true);

        // typing into row 14 and confirming: written, confirmed (translated, not approved), the cursor on the next row to translate
        desk.cursorProperty().set(13);
        model.load(13);
        assertThat(model.confirm("Enviem fotos dos termômetros.", false)).isTrue();
        assertThat(ts.targetBody(13)).isEqualTo("Enviem fotos dos termômetros.");
        assertThat(ts.status(13)).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(desk.cursorProperty().get()).isEqualTo(14);
        assertThat(steps).as("the model's own write is no outside step").isEmpty();
        model.tm(project).flush();
        assertThat(model.messageProperty().get().shown()).isEqualTo(i18n.t("tr.msg.savedDraft", 14));

        // a review operation made in the desk is told
        steps.clear();
        desk.editor().undo();
        assertThat(steps).containsExactly("step");

        // Ctrl+J from the last row to translate goes on; a QA finding of another row moves the cursor there
        model.load(14);
        model.nextUntranslated("");
        assertThat(desk.cursorProperty().get()).isEqualTo(15);
        assertThat(model.jump(new org.diptych.qa.QaIssue(2, org.diptych.qa.QaRule.values()[0], "x", List.of()))).isTrue();
        assertThat(desk.cursorProperty().get()).isEqualTo(2);
        assertThat(model.jump(null)).isFalse();

        // copy source: written as one step, what the editor shows now
        model.load(16);
        assertThat(model.copySource()).isEqualTo(ts.sourceBody(16));
        assertThat(ts.status(16)).isNotEqualTo(TranslationStatus.UNTRANSLATED);

        // records saved by the project's writer: a new session of the same pair reads them back
        saver.flush();
        TranslateViewModel again = new TranslateViewModel(i18n, TranslateViewModel.Background.DIRECT);
        again.setContext(new TranslateViewModel.Context(() -> project, () -> saver, () -> "Tomás", CLOCK));
        ReviewViewModel other = new ReviewViewModel(desk.state(), null, null, () -> "Rita", CLOCK, 0.6);
        assertThat(again.attach(other).status(16)).isEqualTo(ts.status(16));
        again.close();

        // another pair (none): the filter and the session are dropped, the desk's model unhooked
        model.attach(null);
        assertThat(desk.rowFilterProperty().get()).isNull();
        assertThat(model.session()).isNull();
        model.close();
        steps.clear();
        desk.editor().undo();
        assertThat(steps).as("closed: unhooked from the desk's model").isEmpty();
        saver.close();
    }

    @Test
    void aMatchIsInsertedIntoAnEditableRowOnlyAndItsTextShown() throws Exception {
        model.setContext(new TranslateViewModel.Context(() -> project, () -> null, () -> "Tomás", CLOCK));
        model.attach(desk);
        assertThat(model.insertMatch(0)).as("no matches").isNull();
        model.load(15);
        model.matches().setAll(new TmService.Suggestion(100, "Texto da memória.", null, List.of()));
        assertThat(model.insertMatch(0)).isEqualTo("Texto da memória.");
        assertThat(model.session().targetBody(15)).isEqualTo("Texto da memória.");
        assertThat(model.commit("Texto da memória.")).as("the editor then shows it: no second write")
                .isEqualTo(TranslateViewModel.Commit.UNCHANGED);
    }

    int undoDepth() {
        int n = 0;
        while (session.editor().canUndo()) {
            session.editor().undo();
            n++;
        }
        for (int k = 0; k < n; k++) session.editor().redo();
        return n;
    }
}
