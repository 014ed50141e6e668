package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.diptych.Progress;
import org.diptych.bench.OwnStatements;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.model.Paragraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled sample posts ({@code sample-projects/posts/<lang>/<id>.md}, imported by the real importer)
 * align exactly with their hand-made gold ({@code sample-projects/gold/<id>.<src>-<tgt>.tsv}), in the gold's
 * direction and in the opposite one.
 */
class SampleProjectsGoldTest {
    static final Path GOLD = Path.of("sample-projects/gold"), POSTS = Path.of("sample-projects/posts");

    static Stream<Path> goldFiles() throws IOException {
        try (Stream<Path> s = Files.list(GOLD)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
            assertThat(files).as("gold files in " + GOLD).isNotEmpty();
            return files.stream();
        }
    }

    static List<Paragraph> paragraphs(String id, String lang) {
        return Importer.importFile(POSTS.resolve(lang).resolve(id + ".md"), ImportOptions.DEFAULTS.withLang(lang)).version().paragraphs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldFiles")
    void alignsExactlyWithTheGold(Path gold) throws IOException {
        String name = gold.getFileName().toString();
        String id = name.substring(0, name.indexOf('.'));
        String[] langs = name.substring(id.length() + 1, name.length() - 4).split("-");
        List<Paragraph> a = paragraphs(id, langs[0]), b = paragraphs(id, langs[1]);
        List<AlignedBead> want = OwnStatements.goldFrom(Files.readString(gold), name);
        assertThat(keys(new Aligner().alignUnits(a, langs[0], b, langs[1], Progress.NONE))).isEqualTo(keys(want));
        List<AlignedBead> back = new Aligner().alignUnits(b, langs[1], a, langs[0], Progress.NONE);
        assertThat(keys(swap(back))).as("the other direction").isEqualTo(keys(want));
    }

    static List<String> keys(List<AlignedBead> beads) {
        return beads.stream().map(SampleStatementsTest::key).toList();
    }

    /** The beads of the other direction with sides swapped (1:0 and 0:1 in a run may come in either order). */
    static List<AlignedBead> swap(List<AlignedBead> beads) {
        List<AlignedBead> out = new java.util.ArrayList<>();
        for (AlignedBead b : beads) out.add(new AlignedBead(b.targetStart(), b.targetEnd(), b.sourceStart(), b.sourceEnd(), b.confidence()));
        // normalise runs of one-sided beads: source-only first
        for (int i = 0; i + 1 < out.size(); i++) {
            AlignedBead x = out.get(i), y = out.get(i + 1);
            if (x.sourceSize() == 0 && y.targetSize() == 0 && y.sourceSize() > 0 && x.targetSize() > 0) {
                out.set(i, new AlignedBead(y.sourceStart(), y.sourceEnd(), x.targetStart(), x.targetStart(), y.confidence()));
                out.set(i + 1, new AlignedBead(y.sourceEnd(), y.sourceEnd(), x.targetStart(), x.targetEnd(), x.confidence()));
                i = Math.max(-1, i - 2);
            }
        }
        return out;
    }
}
