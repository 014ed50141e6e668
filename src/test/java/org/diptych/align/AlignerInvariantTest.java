package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.OwnStatements;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Randomized checks of the alignment invariants on generated and perturbed documents. */
class AlignerInvariantTest {
    private static final String[] WORDS = {"право", "закон", "труд", "2019", "Путин", "МГКП", "rights", "law",
            "work", "Putin", "12", "direito", "trabalho", "greve", "strike", "забастовка", "«цитата»", "(скобки)"};

    /** A random document: paragraphs of random length built from a small vocabulary, some headings and list items. */
    static List<Paragraph> randomDoc(Random r, int size) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int len = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 5 + r.nextInt(60);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < len; w++) sb.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            String text = sb.toString();
            int kind = r.nextInt(10);
            if (kind == 0) ps.add(new Paragraph("p" + (i + 1), BlockKind.HEADING, 3, "### " + text, text));
            else if (kind == 1) ps.add(new Paragraph("p" + (i + 1), BlockKind.LIST_ITEM, 1, "- " + text, text));
            else ps.add(Paragraph.plain("p" + (i + 1), text));
        }
        return ps;
    }

    static void assertCovers(List<AlignedBead> beads, int n, int m) {
        int s = 0, t = 0;
        for (AlignedBead b : beads) {
            assertThat(b.sourceStart()).as("source order").isEqualTo(s);
            assertThat(b.targetStart()).as("target order").isEqualTo(t);
            assertThat(b.sourceSize() + b.targetSize()).isPositive();
            assertThat(b.confidence()).isBetween(0.0, 1.0);
            s = b.sourceEnd();
            t = b.targetEnd();
        }
        assertThat(s).as("every source unit in a bead").isEqualTo(n);
        assertThat(t).as("every target unit in a bead").isEqualTo(m);
    }

    @RepeatedTest(25)
    void everyParagraphInExactlyOneBeadInOrder(org.junit.jupiter.api.RepetitionInfo info) {
        Random r = new Random(4242L + info.getCurrentRepetition());
        int n = r.nextInt(40), m = r.nextInt(40);
        List<Paragraph> a = randomDoc(r, n), b = randomDoc(r, m);
        String[] langs = {"ru", "en", "pt", "pt-BR"};
        List<AlignedBead> beads = new Aligner().alignUnits(a, langs[r.nextInt(4)], b, langs[r.nextInt(4)], Progress.NONE);
        assertCovers(beads, n, m);
    }

    @Test
    void emptySidesGiveOnlyOneSidedBeads() {
        List<Paragraph> a = randomDoc(new Random(1), 5);
        List<AlignedBead> beads = new Aligner().alignUnits(a, "ru", List.of(), "en", Progress.NONE);
        assertCovers(beads, 5, 0);
        assertThat(beads).allMatch(b -> b.targetSize() == 0 && b.confidence() == 1.0);
        assertThat(new Aligner().alignUnits(List.of(), "ru", List.of(), "en", Progress.NONE)).isEmpty();
    }

    @RepeatedTest(12)
    void perturbedStatementsStayValidAndMostlyRight(org.junit.jupiter.api.RepetitionInfo info) {
        Random r = new Random(77L * info.getCurrentRepetition());
        String id = OwnStatements.IDS.get(info.getCurrentRepetition() % OwnStatements.IDS.size());
        List<Paragraph> ru = OwnStatements.paragraphs(id, "ru"), en = OwnStatements.paragraphs(id, "en");
        List<AlignedBead> gold = OwnStatements.gold(id + ".ru-en.tsv", false);
        BenchDoc a = new BenchDoc("ru", ru, labels(ru.size(), gold, true)), b = new BenchDoc("en", en, labels(en.size(), gold, false));
        BenchDoc pa = a.perturb(r, 0.15), pb = b.perturb(r, 0.15);
        List<AlignedBead> got = new Aligner().alignUnits(pa.paragraphs, "ru", pb.paragraphs, "en", Progress.NONE);
        assertCovers(got, pa.size(), pb.size());
        assertThat(org.diptych.bench.Metrics.of(got, BenchDoc.gold(pa, pb)).f1()).isGreaterThan(0.8);
    }

    static List<java.util.Set<String>> labels(int size, List<AlignedBead> gold, boolean source) {
        List<java.util.Set<String>> l = new ArrayList<>();
        for (int k = 0; k < size; k++) l.add(new java.util.LinkedHashSet<>());
        for (int g = 0; g < gold.size(); g++) {
            AlignedBead b = gold.get(g);
            int from = source ? b.sourceStart() : b.targetStart(), to = source ? b.sourceEnd() : b.targetEnd();
            for (int k = from; k < to; k++) l.get(k).add("b" + g);
        }
        return l;
    }

    static DocumentVersion version(String lang, List<Paragraph> ps) {
        return new DocumentVersion(lang, null, "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    @RepeatedTest(15)
    void confirmedBeadsNeverMove(org.junit.jupiter.api.RepetitionInfo info) {
        Random r = new Random(9000L + info.getCurrentRepetition());
        DocumentVersion a = version("ru", randomDoc(r, 5 + r.nextInt(30))), b = version("en", randomDoc(r, 5 + r.nextInt(30)));
        Aligner aligner = new Aligner();
        Alignment first = aligner.align("s1", a, b, null, Progress.NONE);
        first.validate(a, b);
        // confirm a random subset, and force some beads the engine would not choose: pair paragraphs
        // deliberately (first source with last target is impossible monotonically, so use a shifted pairing)
        List<Bead> beads = new ArrayList<>();
        List<Bead> confirmed = new ArrayList<>();
        for (Bead x : first.beads()) {
            if (r.nextInt(3) == 0) {
                Bead c = x.withStatus(BeadStatus.CONFIRMED, "tester", Instant.EPOCH).withNote("checked");
                beads.add(c);
                confirmed.add(c);
            } else {
                beads.add(x);
            }
        }
        Alignment reviewed = first.withBeads(beads);
        Alignment again = aligner.align("s1", a, b, reviewed, Progress.NONE);
        again.validate(a, b);
        assertThat(again.beads()).containsAll(confirmed);
        int pos = 0;
        for (Bead c : confirmed) {
            int at = again.beads().indexOf(c);
            assertThat(at).isGreaterThanOrEqualTo(pos);
            pos = at;
        }
    }

    /** Sentences of the stored-lexicon corpus (en or ru) and page furniture, at random. */
    static List<Paragraph> wordDoc(Random r, int size, int side) {
        String[] furniture = {"Source: the dockers' paper", "12 March 2024", "[1]: https://example.org/a", "— The editors",
                "Photos: Maria", "Фото: Иван", "Источник: газета", "12 марта 2024 г."};
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text;
            if (r.nextInt(6) == 0) text = furniture[r.nextInt(furniture.length)];
            else {
                StringBuilder sb = new StringBuilder();
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    sb.append(sb.length() == 0 ? "" : " ").append(StoredLexiconTest.CORPUS[r.nextInt(StoredLexiconTest.CORPUS.length)][side]);
                }
                text = sb.toString();
            }
            ps.add(Paragraph.plain("p" + (i + 1), text));
        }
        return ps;
    }

    @RepeatedTest(12)
    void withTheStoredWordModelAndFurnitureEveryParagraphIsInOneBeadAndConfirmedBeadsStay(org.junit.jupiter.api.RepetitionInfo info) {
        Random r = new Random(31L * info.getCurrentRepetition());
        Lexicon lexicon = Lexicon.withWords(null, StoredLexiconTest.corpusTable());
        DocumentVersion a = version("en", wordDoc(r, r.nextInt(30), 0)), b = version("ru", wordDoc(r, r.nextInt(30), 1));
        Aligner aligner = new Aligner(lexicon);
        Alignment first = aligner.align("s1", a, b, null, Progress.NONE);
        first.validate(a, b); // every paragraph of both in exactly one bead, in order
        List<Bead> beads = new ArrayList<>(), confirmed = new ArrayList<>();
        for (Bead x : first.beads()) {
            Bead c = r.nextInt(3) == 0 ? x.withStatus(BeadStatus.CONFIRMED, "tester", Instant.EPOCH) : x;
            beads.add(c);
            if (c.isConfirmed()) confirmed.add(c);
        }
        Alignment again = new Aligner(lexicon).align("s1", a, b, first.withBeads(beads), Progress.NONE);
        again.validate(a, b);
        int pos = -1;
        for (Bead c : confirmed) {
            int at = again.beads().indexOf(c);
            assertThat(at).as("confirmed bead kept, in order").isGreaterThan(pos);
            pos = at;
        }
        // and the same documents the other way round
        assertCovers(aligner.alignUnits(b.paragraphs(), "ru", a.paragraphs(), "en", Progress.NONE), b.paragraphs().size(),
                a.paragraphs().size());
    }

    @Test
    void confirmedBeadThatDisagreesWithTheEngineIsKeptAndTheRestFitsAroundIt() {
        List<Paragraph> ru = OwnStatements.paragraphs("strike", "ru"), en = OwnStatements.paragraphs("strike", "en");
        DocumentVersion a = version("ru", ru), b = version("en", en);
        // a reviewer pairs ru paragraph 3 with en paragraphs 5 and 6 (a 1:2 the engine would not propose)
        Bead forced = new Bead(List.of(ru.get(3).id()), List.of(en.get(5).id(), en.get(6).id()), 1.0,
                BeadStatus.CONFIRMED, "lead", Instant.EPOCH, null);
        Alignment previous = new Alignment("strike", "ru", "en", List.of(forced), Instant.EPOCH);
        Alignment result = new Aligner().align("strike", a, b, previous, Progress.NONE);
        result.validate(a, b);
        assertThat(result.beads()).contains(forced);
    }

    @Test
    void rejectedBeadIsNotProposedAgain() {
        List<Paragraph> ru = OwnStatements.paragraphs("strike", "ru"), en = OwnStatements.paragraphs("strike", "en");
        DocumentVersion a = version("ru", ru), b = version("en", en);
        Alignment first = new Aligner().align("strike", a, b, null, Progress.NONE);
        Bead some = first.beads().stream().filter(x -> x.source().size() == 1 && x.target().size() == 1).skip(3).findFirst().orElseThrow();
        List<Bead> beads = new ArrayList<>();
        for (Bead x : first.beads()) beads.add(x == some ? x.withStatus(BeadStatus.REJECTED, "lead", Instant.EPOCH) : x);
        Alignment again = new Aligner().align("strike", a, b, first.withBeads(beads), Progress.NONE);
        again.validate(a, b);
        assertThat(again.beads()).noneMatch(x -> x.source().equals(some.source()) && x.target().equals(some.target()));
    }

    @Test
    void cancellationStopsTheWork() {
        Random r = new Random(5);
        List<Paragraph> a = randomDoc(r, 300), b = randomDoc(r, 300);
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Aligner().alignUnits(a, "ru", b, "en", cancelled))
                .isInstanceOf(Progress.Cancelled.class);
    }
}
