package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TMX as other tools write it (issue 11): CDATA, comments, undeclared entities, a unit in another
 * encoding, a long header, languages the TM does not look up in, and hostile DTDs.
 */
class TmxOtherToolsTest {
    @TempDir
    Path tmp;
    TranslationMemory tm;

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            """;

    @BeforeEach
    void setUp() {
        tm = TranslationMemory.open(tmp.resolve("tm"));
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

    private static String tu(String tuid, String en, String ru) {
        return "<tu tuid=\"" + tuid + "\"><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"ru\"><seg>" + ru
                + "</seg></tuv></tu>\n";
    }

    @Test
    void cdataHoldingAnEndTagIsText() throws Exception {
        ImportReport r = importText("cdata.tmx", HEAD
                + tu("c1", "<![CDATA[Write </tu> and <b> as they are.]]>", "<![CDATA[Пишите </tu> и <b> как есть.]]>")
                + tu("c2", "After the CDATA unit.", "После единицы с CDATA.")
                + "</body></tmx>\n");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.added()).isEqualTo(2);
        TmMatch m = tm.lookup("Write </tu> and <b> as they are.", "en", "ru", 1).get(0);
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.target().text()).isEqualTo("Пишите </tu> и <b> как есть.");
        assertThat(m.target().segXml()).isEqualTo("Пишите &lt;/tu&gt; и &lt;b&gt; как есть.");
    }

    @Test
    void aCommentedOutUnitIsNotImported() throws Exception {
        ImportReport r = importText("comment.tmx", HEAD
                + tu("k1", "The first unit stays.", "Первая единица остаётся.")
                + "<!-- withdrawn by the editors:\n" + tu("gone", "A withdrawn sentence.", "Отозванное предложение.")
                + "-->\n"
                + "<!-- <tu tuid=\"half\"> a comment mentioning a unit start -->\n"
                + tu("k2", "The second unit stays.", "Вторая единица остаётся.")
                + "</body></tmx>\n");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.read()).isEqualTo(2);
        assertThat(r.added()).isEqualTo(2);
        assertThat(tm.lookup("A withdrawn sentence.", "en", "ru", 1)).isEmpty();
        assertThat(tm.stats().units()).isEqualTo(2);
    }

    @Test
    void anUndeclaredEntityCostsOnlyItsUnit() throws Exception {
        ImportReport r = importText("nbsp.tmx", HEAD
                + tu("n1", "Before the entity.", "До сущности.")
                + tu("n2", "Ten&nbsp;days.", "Десять&nbsp;дней.")
                + tu("n3", "After the entity.", "После сущности.")
                + "</body></tmx>\n");
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString()
                .startsWith(tmp.resolve("nbsp.tmx") + ":6: ")
                .contains("tuid=n2").contains("nbsp").contains("skipped")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(tm.lookup("After the entity.", "en", "ru", 1)).hasSize(1);
    }

    @Test
    void oneUnitInWindows1251DoesNotSpoilTheUtf8Ones() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(HEAD.getBytes(StandardCharsets.UTF_8));
        String[][] good = {
                {"Freedom of speech.", "Свобода слова."},
                {"Freedom of assembly.", "Свобода собраний."},
                {"The right to strike.", "Право на забастовку."},
                {"Equal pay for equal work.", "Равная оплата за равный труд."},
        };
        for (int i = 0; i < 2; i++) out.write(tu("g" + i, good[i][0], good[i][1]).getBytes(StandardCharsets.UTF_8));
        out.write(tu("bad", "Pasted from an old file.", "Вставлено из старого файла.").getBytes(Charset.forName("windows-1251")));
        for (int i = 2; i < 4; i++) out.write(tu("g" + i, good[i][0], good[i][1]).getBytes(StandardCharsets.UTF_8));
        out.write("</body></tmx>\n".getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("mixed.tmx");
        Files.write(f, out.toByteArray());
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.added()).isEqualTo(4);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString()
                .contains("mixed.tmx:7:").contains("tuid=bad").contains("could not be decoded");
        for (String[] g : good) {
            assertThat(tm.lookup(g[0], "en", "ru", 1).get(0).target().text()).isEqualTo(g[1]);
        }
    }

    @Test
    void aFirstUnitAfterEightMegabytesOfHeaderIsImported() throws Exception {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4">
                <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext">
                """);
        String note = "<note>A long history of this memory, kept by the tool that wrote it.</note>\n";
        while (sb.length() < (8 << 20) + 100_000) sb.append(note);
        sb.append("</header>\n<body>\n").append(tu("late", "The first unit comes late.", "Первая единица приходит поздно."))
                .append("</body></tmx>\n");
        ImportReport r = importText("longheader.tmx", sb.toString());
        assertThat(r.added()).isEqualTo(1);
        assertThat(tm.lookup("The first unit comes late.", "en", "ru", 1)).hasSize(1);
    }

    @Test
    void unitsInOtherLanguagesAreKeptAndExportedBack() throws Exception {
        ImportReport r = importText("langs.tmx", HEAD + """
                <tu tuid="k1"><tuv xml:lang="en"><seg>Peace.</seg></tuv><tuv xml:lang="de-DE"><seg>Frieden.</seg></tuv><tuv xml:lang="ru"><seg>Мир.</seg></tuv></tu>
                <tu tuid="k2"><tuv xml:lang="fr-FR"><seg>Pain.</seg></tuv><tuv xml:lang="de-DE"><seg>Brot.</seg></tuv></tu>
                <tu tuid="k3"><tuv xml:lang="en"><seg>Bread.</seg></tuv><tuv xml:lang="klingon"><seg>Qagh.</seg></tuv></tu>
                </body></tmx>
                """);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().asString().contains("langs.tmx:7:").contains("'klingon'");
        TmMatch m = tm.lookup("Peace.", "en", "ru", 1).get(0);
        assertThat(m.target().text()).isEqualTo("Мир.");
        assertThat(m.unit().variants()).extracting(TmVariant::lang).containsExactly("en", "de-DE", "ru");
        assertThat(tm.stats().units()).isEqualTo(2);

        Path out = tmp.resolve("out.tmx");
        assertThat(tm.exportTmx(out, false)).isEqualTo(2);
        String x = Files.readString(out);
        assertThat(x).contains("<tuv xml:lang=\"de-DE\">").contains("Frieden.").contains("<tuv xml:lang=\"fr-FR\">")
                .contains("Pain.").contains("Brot.");
        // and they come back in a new TM
        try (TranslationMemory again = TranslationMemory.open(tmp.resolve("tm2"))) {
            ImportReport r2 = again.importTmx(out, Progress.NONE);
            assertThat(r2.added()).isEqualTo(2);
            assertThat(r2.warnings()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void hostileDtdsAreNeitherReadNorExpanded() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET CONTENT");
        Path dtd = tmp.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY fromdtd \"DTD WAS READ\">");
        StringBuilder laughs = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) laughs.append("&lol").append(i - 1).append(';');
            laughs.append("\">");
        }
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE tmx SYSTEM \"" + dtd.toUri() + "\" [\n"
                + "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n" + laughs + "\n]>\n"
                + "<tmx version=\"1.4\">\n<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\""
                + " adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"><note>&xxe;</note></header>\n<body>\n"
                + tu("x1", "Secret: &xxe;", "Секрет: &xxe;")
                + tu("x2", "Laughs: &lol9;", "Смех: &lol9;")
                + tu("x3", "From the DTD: &fromdtd;", "Из DTD: &fromdtd;")
                + tu("ok", "A harmless unit.", "Безобидная единица.")
                + "</body></tmx>\n";
        ImportReport r = importText("hostile.tmx", text);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(3);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("DOCTYPE is ignored"));
        assertThat(r.warnings()).filteredOn(w -> w.contains("tuid=x")).hasSize(3)
                .allSatisfy(w -> assertThat(w).contains("unit skipped"));
        Path out = tmp.resolve("out.tmx");
        tm.exportTmx(out, false);
        String x = Files.readString(out);
        assertThat(x).doesNotContain("TOP SECRET").doesNotContain("DTD WAS READ").doesNotContain("lollol");
        assertThat(tm.concordance("harmless", "en", 5)).hasSize(1);
    }

    @Test
    void aLargeFileThatIsNotTmxIsRefusedEarly() throws Exception {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 300_000) sb.append("Just a text file <with> some angle brackets, and no TMX in it.\n");
        Path f = tmp.resolve("notes.tmx");
        Files.writeString(f, sb);
        assertThatThrownBy(() -> tm.importTmx(f, Progress.NONE)).isInstanceOf(DiptychException.class)
                .hasMessage(f + ": not a TMX file (no <tmx> element)");
        assertThat(tm.stats().units()).isZero();
    }

    @Test
    void theWholeUnitListSurvivesACommentBetweenUnits() throws Exception {
        // a comment whose text holds "</tu>" between two units does not end or start anything
        ImportReport r = importText("between.tmx", HEAD
                + tu("a", "One.", "Один.") + "<!-- </tu> -->\n" + tu("b", "Two.", "Два.") + "</body></tmx>\n");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.added()).isEqualTo(2);
        assertThat(List.of(tm.lookup("Two.", "en", "ru", 1).get(0).target().text())).containsExactly("Два.");
    }

    @Test
    void theHeadersAttributesPropsAndNotesSurviveImportAndExport() throws Exception {
        String header = "<header creationtool=\"Other Tool\" creationtoolversion=\"7.2\" segtype=\"sentence\""
                + " o-tmf=\"OtherTM\" adminlang=\"en-GB\" srclang=\"en\" datatype=\"html\" o-encoding=\"utf-8\""
                + " creationdate=\"20200102T030405Z\" creationid=\"coordinator\">\n"
                + "  <prop type=\"x-client\">Union of port workers</prop>\n"
                + "  <note>Statements of 2020 &amp; 2021, reviewed.</note>\n"
                + "</header>";
        importText("other.tmx", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" + header
                + "\n<body>\n" + tu("h1", "The strike goes on.", "Забастовка продолжается.") + "</body></tmx>\n");
        String expected = "<header creationtool=\"Other Tool\" creationtoolversion=\"7.2\" segtype=\"sentence\""
                + " o-tmf=\"OtherTM\" adminlang=\"en-GB\" srclang=\"en\" datatype=\"html\" o-encoding=\"utf-8\""
                + " creationdate=\"20200102T030405Z\" creationid=\"coordinator\">\n"
                + "  <prop type=\"x-client\">Union of port workers</prop>\n"
                + "  <note>Statements of 2020 &amp; 2021, reviewed.</note>\n"
                + "</header>";
        Path out = tmp.resolve("out.tmx");
        tm.exportTmx(out, false);
        assertThat(Files.readString(out)).contains(expected).doesNotContain("x-diptych-source-header");
        // and after the segments are merged into a new record, and the TM is opened again
        tm.compact();
        tm.close();
        tm = TranslationMemory.open(tmp.resolve("tm"));
        tm.exportTmx(out, false);
        assertThat(Files.readString(out)).contains(expected);
        // exported and imported again, the header is the same
        try (TranslationMemory again = TranslationMemory.open(tmp.resolve("tm2"))) {
            again.importTmx(out, Progress.NONE);
            Path out2 = tmp.resolve("out2.tmx");
            again.exportTmx(out2, false);
            assertThat(Files.readString(out2)).contains(expected);
        }
        // a second file with its own header: Diptych's header, with the props and notes of both
        importText("second.tmx", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
                + "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\""
                + " srclang=\"en\" datatype=\"plaintext\"><note>Second file.</note></header>\n<body>\n"
                + tu("h2", "The port is closed.", "Порт закрыт.") + "</body></tmx>\n");
        tm.exportTmx(out, false);
        String x = Files.readString(out);
        assertThat(x).contains("creationtool=\"Diptych\"").contains("<prop type=\"x-client\">Union of port workers</prop>")
                .contains("<note>Statements of 2020 &amp; 2021, reviewed.</note>").contains("<note>Second file.</note>");
    }
}
