package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of malformed input: line-numbered warnings, bad units skipped and counted, good ones imported;
 * a file that is not TMX at all changes nothing.
 */
class TmxMalformedTest {
    @TempDir
    Path tmp;
    TranslationMemory tm;

    @BeforeEach
    void setUp() throws Exception {
        tm = TranslationMemory.open(tmp.resolve("tm"));
        tm.importTmx(new Tmx().tu("old", "en", "Already here.", "ru", "Уже здесь.").write(tmp.resolve("old.tmx")), Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        tm.close();
    }

    private ImportReport importText(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return tm.importTmx(f, Progress.NONE);
    }

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            """;

    @Test
    void unclosedTagSkipsOnlyThatUnit() throws Exception {
        ImportReport r = importText("unclosed.tmx", HEAD + """
                <tu tuid="1"><tuv xml:lang="en"><seg>First good unit.</seg></tuv><tuv xml:lang="ru"><seg>Первая хорошая единица.</seg></tuv></tu>
                <tu tuid="2"><tuv xml:lang="en"><seg>Broken <b>bold.</seg></tuv>
                <tuv xml:lang="ru"><seg>Сломанная.</seg></tuv></tu>
                <tu tuid="3"><tuv xml:lang="en"><seg>Unit without its end.</seg></tuv><tuv xml:lang="ru"><seg>Единица без конца.</seg></tuv>
                <tu tuid="4"><tuv xml:lang="en"><seg>Last good unit.</seg></tuv><tuv xml:lang="ru"><seg>Последняя хорошая единица.</seg></tuv></tu>
                </body>
                </tmx>
                """);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("unclosed.tmx:6:").contains("malformed unit").contains("skipped");
        assertThat(r.warnings().get(1)).contains("unclosed.tmx:8:").contains("malformed unit");
        assertThat(tm.lookup("Last good unit.", "en", "ru", 1)).hasSize(1);
        assertThat(tm.stats().units()).isEqualTo(3);
    }

    /** The line (1-based) of the first occurrence of {@code marker} in {@code text}. */
    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aLargeFileKeepsEveryWarningInFileOrderWithItsLine() throws Exception {
        // units are parsed many at a time: a bad one among them, unknown elements, comments with line breaks
        // between units and units over several lines must come out as when each unit is parsed on its own
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 1; i <= 150; i++) {
            if (i % 7 == 0) sb.append("<!-- a note\nover two lines -->\n");
            sb.append("<tu tuid=\"t").append(i).append("\">");
            if (i == 10) sb.append("<foo/>");
            sb.append("<tuv xml:lang=\"en\"><seg>Meeting number ").append(i).append(" of the tenants.</seg></tuv>");
            if (i % 5 == 0) sb.append('\n');
            sb.append("<tuv xml:lang=\"ru\">");
            if (i == 100) sb.append("\n<bar>x</bar>");
            sb.append("<seg>").append(i == 70 ? "Собрание <b>жильцов" : "Собрание жильцов номер " + i).append(".</seg></tuv></tu>\n");
        }
        String text = sb.append("</body>\n</tmx>\n").toString();
        ImportReport r = importText("many.tmx", text);
        assertThat(r.added()).isEqualTo(149);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).hasSize(3);
        assertThat(r.warnings().get(0)).startsWith(tmp.resolve("many.tmx") + ":" + lineOf(text, "<foo/>") + ": ")
                .contains("unknown element <foo> in <tu>");
        assertThat(r.warnings().get(1)).startsWith(tmp.resolve("many.tmx") + ":" + lineOf(text, "<tu tuid=\"t70\"") + ": ")
                .contains("malformed unit tuid=t70");
        assertThat(r.warnings().get(2)).startsWith(tmp.resolve("many.tmx") + ":" + lineOf(text, "<bar>") + ": ")
                .contains("unknown element <bar> in <tuv>");
        assertThat(tm.lookup("Meeting number 71 of the tenants.", "en", "ru", 1).get(0).target().text())
                .isEqualTo("Собрание жильцов номер 71.");
        assertThat(tm.stats().units()).isEqualTo(150);
    }

    @Test
    void wrongEncodingDeclarationIsNoticedAndTheBytesWin() throws Exception {
        // Declared ISO-8859-1, written in UTF-8.
        String text = HEAD.replace("UTF-8", "ISO-8859-1")
                + "<tu><tuv xml:lang=\"en\"><seg>Freedom of speech.</seg></tuv><tuv xml:lang=\"ru\"><seg>Свобода слова.</seg></tuv></tu>\n</body></tmx>\n";
        ImportReport r = importText("latin.tmx", text);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString().contains("latin.tmx:1:").contains("ISO-8859-1").contains("UTF-8");
        assertThat(tm.lookup("Freedom of speech.", "en", "ru", 1).get(0).target().text()).isEqualTo("Свобода слова.");

        // Declared UTF-8, written in windows-1251.
        Path f = tmp.resolve("cp1251.tmx");
        String t2 = HEAD + "<tu><tuv xml:lang=\"en\"><seg>Freedom of assembly.</seg></tuv>"
                + "<tuv xml:lang=\"ru\"><seg>Свобода собраний и объединений.</seg></tuv></tu>\n</body></tmx>\n";
        Files.write(f, t2.getBytes(Charset.forName("windows-1251")));
        ImportReport r2 = tm.importTmx(f, Progress.NONE);
        assertThat(r2.added()).isEqualTo(1);
        assertThat(r2.warnings()).singleElement().asString().contains("cp1251.tmx:5:").contains("not UTF-8").contains("windows-1251");
        assertThat(tm.lookup("Freedom of assembly.", "en", "ru", 1).get(0).target().text()).isEqualTo("Свобода собраний и объединений.");

        // Declared UTF-16, written in UTF-8 without a byte order mark.
        ImportReport r3 = importText("utf16.tmx", HEAD.replace("UTF-8", "UTF-16")
                + "<tu><tuv xml:lang=\"en\"><seg>Right to strike.</seg></tuv><tuv xml:lang=\"pt\"><seg>Direito à greve.</seg></tuv></tu>\n</body></tmx>\n");
        assertThat(r3.added()).isEqualTo(1);
        assertThat(r3.warnings()).singleElement().asString().contains("utf16.tmx:1:").contains("UTF-16");
    }

    @Test
    void missingSrclangIsWarnedAndTheImportGoesOn() throws Exception {
        ImportReport r = importText("nosrc.tmx", HEAD.replace(" srclang=\"en\"", "")
                + "<tu><tuv xml:lang=\"en\"><seg>Equal pay.</seg></tuv><tuv xml:lang=\"pt\"><seg>Salário igual.</seg></tuv></tu>\n</body></tmx>\n");
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString().contains("nosrc.tmx:3:").contains("srclang");
    }

    @Test
    void emptySegmentsDropTheVariantOrSkipTheUnit() throws Exception {
        ImportReport r = importText("empty.tmx", HEAD + """
                <tu tuid="e1"><tuv xml:lang="en"><seg></seg></tuv><tuv xml:lang="ru"><seg>Текст.</seg></tuv></tu>
                <tu tuid="e2"><tuv xml:lang="en"><seg>Text.</seg></tuv><tuv xml:lang="ru"><seg>Текст.</seg></tuv><tuv xml:lang="pt"><seg>  </seg></tuv></tu>
                </body></tmx>
                """);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("empty.tmx:5:").contains("tuid=e1 skipped").contains("empty <seg> for en");
        assertThat(r.warnings().get(1)).contains("empty.tmx:6:").contains("tuid=e2").contains("empty <seg> for pt").contains("dropped");
        TmMatch m = tm.lookup("Text.", "en", "ru", 1).get(0);
        assertThat(m.unit().variants()).hasSize(2);
    }

    @Test
    void otherLanguagesAreKeptAndWhatIsNoLanguageCodeIsDropped() throws Exception {
        ImportReport r = importText("langs.tmx", HEAD + """
                <tu tuid="k1"><tuv xml:lang="en"><seg>Peace.</seg></tuv><tuv xml:lang="de-DE"><seg>Frieden.</seg></tuv><tuv xml:lang="ru"><seg>Мир.</seg></tuv></tu>
                <tu tuid="k2"><tuv xml:lang="en"><seg>Bread.</seg></tuv><tuv xml:lang="klingon"><seg>Qagh.</seg></tuv></tu>
                <tu tuid="k3"><tuv><seg>No language.</seg></tuv><tuv xml:lang="EN_us"><seg>Work.</seg></tuv><tuv xml:lang="PT-br"><seg>Trabalho.</seg></tuv></tu>
                </body></tmx>
                """);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("langs.tmx:6:").contains("'klingon' is not a language code").contains("skipped");
        assertThat(r.warnings().get(1)).contains("langs.tmx:7:").contains("without xml:lang");
        assertThat(tm.lookup("Peace.", "en", "ru", 1).get(0).unit().variants()).extracting(TmVariant::lang)
                .containsExactly("en", "de-DE", "ru");
        assertThat(tm.lookup("Work.", "en", "pt", 1).get(0).target().text()).isEqualTo("Trabalho.");
    }

    @Test
    void emptyUnitsAreSkipped() throws Exception {
        ImportReport r = importText("emptytu.tmx", HEAD + """
                <tu tuid="none"/>
                <tu tuid="x1"><tuv xml:lang="en"><seg>After the empty one.</seg></tuv><tuv xml:lang="ru"><seg>После пустой.</seg></tuv></tu>
                <tu tuid="one"><tuv xml:lang="en"><seg>Alone.</seg></tuv></tu>
                </body></tmx>
                """);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("emptytu.tmx:5:").contains("tuid=none skipped: it has no <tuv>");
        assertThat(r.warnings().get(1)).contains("emptytu.tmx:7:").contains("tuid=one skipped");
    }

    @Test
    void truncatedFileKeepsTheCompleteUnits() throws Exception {
        ImportReport r = importText("cut.tmx", HEAD
                + "<tu><tuv xml:lang=\"en\"><seg>Complete.</seg></tuv><tuv xml:lang=\"ru\"><seg>Полная.</seg></tuv></tu>\n"
                + "<tu><tuv xml:lang=\"en\"><seg>Cut off he");
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("cut.tmx:6:").contains("malformed unit"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("ends without </tmx>"));
    }

    @Test
    void undecodableBytesSkipTheUnit() throws Exception {
        byte[] good = (HEAD + "<tu><tuv xml:lang=\"en\"><seg>Fine.</seg></tuv><tuv xml:lang=\"ru\"><seg>Хорошо.</seg></tuv></tu>\n")
                .getBytes(StandardCharsets.UTF_8);
        // A stray 0xFF byte far after the first 4 MB sample is not UTF-8: only its unit is lost.
        StringBuilder filler = new StringBuilder();
        while (filler.length() < TmxSource.SNIFF + 1000) filler.append("<!-- filler to push the bad byte past the sample -->\n");
        byte[] bad = ("<tu><tuv xml:lang=\"en\"><seg>Bad ").getBytes(StandardCharsets.UTF_8);
        byte[] rest = (" byte.</seg></tuv><tuv xml:lang=\"ru\"><seg>Плохо.</seg></tuv></tu>\n</body></tmx>\n").getBytes(StandardCharsets.UTF_8);
        Path f = tmp.resolve("bad.tmx");
        try (var out = Files.newOutputStream(f)) {
            out.write(good);
            out.write(filler.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bad);
            out.write(0xFF);
            out.write(rest);
        }
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString().contains("could not be decoded");
    }

    @Test
    void aFileThatIsNotTmxChangesNothing() throws Exception {
        String before = Files.readString(tmp.resolve("tm").resolve(TranslationMemory.JOURNAL));
        for (String[] c : List.of(new String[] {"empty.tmx", ""}, new String[] {"html.tmx", "<html><body>Hello</body></html>"},
                new String[] {"binary.tmx", "\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000\u0000\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"})) {
            Path f = tmp.resolve(c[0]);
            Files.writeString(f, c[1], StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> tm.importTmx(f, Progress.NONE)).isInstanceOf(DiptychException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining("not a TMX file");
        }
        assertThatThrownBy(() -> tm.importTmx(tmp.resolve("missing.tmx"), Progress.NONE)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("no such file");
        assertThat(tm.stats().units()).isEqualTo(1);
        assertThat(tm.stats().generation()).isZero();
        assertThat(Files.readString(tmp.resolve("tm").resolve(TranslationMemory.JOURNAL))).isEqualTo(before);
        try (var files = Files.list(tmp.resolve("tm"))) {
            // the first import's segment, and nothing of the failed ones
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "seg-0-1.tmx", TranslationMemory.JOURNAL, TranslationMemory.INDEX, TmStore.LOCK);
        }
        // The TM still works after the failed imports.
        assertThat(tm.lookup("Already here.", "en", "ru", 1)).hasSize(1);
        assertThat(tm.importTmx(new Tmx().tu(null, "en", "Later.", "ru", "Позже.").write(tmp.resolve("later.tmx")), Progress.NONE)
                .added()).isEqualTo(1);
    }

    @Test
    void cancelledImportChangesNothing() throws Exception {
        Tmx big = new Tmx();
        for (int i = 0; i < 3000; i++) big.tu("c" + i, "en", "Cancelled unit number " + i + ".", "ru", "Отменённая единица " + i + ".");
        Path f = big.write(tmp.resolve("big.tmx"));
        Progress cancelling = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> tm.importTmx(f, cancelling)).isInstanceOf(Progress.Cancelled.class);
        assertThat(tm.stats().units()).isEqualTo(1);
        assertThat(tm.lookup("Cancelled unit number 5.", "en", "ru", 1)).isEmpty();
    }
}
