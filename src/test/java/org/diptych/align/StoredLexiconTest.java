package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.diptych.Progress;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.tm.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's stored word model ({@link StoredLexicon}, {@link ProjectLexicon#words}): Model 1 recovers the
 * known pairs of a small corpus, the stored file changes an alignment decision, and an incremental update equals
 * retraining on the union.
 */
class StoredLexiconTest {
    @TempDir
    Path tmp;

    /** A small corpus whose word pairs are known: every content word occurs with its translation only. */
    static final String[][] CORPUS = {
            {"The strike committee met at the factory.", "Забастовочный комитет собрался на заводе."},
            {"The teachers wrote a letter to the committee.", "Учителя написали письмо комитету."},
            {"Doctors read the letter at the meeting.", "Врачи прочитали письмо на собрании."},
            {"The meeting of the workers ended late.", "Собрание рабочих закончилось поздно."},
            {"The committee thanked the teachers and the doctors.", "Комитет поблагодарил учителей и врачей."},
            {"Workers read the news of the strike.", "Рабочие прочитали новости о забастовке."},
            {"The hospital asked the government for help.", "Больница попросила правительство о помощи."},
            {"A new law on safe work.", "Новый закон о безопасной работе."},
            {"The school and the hospital of the city.", "Школа и больница города."},
            {"The government promised a law.", "Правительство обещало закон."},
            {"Doctors of the hospital support the workers.", "Врачи больницы поддерживают рабочих."},
            {"Teachers of the school went to the meeting.", "Учителя школы пришли на собрание."},
    };

    static String stem(String lang, String word) {
        try (Analyzer a = Analysis.stems(lang, true); TokenStream ts = a.tokenStream("", new StringReader(word))) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            ts.incrementToken();
            String s = t.toString();
            ts.end();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static WordTable corpusTable() {
        List<String[]> pairs = new ArrayList<>();
        for (String[] p : CORPUS) pairs.add(p);
        StoredLexicon.Section s = StoredLexicon.train("statement", "corpus", "x", "en", "ru", pairs, null);
        return StoredLexicon.table("en", "ru", List.of(s));
    }

    @Test
    void model1RecoversTheKnownPairsOfASmallCorpus() {
        WordTable t = corpusTable();
        String[][] known = {{"hospital", "больница"}, {"government", "правительство"}, {"law", "закон"},
                {"committee", "комитет"}, {"letter", "письмо"}, {"meeting", "собрании"}};
        for (String[] k : known) {
            String e = stem("en", k[0]), f = stem("ru", k[1]);
            // its translation is the best of every English stem, in both directions
            double p = t.forward(e, f);
            assertThat(p).as(k[0] + " → " + k[1]).isGreaterThan(0.3);
            assertThat(t.translations(e).values()).as(k[0]).allMatch(q -> q <= p + 1e-12);
            assertThat(t.backward(e, f)).as(k[1] + " → " + k[0]).isGreaterThan(0.3);
        }
        // reversed, the same numbers the other way round
        assertThat(t.reversed().forward(stem("ru", "закон"), stem("en", "law"))).isEqualTo(t.backward(stem("en", "law"), stem("ru", "закон")));
        assertThat(t.links(0.3)).contains(new Lexicon.Entry(stem("en", "hospital"), stem("ru", "больница")));
        // a pair never seen together has no probability
        assertThat(t.forward(stem("en", "hospital"), stem("ru", "письмо"))).isZero();
    }

    @Test
    void theFileReadsBackAsItWasWritten() throws Exception {
        List<String[]> pairs = new ArrayList<>(List.of(CORPUS));
        StoredLexicon.Section a = StoredLexicon.train("statement", "a", "f1", "en", "ru", pairs.subList(0, 6), null);
        StoredLexicon.Section b = StoredLexicon.train("tm", "memory", "f2", "en", "ru", pairs.subList(6, 12),
                new double[] {2, 2, 2, 2, 2, 2});
        byte[] bytes = StoredLexicon.format("en", "ru", List.of(a, b));
        Path f = tmp.resolve("lexicon.en-ru.tsv");
        Files.write(f, bytes);
        var back = StoredLexicon.read(f, "en", "ru");
        assertThat(back.keySet()).containsExactly("statement\ta", "tm\tmemory");
        assertThat(StoredLexicon.format("en", "ru", back.values())).isEqualTo(bytes);
        String text = Files.readString(f);
        assertThat(text).startsWith("# Diptych lexicon en-ru, format 1\n").contains("@\ttm\tmemory\tf2\t6\n");
        // another pair's file, or a damaged line, is refused as a whole
        org.junit.jupiter.api.Assertions.assertThrows(StoredLexicon.Damaged.class, () -> StoredLexicon.read(f, "en", "pt"));
        Files.writeString(f, text.replace("\t6\n", "\tsix\n"));
        org.junit.jupiter.api.Assertions.assertThrows(StoredLexicon.Damaged.class, () -> StoredLexicon.read(f, "en", "ru"));
    }

    // -------------------------------------------------------------------------------- in a project

    static DocumentVersion version(String lang, List<String> texts) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) ps.add(Paragraph.plain("p" + (i + 1), texts.get(i)));
        return new DocumentVersion(lang, null, "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    /** A statement whose en and ru versions are the corpus rows [from, to), every bead 1:1 and confirmed if asked. */
    static void statement(Project p, String id, int from, int to, boolean confirmed) {
        List<String> en = new ArrayList<>(), ru = new ArrayList<>();
        List<Bead> beads = new ArrayList<>();
        for (int k = from; k < to; k++) {
            en.add(CORPUS[k][0]);
            ru.add(CORPUS[k][1]);
            String pid = "p" + (k - from + 1);
            Bead b = Bead.auto(List.of(pid), List.of(pid), 0.95);
            beads.add(confirmed ? b.withStatus(BeadStatus.CONFIRMED, "lead", Instant.EPOCH) : b);
        }
        p.saveVersion(id, version("en", en), null);
        p.saveVersion(id, version("ru", ru), null);
        p.saveAlignment(new Alignment(id, "ru", "en", reversedBeads(beads), Instant.EPOCH)); // stored ru→en: either direction is read
    }

    private static List<Bead> reversedBeads(List<Bead> beads) {
        List<Bead> out = new ArrayList<>();
        for (Bead b : beads) out.add(new Bead(b.target(), b.source(), b.confidence(), b.status(), b.reviewer(), b.reviewedAt(), b.note()));
        return out;
    }

    @Test
    void anIncrementalUpdateEqualsRetrainingOnTheUnion() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, null, List.of("en", "ru"))) {
            assertThat(ProjectLexicon.words(p, "en", "ru")).isNull();
            statement(p, "s1", 0, 6, true);
            statement(p, "s2", 6, 12, false);
            WordTable first = ProjectLexicon.words(p, "en", "ru");
            Path file = dir.resolve("lexicon.en-ru.tsv");
            assertThat(file).as("learning alone writes nothing").doesNotExist();
            assertThat(ProjectLexicon.store(p, "en", "ru")).isSameAs(first);
            assertThat(file).exists();
            assertThat(Files.readString(file)).contains("@\tstatement\ts1\t", "@\tstatement\ts2\t", "@\ttm\tmemory\t");
            assertThat(ProjectLexicon.words(p, "ru", "en")).isSameAs(first.reversed()); // nothing changed: same table
            assertThat(ProjectLexicon.words(p, "en", "ru")).isSameAs(first);

            // the reviewer confirms s2's beads, a third statement comes, s1 goes: only those are retrained
            statement(p, "s2", 6, 12, true);
            statement(p, "s3", 2, 9, false);
            deleteTree(p.statementDir("s1"));
            WordTable updated = ProjectLexicon.store(p, "en", "ru");
            assertThat(updated).isNotSameAs(first);
            byte[] incremental = Files.readAllBytes(file);
            assertThat(new String(incremental, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\ts1\t");

            // retrained from nothing on the same project: the same file, the same probabilities
            Files.delete(file);
            WordTable fresh = ProjectLexicon.store(p, "en", "ru");
            assertThat(Files.readAllBytes(file)).isEqualTo(incremental);
            for (String[] k : new String[][] {{"hospital", "больница"}, {"law", "закон"}, {"committee", "комитет"}}) {
                String e = stem("en", k[0]), f = stem("ru", k[1]);
                assertThat(updated.forward(e, f)).isEqualTo(fresh.forward(e, f)).isPositive();
                assertThat(updated.backward(e, f)).isEqualTo(fresh.backward(e, f));
            }
            assertThat(updated.links(0.2)).isEqualTo(fresh.links(0.2));

            // a damaged file is retrained, not trusted
            Files.writeString(file, "# Diptych lexicon en-ru, format 1\n@\tstatement\ts2\n");
            assertThat(ProjectLexicon.store(p, "en", "ru").links(0.2)).isEqualTo(fresh.links(0.2));
            assertThat(Files.readAllBytes(file)).isEqualTo(incremental);
        }
    }

    @Test
    void aReadOnlyProjectGetsTheModelWithoutAFileWritten() {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, null, List.of("en", "ru"))) {
            statement(p, "s1", 0, 12, true);
        }
        try (Project ro = Project.open(dir, false)) {
            assertThat(ProjectLexicon.store(ro, "en", "ru")).isNotNull();
            assertThat(dir.resolve("lexicon.en-ru.tsv")).doesNotExist();
        }
    }

    private static void deleteTree(Path d) throws IOException {
        try (var s = Files.walk(d)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    // -------------------------------------------------------------------------------- a decision it changes

    static List<String> align(Lexicon lexicon, List<String> s, String sl, List<String> t, String tl) {
        List<String> out = new ArrayList<>();
        for (AlignedBead b : new Aligner(lexicon, false).alignUnits(LearnedLexiconTest.paragraphs(s), sl,
                LearnedLexiconTest.paragraphs(t), tl, Progress.NONE)) {
            out.add(AnchorTest.range(b.sourceStart(), b.sourceEnd()) + ":" + AnchorTest.range(b.targetStart(), b.targetEnd()));
        }
        return out;
    }

    @Test
    void theStoredModelTellsTheNewParagraphFromTheTranslatedOne() {
        // LearnedLexiconTest's lagging translation, with the pair's own learning off: the project's stored model,
        // learned from other statements, is what reads the words
        Path dir = tmp.resolve("p");
        List<String> en = new ArrayList<>(List.of(LearnedLexiconTest.EN));
        en.add(7, "Doctors of the city hospital asked the government for a law on safe work in every factory and school of the city.");
        List<String> ru = List.of(LearnedLexiconTest.RU);
        try (Project p = Project.create(dir, null, List.of("en", "ru"))) {
            statement(p, "s1", 0, 12, true);
            Lexicon lexicon = ProjectLexicon.learn(p, "en", "ru");
            assertThat(lexicon.words("en", "ru")).isNotNull();
            assertThat(align(lexicon, en, "en", ru, "ru")).contains("6:6", "7:", "8:7");
            assertThat(align(Lexicon.withWords(null, lexicon.words("en", "ru")), en, "en", ru, "ru")).contains("7:", "8:7");
        }
        assertThat(align(null, en, "en", ru, "ru")).doesNotContain("7:");
    }

    @Test
    void theDeskIsToldWhichWordPairsOfTheModelSupportABead() {
        Lexicon lexicon = Lexicon.withWords(null, corpusTable());
        List<Lexicon.Entry> why = Lexicon.supporting(lexicon, "en", "ru", "The hospital wrote a letter to the government.",
                "Больница написала письмо правительству.", 10);
        assertThat(why).contains(new Lexicon.Entry(stem("en", "hospital"), stem("ru", "больница")),
                new Lexicon.Entry(stem("en", "letter"), stem("ru", "письмо")));
        assertThat(Lexicon.supporting(lexicon, "en", "ru", "The hospital wrote a letter.", "Школа города.", 10)).isEmpty();
    }
}
