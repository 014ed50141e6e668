package org.diptych.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.model.Alignment;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.NotApplicable;
import org.diptych.review.ReviewState;
import org.diptych.tm.Provenance;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TranslationMemory;

class TranslationSessionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-21T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Project project;
    DocumentVersion ru;
    DocumentVersion pt;

    @BeforeEach
    void setUp() {
        Path dir = Demo.copy(tmp.resolve("demo"));
        project = Project.open(dir, true);
        ru = project.loadVersion(Demo.HEAT, "ru").orElseThrow();
        pt = project.loadVersion(Demo.HEAT, "pt").orElseThrow();
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        project.close();
    }

    TranslationSession session(Alignment a, DocumentVersion target, Map<String, TranslationRecord> records) {
        AlignmentEditor editor = new AlignmentEditor(new ReviewState(a, ru, target, List.of(), List.of()), () -> "Rita", CLOCK);
        return new TranslationSession(editor, records, () -> "Tomás", CLOCK);
    }

    @Test
    void emptyCellBecomesANewTargetParagraphInItsPlace() {
        TranslationSession s = session(Demo.heatRuPt(project), pt, Map.of());
        assertThat(s.counts()).containsEntry(TranslationStatus.UNTRANSLATED, 6).containsEntry(TranslationStatus.TRANSLATED, 12);
        assertThat(s.status(13)).isEqualTo(TranslationStatus.UNTRANSLATED);
        assertThat(s.targetBody(13)).isEmpty();

        // fill row 14 (p14) before row 13: the new paragraph must still come after p12 and before later ones
        assertThat(s.setTarget(13, "Enviem fotos dos termômetros para zhara@solidarnost-snizu.example. Não publicamos nomes.")).isTrue();
        assertThat(s.setTarget(12, "Se vocês trabalham no calor, escrevam para nós.")).isTrue();
        DocumentVersion t = s.state().target();
        assertThat(t.paragraphs()).extracting(Paragraph::id).containsExactly(
                "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p14", "p13");
        assertThat(s.beads().get(12).target()).containsExactly("p14");
        assertThat(s.beads().get(13).target()).containsExactly("p13");
        assertThat(s.beads().get(12).type()).isEqualTo("1:1");
        // the translator made the pair: it is not doubtful, whatever the aligner thought of the empty row
        assertThat(s.beads().get(12).confidence()).isEqualTo(1.0);
        s.state().alignment().validate(ru, t);
        assertThat(s.status(12)).isEqualTo(TranslationStatus.DRAFT);
        assertThat(t.paragraph("p13").text()).startsWith("Enviem fotos");

        // undo takes the paragraph out again, redo brings it back with its record
        s.editor().undo();
        assertThat(s.beads().get(12).target()).isEmpty();
        assertThat(s.status(12)).isEqualTo(TranslationStatus.UNTRANSLATED);
        s.editor().redo();
        assertThat(s.status(12)).isEqualTo(TranslationStatus.DRAFT);

        // clearing a created paragraph removes it; an imported one cannot be emptied
        assertThat(s.setTarget(12, " ")).isTrue();
        assertThat(s.beads().get(12).target()).isEmpty();
        assertThat(s.beads().get(12).confidence()).isEqualTo(1.0);
        assertThat(s.state().target().paragraph("p14")).isNull();
        assertThatThrownBy(() -> s.setTarget(1, "")).isInstanceOf(NotApplicable.class);
        assertThat(s.setTarget(13, s.targetBody(13))).isFalse();
    }

    @Test
    void targetKeepsTheSourcesStructure() {
        TargetVersions.Start start = TargetVersions.start(Demo.HEAT, ru, "en");
        // the source's link line to its pt version is no row to translate: the target starts with it
        assertThat(start.target().paragraphs()).extracting(Paragraph::markup)
                .containsExactly(ru.paragraphs().get(0).markup());
        assertThat(ru.paragraphs().get(0).markup()).startsWith("[Calor nas fábricas russas");
        assertThat(start.target().frontMatter().get("lang")).isEqualTo("en");
        assertThat(start.target().frontMatter().raw()).contains("lang: en").contains("title:");
        assertThat(start.alignment().beads()).hasSize(18);
        assertThat(start.alignment().beads().get(0).type()).isEqualTo("1:1");
        assertThat(start.alignment().beads().subList(1, 18)).allMatch(b -> b.type().equals("1:0"));
        TranslationSession s = session(start.alignment(), start.target(), Map.of());
        assertThat(s.status(0)).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(s.counts().get(TranslationStatus.UNTRANSLATED)).isEqualTo(17);
        assertThat(s.prefix(6)).isEqualTo("1. ");
        s.setTarget(6, "Measure the temperature at every workplace **twice a shift**.");
        Paragraph p = s.state().target().paragraphs().get(1);
        assertThat(p.kind()).isEqualTo(BlockKind.LIST_ITEM);
        assertThat(p.level()).isEqualTo(1);
        assertThat(p.markup()).isEqualTo("1. Measure the temperature at every workplace **twice a shift**.");
        assertThat(p.text()).isEqualTo("Measure the temperature at every workplace twice a shift.");
        assertThat(s.targetBody(6)).isEqualTo("Measure the temperature at every workplace **twice a shift**.");
        // a body pasted with its own prefix keeps it
        s.setTarget(6, "2. Measure it.");
        assertThat(s.state().target().paragraphs().get(1).markup()).isEqualTo("2. Measure it.");
    }

    @Test
    void statusesFollowConfirmationAndLaterEdits() {
        TranslationSession s = session(Demo.heatRuPt(project), pt, Map.of());
        int[] saves = {0};
        s.addRecordsListener(() -> saves[0]++);
        assertThatThrownBy(() -> s.confirm(15, false)).isInstanceOf(NotApplicable.class);
        s.setTarget(15, "O calor vai voltar todo verão.");
        Confirmation c = s.confirm(15, false);
        assertThat(c.draft()).isTrue();
        assertThat(c.user()).isEqualTo("Tomás");
        assertThat(s.status(15)).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(s.beads().get(15).status()).isEqualTo(BeadStatus.AUTO);
        s.setTarget(15, "O calor voltará todo verão.");
        assertThat(s.status(15)).isEqualTo(TranslationStatus.DRAFT);
        Confirmation r = s.confirm(15, true);
        assertThat(r.draft()).isFalse();
        assertThat(s.status(15)).isEqualTo(TranslationStatus.APPROVED);
        assertThat(s.beads().get(15).status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(s.beads().get(15).reviewer()).isEqualTo("Rita");
        assertThat(saves[0]).isEqualTo(4);
        assertThat(s.nextToTranslate(0)).isEqualTo(12);
        assertThat(s.nextToTranslate(14)).isEqualTo(16);
        assertThat(s.nextToTranslate(17)).isEqualTo(12);

        // records survive a save and a new session
        TranslationStore.save(project, Demo.HEAT, "ru", "pt", s.records());
        Map<String, TranslationRecord> back = TranslationStore.load(project, Demo.HEAT, "ru", "pt");
        assertThat(back).isEqualTo(s.records());
        TranslationSession again = new TranslationSession(s.editor(), back, () -> "x", CLOCK);
        assertThat(again.status(15)).isEqualTo(TranslationStatus.APPROVED);
    }

    @Test
    void confirmationsGoToTheTmAsDraftOrApproved() {
        TranslationSession s = session(Demo.heatRuPt(project), pt, Map.of());
        s.setTarget(15, "O calor vai voltar todo verão, e cada vez mais.");
        s.setTarget(17, "Rede «Solidariedade de Baixo», 19 de julho de 2024");
        try (TranslationMemory tm = TranslationMemory.open(project.tmDir())) {
            s.confirm(15, false).writeTo(tm, null);
            s.confirm(17, true).writeTo(tm, null);
        }
        try (TranslationMemory tm = TranslationMemory.open(project.tmDir())) {
            List<TmMatch> m = tm.lookup(ru.paragraph("p16").text(), "ru", "pt", 3);
            assertThat(m).isNotEmpty();
            assertThat(m.get(0).target().text()).isEqualTo("O calor vai voltar todo verão, e cada vez mais.");
            assertThat(m.get(0).provenance().status()).isEqualTo(Provenance.Status.DRAFT);
            assertThat(m.get(0).provenance().creator()).isEqualTo("Tomás");
            List<TmMatch> a = tm.lookup(ru.paragraph("p18").text(), "ru", "pt", 3);
            assertThat(a.get(0).score()).isEqualTo(100);
            assertThat(a.get(0).provenance().status()).isEqualTo(Provenance.Status.APPROVED);
            assertThat(a.get(0).provenance().statement()).isEqualTo(Demo.HEAT);
        }
    }

    @Test
    void fillWritesSeveralRowsAsOneStep() {
        TranslationSession s = session(Demo.heatRuPt(project), pt, Map.of());
        int n = s.fill(Map.of(12, "Um.", 14, "Dois.", 1, "Três."), "fill");
        assertThat(n).isEqualTo(3);
        assertThat(s.editor().undoName()).isEqualTo("fill");
        assertThat(s.state().target().paragraphs()).hasSize(14);
        s.editor().undo();
        assertThat(s.state().target()).isEqualTo(pt);
    }
}
