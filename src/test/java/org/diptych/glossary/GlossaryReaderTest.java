package org.diptych.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.DiptychException;
import org.diptych.project.Project;

class GlossaryReaderTest {
    @TempDir
    Path tmp;

    Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void csvWithQuotesSynonymsAndNotes() throws Exception {
        Path f = write("g.csv", "\uFEFFru,pt,en,note\n"
                + "профсоюз,sindicato,trade union|union,\"organização, de trabalhadores\"\n"
                + "\"коллективный договор\",acordo coletivo,collective agreement,\"dito \"\"ACT\"\"\"\n"
                + "\n"
                + "забастовка,,,\n");
        GlossaryReader.Result r = GlossaryReader.read(f);
        assertThat(r.glossary().entries()).hasSize(2);
        GlossaryEntry e = r.glossary().entries().get(0);
        assertThat(e.terms("ru")).containsExactly("профсоюз");
        assertThat(e.terms("en")).containsExactly("trade union", "union");
        assertThat(e.note()).isEqualTo("organização, de trabalhadores");
        assertThat(r.glossary().entries().get(1).note()).isEqualTo("dito \"ACT\"");
        assertThat(r.warnings()).singleElement().asString().contains("line 5").contains("fewer than two languages");
    }

    @Test
    void semicolonCsvAndTsvWithRegionsAndUnknownColumns() throws Exception {
        GlossaryReader.Result csv = GlossaryReader.read(write("g2.csv", "ru;pt-BR\nжара;calor\n"));
        assertThat(csv.glossary().entries().get(0).terms("pt")).containsExactly("calor");
        GlossaryReader.Result tsv = GlossaryReader.read(write("g.tsv", "RU\tde\tpt\r\nохрана труда\tArbeitsschutz\tsegurança do trabalho\r\n"));
        assertThat(tsv.glossary().entries()).singleElement()
                .satisfies(e -> assertThat(e.terms().keySet()).containsExactly("ru", "pt"));
        assertThat(tsv.warnings()).singleElement().asString().contains("'de'");
    }

    @Test
    void badDelimitedFilesNameFileAndReason() throws Exception {
        Path one = write("one.csv", "ru\nжара\n");
        assertThatThrownBy(() -> GlossaryReader.read(one)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("one.csv").hasMessageContaining("at least two languages");
        Path open = write("open.csv", "ru,pt\n\"жара,calor\n");
        assertThatThrownBy(() -> GlossaryReader.read(open)).hasMessageContaining("open.csv: line 2: quote not closed");
        Path latin1 = tmp.resolve("l.tsv");
        Files.write(latin1, "ru\tpt\nx\tsegurança\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> GlossaryReader.read(latin1)).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> GlossaryReader.read(write("g.docx", "x"))).hasMessageContaining("unknown glossary format");
    }

    @Test
    void tbx2AndTbx3() throws Exception {
        Path tbx2 = write("g.tbx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <martif type="TBX" xml:lang="en">
                  <text><body>
                    <termEntry id="t1">
                      <descrip type="definition">Organização de trabalhadores</descrip>
                      <langSet xml:lang="ru"><tig><term>профсоюз</term></tig></langSet>
                      <langSet xml:lang="pt-BR"><tig><term>sindicato</term></tig><ntig><termGrp><term>sindicatos</term></termGrp></ntig></langSet>
                    </termEntry>
                    <termEntry id="t2">
                      <langSet xml:lang="ru"><tig><term>жара</term></tig></langSet>
                    </termEntry>
                    <termEntry id="t3">
                      <langSet xml:lang="ru"><tig><term>забастовка</term></tig></langSet>
                      <langSet xml:lang="en"><tig><term>strike</term></tig></langSet>
                      <langSet xml:lang="fr"><tig><term>grève</term></tig></langSet>
                    </termEntry>
                  </body></text>
                </martif>
                """);
        GlossaryReader.Result r = GlossaryReader.read(tbx2);
        assertThat(r.glossary().entries()).hasSize(2);
        assertThat(r.glossary().entries().get(0).terms("pt")).containsExactly("sindicato", "sindicatos");
        assertThat(r.glossary().entries().get(0).note()).isEqualTo("Organização de trabalhadores");
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("line 9").contains("fewer than two"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("'fr'"));

        Path tbx3 = write("g3.tbx", """
                <?xml version="1.0"?>
                <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
                  <text><body>
                    <conceptEntry id="c1">
                      <langSec xml:lang="en"><termSec><term>heat break</term></termSec></langSec>
                      <langSec xml:lang="ru"><termSec><term>тепловой перерыв</term></termSec></langSec>
                    </conceptEntry>
                  </body></text>
                </tbx>
                """);
        assertThat(GlossaryReader.read(tbx3).glossary().pairs("ru", "en"))
                .containsExactly(new Glossary.TermPair("тепловой перерыв", "heat break"));
    }

    @Test
    void badTbxNamesFileAndLine() throws Exception {
        Path broken = write("broken.tbx", "<martif>\n<text><body>\n<termEntry>\n</body></text></martif>\n");
        assertThatThrownBy(() -> GlossaryReader.read(broken)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("broken.tbx: not a well-formed TBX file (line 4)");
        Path other = write("other.xml", "<html><body/></html>");
        assertThatThrownBy(() -> GlossaryReader.read(other)).hasMessageContaining("other.xml: not a TBX file");
        Path entity = write("xxe.tbx", "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<martif><text><body><termEntry><langSet xml:lang=\"ru\"><tig><term>&x;</term></tig></langSet>"
                + "<langSet xml:lang=\"pt\"><tig><term>a</term></tig></langSet></termEntry></body></text></martif>");
        assertThatThrownBy(() -> GlossaryReader.read(entity)).isInstanceOf(DiptychException.class);
    }

    @Test
    void importIntoProjectMergesAndSurvivesReopen() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, "t", List.of("ru", "pt"))) {
            GlossaryStore.importFile(p, write("a.csv", "ru,pt\nпрофсоюз,sindicato\n"));
            GlossaryStore.importFile(p, write("b.tsv", "ru\tpt\nпрофсоюз\tsindicato\nжара\tcalor\n"));
        }
        try (Project p = Project.open(dir, false)) {
            assertThat(GlossaryStore.load(p).pairs("ru", "pt")).containsExactly(
                    new Glossary.TermPair("профсоюз", "sindicato"), new Glossary.TermPair("жара", "calor"));
        }
    }
}
