package org.diptych.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diptych.Progress;
import org.diptych.export.ExportOptions;
import org.diptych.export.Exporter;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan.Action;
import org.diptych.tm.TranslationMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteImporterTest {
    @TempDir
    Path tmp;

    @Test
    void importsAlignsFeedsTheTmAndReRunsOnlyWhatChanged() throws Exception {
        Path site = SiteFixtures.jekyllFolders(tmp.resolve("site"));
        Map<String, byte[]> before = SiteFixtures.snapshot(site);
        try (Project p = Project.create(tmp.resolve("project"), "t", List.of("ru", "en", "pt"))) {
            ImportPlan plan = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(plan.count(Action.NEW)).isEqualTo(4);
            SiteImporter.Report r = SiteImporter.run(p, plan, true, Progress.NONE);
            assertThat(r.imported()).isEqualTo(4);
            assertThat(r.aligned()).isEqualTo(2); // ru-en, ru-pt
            assertThat(r.tmUnits()).isPositive();
            assertThat(r.profilesSet()).containsExactly("en", "pt", "ru");
            String id = "2020-05-01-vosem-chasov";
            assertThat(Files.readAllBytes(p.originalFile(id, "en").orElseThrow()))
                    .isEqualTo(before.get("en/_posts/2020-05-01-vosem-chasov.md"));
            try (TranslationMemory tm = TranslationMemory.open(p.tmDir())) {
                assertThat(tm.stats().draft()).isPositive();
            }

            // review work: confirm the first ru-en bead
            Alignment a = p.loadAlignment(id, "ru", "en").orElseThrow();
            List<Bead> beads = new ArrayList<>(a.beads());
            Bead first = beads.get(0);
            beads.set(0, first.withStatus(BeadStatus.CONFIRMED, "tester", Instant.now()));
            p.saveAlignment(a.withBeads(beads));

            // second run without changes: nothing to do
            ImportPlan again = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(again.count(Action.UNCHANGED)).isEqualTo(4);
            SiteImporter.Report r2 = SiteImporter.run(p, again, true, Progress.NONE);
            assertThat(r2.imported() + r2.replaced() + r2.aligned()).isZero();
            assertThat(r2.alignmentsKept()).isEqualTo(2);

            // round trip: exporting every statement back into the checkout changes no file
            for (String sid : p.statementIds()) {
                new Exporter(p).export(ExportOptions.posts(sid, site), Progress.NONE);
            }
            Map<String, byte[]> after = SiteFixtures.snapshot(site);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String f : before.keySet()) {
                assertThat(after.get(f)).as(f).isEqualTo(before.get(f));
            }

            // an edit in the site: only that version is imported again, and the pair re-aligned, keeping the review
            Path en = site.resolve("en/_posts/2020-05-01-vosem-chasov.md");
            Files.writeString(en, Files.readString(en) + "\nAll members are invited.\n");
            ImportPlan third = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(third.count(Action.CHANGED)).isEqualTo(1);
            SiteImporter.Report r3 = SiteImporter.run(p, third, true, Progress.NONE);
            assertThat(r3.replaced()).isEqualTo(1);
            assertThat(r3.aligned()).isEqualTo(1);
            assertThat(r3.alignmentsKept()).isEqualTo(1);
            Alignment realigned = p.loadAlignment(id, "ru", "en").orElseThrow();
            assertThat(realigned.beads().get(0).isConfirmed()).isTrue();
            assertThat(realigned.beads().get(0).source()).isEqualTo(first.source());
        }
    }

    @Test
    void cancelStopsAndARunCarriesOn() {
        Path site = SiteFixtures.hugoSuffix(tmp.resolve("site"));
        try (Project p = Project.create(tmp.resolve("project"), "t", List.of("en", "ru", "pt"))) {
            ImportPlan plan = SitePlanner.plan(p, site, Progress.NONE);
            Progress cancelAfterOne = new Progress() {
                int calls;

                @Override
                public void update(long done, long total, String message) {
                    calls++;
                }

                @Override
                public boolean isCancelled() {
                    return calls > 1;
                }
            };
            // batches of one version: the two stored before the cancel stay
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteImporter.run(p, plan, true, cancelAfterOne, 1))
                    .isInstanceOf(Progress.Cancelled.class);
            ImportPlan rest = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(rest.count(Action.UNCHANGED)).isEqualTo(2);
            SiteImporter.Report r = SiteImporter.run(p, rest, true, Progress.NONE);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.aligned()).isEqualTo(2);
        }
    }

    @Test
    void theAlignmentsOfAnImportFeedTheProjectLexicon() {
        Path site = tmp.resolve("site");
        SiteFixtures.write(site, "_config.yml", "lang: ru\n");
        String[][] posts = {
            {"Профсоюз требует повышения зарплаты на складе.", "The union demands higher wages at the warehouse.",
             "Завод закрыт третий день, и профсоюз объявил забастовку.", "The plant has been closed for three days, and the union called a strike.",
             "Собрание назначено на пятницу.", "A meeting is set for Friday."},
            {"Рабочие поддержали профсоюз на общем собрании.", "Workers backed our union at a general meeting.",
             "Дирекция отказалась от переговоров с профсоюзом.", "Management refused to negotiate with the union.",
             "Мы продолжим борьбу до победы.", "We will fight on until we win."},
        };
        for (int i = 0; i < posts.length; i++) {
            String name = "2021-03-0" + (i + 1) + "-post-" + i + ".md";
            String[] t = posts[i];
            SiteFixtures.write(site, "_posts/" + name, SiteFixtures.yaml("Заявление " + i, "")
                    + t[0] + "\n\n" + t[2] + "\n\n" + t[4] + "\n");
            SiteFixtures.write(site, "en/_posts/" + name, SiteFixtures.yaml("Statement " + i, "")
                    + t[1] + "\n\n" + t[3] + "\n\n" + t[5] + "\n");
        }
        try (Project p = Project.create(tmp.resolve("project"), "t", List.of("ru", "en"))) {
            assertThat(org.diptych.align.ProjectLexicon.learn(p, "ru", "en")).as("nothing to learn from yet").isNull();
            SiteImporter.Report r = SiteImporter.run(p, SitePlanner.plan(p, site, Progress.NONE), true, Progress.NONE);
            assertThat(r.aligned()).isEqualTo(2);
            // nothing was reviewed: the lexicon learns from the engine's sure beads of the published translations
            // (stems: "профс" for профсоюз, профсоюзом; "union")
            assertThat(p.loadAlignment("2021-03-01-post-0", "ru", "en").orElseThrow().beads())
                    .allMatch(b -> b.status() == BeadStatus.AUTO);
            org.diptych.align.Lexicon lex = org.diptych.align.ProjectLexicon.learn(p, "ru", "en");
            assertThat(lex).isNotNull();
            assertThat(lex.entries("ru", "en")).anyMatch(e -> "профсоюз".startsWith(e.source()) && "union".startsWith(e.target()));
            // and in the other direction
            assertThat(org.diptych.align.ProjectLexicon.learn(p, "en", "ru").entries("en", "ru"))
                    .anyMatch(e -> "union".startsWith(e.source()) && "профсоюз".startsWith(e.target()));
        }
    }

    @Test
    void aCancelledBatchLeavesNothingOfIt() {
        Path site = SiteFixtures.hugoSuffix(tmp.resolve("site"));
        try (Project p = Project.create(tmp.resolve("project"), "t", List.of("en", "ru", "pt"))) {
            ImportPlan plan = SitePlanner.plan(p, site, Progress.NONE);
            Progress cancelAtThird = new Progress() {
                int calls;

                @Override
                public void update(long done, long total, String message) {
                    calls++;
                }

                @Override
                public boolean isCancelled() {
                    return calls > 1; // at the third version
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteImporter.run(p, plan, true, cancelAtThird))
                    .isInstanceOf(Progress.Cancelled.class);
            // the three versions were one batch, cancelled before its transaction: none of them is there
            assertThat(p.statementIds()).isEmpty();
            ImportPlan again = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(again.count(Action.NEW)).isEqualTo(3);
            SiteImporter.Report r = SiteImporter.run(p, again, true, Progress.NONE);
            assertThat(r.imported()).isEqualTo(3);
            assertThat(r.aligned()).isEqualTo(2);
            assertThat(r.tmUnits()).isPositive();
        }
    }
}
