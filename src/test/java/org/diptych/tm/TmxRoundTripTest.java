package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.tmx.TmxFilter;

import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Import → export → import loses nothing, and the export is TMX 1.4b that another tool reads. */
class TmxRoundTripTest {
    @TempDir
    Path tmp;

    static final String RICH = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="handmade" creationtoolversion="2" segtype="sentence" o-tmf="none" adminlang="en-US"
                    srclang="en-US" datatype="html" o-encoding="utf-8">
              <prop type="x-project">Тестовый проект</prop>
            </header>
            <body>
            <tu tuid="a-1" datatype="html" usagecount="3" lastusagedate="20240301T120000Z" creationdate="20230105T081500Z"
                creationid="marta" changedate="20240110T090000Z" changeid="ivan" o-encoding="utf-8" x-custom="kept">
              <note>Checked by the legal team &amp; the editors.</note>
              <prop type="x-domain">law</prop>
              <prop type="x-client" xml:lang="en">Union</prop>
              <tuv xml:lang="en-US" creationid="marta">
                <prop type="x-context">title</prop>
                <note>source side note</note>
                <seg>Press <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> to keep the <hi type="italic">draft &lt;v2&gt;</hi> &amp; continue.<ph x="2" type="lb">&lt;br/&gt;</ph></seg>
              </tuv>
              <tuv xml:lang="ru-RU">
                <seg>Нажмите <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Сохранить<ept i="1">&lt;/b&gt;</ept>, чтобы сохранить <hi type="italic">черновик &lt;v2&gt;</hi> и продолжить.<ph x="2" type="lb">&lt;br/&gt;</ph></seg>
              </tuv>
              <tuv xml:lang="pt-BR">
                <seg>Clique em <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Salvar<ept i="1">&lt;/b&gt;</ept> para guardar o <hi type="italic">rascunho &lt;v2&gt;</hi> e continuar.<ph x="2" type="lb">&lt;br/&gt;</ph></seg>
              </tuv>
            </tu>
            <tu tuid="a-2">
              <tuv xml:lang="en"><seg>See <ph x="1" type="image">&lt;img alt="<sub>a map of the district</sub>"/&gt;</ph> and <it pos="begin" x="3">&lt;a href="x"&gt;</it>the list<ut>{end}</ut>.</seg></tuv>
              <tuv xml:lang="pt-PT"><seg>Veja <ph x="1" type="image">&lt;img alt="<sub>um mapa do bairro</sub>"/&gt;</ph> e <it pos="begin" x="3">&lt;a href="x"&gt;</it>a lista<ut>{end}</ut>.</seg></tuv>
            </tu>
            <tu>
              <tuv xml:lang="ru"><seg>Пробелы   и
            переносы строк сохраняются.</seg></tuv>
              <tuv xml:lang="en"><seg>Spaces   and
            line breaks are kept.</seg></tuv>
            </tu>
            </body>
            </tmx>
            """;

    private List<TmUnit> read(Path f) throws Exception {
        List<TmUnit> out = new ArrayList<>();
        TmxWarnings w = new TmxWarnings(f.toString());
        new TmxReader(f, w).read((u, line) -> out.add(u));
        assertThat(w.list()).isEmpty();
        return out;
    }

    @Test
    void importExportImportLosesNothing() throws Exception {
        Path a = tmp.resolve("rich.tmx");
        Files.writeString(a, RICH);
        List<TmUnit> original = read(a);
        assertThat(original).hasSize(3);

        Path e1 = tmp.resolve("e1.tmx");
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm1"))) {
            assertThat(tm.importTmx(a, Progress.NONE).added()).isEqualTo(3);
            assertThat(tm.exportTmx(e1, false)).isEqualTo(3);
        }
        Path e2 = tmp.resolve("e2.tmx");
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm2"))) {
            assertThat(tm.importTmx(e1, Progress.NONE).added()).isEqualTo(3);
            tm.exportTmx(e2, false);
        }
        assertThat(read(e1)).isEqualTo(original);
        assertThat(read(e2)).isEqualTo(original);
        assertThat(Files.readString(e2).replaceAll("creationdate=\"\\d{8}T\\d{6}Z\"", ""))
                .isEqualTo(Files.readString(e1).replaceAll("creationdate=\"\\d{8}T\\d{6}Z\"", ""));

        TmUnit u = original.get(0);
        assertThat(u.attributes()).containsEntry("usagecount", "3").containsEntry("x-custom", "kept")
                .containsEntry("changeid", "ivan").containsEntry("srclang", "en-US");
        assertThat(u.meta()).containsExactly(TmMeta.note("Checked by the legal team & the editors."),
                TmMeta.prop("x-domain", "law"),
                new TmMeta(TmMeta.Kind.PROP, java.util.Map.of("type", "x-client", "xml:lang", "en"), "Union"));
        TmVariant en = u.variants().get(0);
        assertThat(en.attributes()).containsEntry("creationid", "marta");
        assertThat(en.meta()).hasSize(2);
        assertThat(en.text()).isEqualTo("Press Save to keep the draft <v2> & continue.");
        assertThat(en.tags()).isEqualTo("bpt,ept,hi,ph");
        assertThat(en.segXml()).contains("<hi type=\"italic\">draft &lt;v2&gt;</hi>").contains("<ph x=\"2\" type=\"lb\">&lt;br/&gt;</ph>");
        assertThat(original.get(1).variants().get(0).text()).isEqualTo("See  and the list.");
        assertThat(original.get(1).variants().get(0).segXml()).contains("<sub>a map of the district</sub>").contains("<ut>{end}</ut>");
        assertThat(original.get(2).variants().get(0).text()).isEqualTo("Пробелы   и\nпереносы строк сохраняются.");
        Provenance p = u.provenance();
        assertThat(p.creator()).isEqualTo("marta");
        assertThat(p.usageCount()).isEqualTo(3);
        assertThat(p.changed()).isEqualTo(java.time.Instant.parse("2024-01-10T09:00:00Z"));
        assertThat(p.otherMeta()).hasSize(3);
    }

    @Test
    void exportIsTmx14bThatOkapiReads() throws Exception {
        Path a = tmp.resolve("rich.tmx");
        // Okapi's filter wants every unit to have the exact source locale: keep the en-US unit and add one.
        String firstOnly = RICH.substring(0, RICH.indexOf("<tu tuid=\"a-2\">"))
                + "<tu tuid=\"b\"><tuv xml:lang=\"en-US\"><seg>Second unit.</seg></tuv><tuv xml:lang=\"ru-RU\"><seg>Вторая единица.</seg></tuv></tu>\n"
                + "</body>\n</tmx>\n";
        Files.writeString(a, firstOnly);
        Path out = tmp.resolve("out.tmx");
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            tm.importTmx(a, Progress.NONE);
            tm.exportTmx(out, false);
        }
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("tmx");
        assertThat(root.getAttribute("version")).isEqualTo("1.4");
        Element header = (Element) root.getElementsByTagName("header").item(0);
        for (String req : List.of("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")) {
            assertThat(header.getAttribute(req)).as(req).isNotEmpty();
        }
        NodeList tus = root.getElementsByTagName("tu");
        assertThat(tus.getLength()).isEqualTo(2);
        for (int i = 0; i < tus.getLength(); i++) {
            NodeList tuvs = ((Element) tus.item(i)).getElementsByTagName("tuv");
            assertThat(tuvs.getLength()).isGreaterThanOrEqualTo(2);
            for (int j = 0; j < tuvs.getLength(); j++) {
                Element tuv = (Element) tuvs.item(j);
                assertThat(tuv.getAttribute("xml:lang")).isNotEmpty();
                assertThat(tuv.getElementsByTagName("seg").getLength()).isEqualTo(1);
            }
        }
        // Okapi's TMX filter reads the export: same units, the inline codes as codes.
        List<String> sources = new ArrayList<>();
        try (TmxFilter f = new TmxFilter()) {
            f.open(new RawDocument(out.toUri(), "UTF-8", LocaleId.fromString("en-US"), LocaleId.fromString("ru-RU")));
            while (f.hasNext()) {
                Event e = f.next();
                if (e.isTextUnit()) {
                    ITextUnit tu = e.getTextUnit();
                    sources.add(tu.getSource().getFirstContent().getText());
                    if ("a-1".equals(tu.getName())) {
                        assertThat(tu.getSource().getFirstContent().getCodes()).hasSize(5); // bpt, ept, hi open and close, ph
                        assertThat(tu.getTarget(LocaleId.fromString("ru-RU")).getFirstContent().getText()).contains("Сохранить");
                    }
                }
            }
        }
        assertThat(sources).containsExactly("Press Save to keep the draft <v2> & continue.", "Second unit.");
    }

    @Test
    void approvedOnlyLeavesDraftsOut() throws Exception {
        Path out = tmp.resolve("approved.tmx");
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            tm.update(List.of(
                    new TmUnit("k:1", java.util.Map.of(), List.of(), List.of(TmVariant.plain("en", "Yes."), TmVariant.plain("ru", "Да."))),
                    new TmUnit("k:2", java.util.Map.of(), List.of(TmMeta.prop(TmUnit.PROP_STATUS, TmUnit.DRAFT)),
                            List.of(TmVariant.plain("en", "No."), TmVariant.plain("ru", "Нет.")))), List.of());
            assertThat(tm.exportTmx(out, true)).isEqualTo(1);
            assertThat(tm.exportTmx(tmp.resolve("all.tmx"), false)).isEqualTo(2);
        }
        assertThat(Files.readString(out)).contains("Да.").doesNotContain("Нет.");
    }
}
