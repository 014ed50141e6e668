package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diptych.model.FrontMatter;
import org.junit.jupiter.api.Test;

class FrontMatterKeysTest {
    static Map<String, String> keys(String lang, String ref) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lang", lang);
        m.put("ref", ref);
        return m;
    }

    @Test
    void yamlKeysAreAddedBeforeTheClosingLineAndEveryOtherLineIsKept() {
        String raw = "---\nlayout: post\ntitle: \"Заявление &quot;РКИТ&quot;\"  # заголовок\ntags:\n  - профсоюзы\n---";
        FrontMatter fm = new FrontMatter(FrontMatter.Style.YAML, raw, Map.of("layout", "post"));
        FrontMatter out = FrontMatterKeys.set(fm, keys("ru", "2018-01-15-rcit"));
        assertThat(out.raw()).isEqualTo(raw.replace("\n---", "").replace("---\nlayout", "---\nlayout")
                + "\nlang: ru\nref: 2018-01-15-rcit\n---");
        assertThat(out.fields()).containsEntry("lang", "ru").containsEntry("ref", "2018-01-15-rcit");
        // applying it again changes nothing
        assertThat(FrontMatterKeys.set(out, keys("ru", "2018-01-15-rcit")).raw()).isEqualTo(out.raw());
    }

    @Test
    void existingKeysAreKeptWhenEqualAndReplacedWhenNot() {
        String raw = "---\nlang: 'en'   # language\nref:\n  - old\n  - older\ntitle: x\n---";
        FrontMatter fm = new FrontMatter(FrontMatter.Style.YAML, raw, Map.of());
        assertThat(FrontMatterKeys.set(fm, keys("en", "2018-01-15")).raw())
                .isEqualTo("---\nlang: 'en'   # language\nref: \"2018-01-15\"\ntitle: x\n---");
    }

    @Test
    void tomlKeysGoBeforeTheFirstTable() {
        String raw = "+++\ntitle = \"Statement\"\n[params]\nauthor = \"Editors\"\n+++";
        FrontMatter fm = new FrontMatter(FrontMatter.Style.TOML, raw, Map.of());
        assertThat(FrontMatterKeys.set(fm, keys("pt-BR", "rcit")).raw())
                .isEqualTo("+++\ntitle = \"Statement\"\nlang = \"pt-BR\"\nref = \"rcit\"\n[params]\nauthor = \"Editors\"\n+++");
    }

    @Test
    void aPostWithoutFrontMatterGetsOne() {
        assertThat(FrontMatterKeys.set(FrontMatter.NONE, keys("en", "rcit")).raw()).isEqualTo("---\nlang: en\nref: rcit\n---");
    }

    @Test
    void aQuotedKeyIsEditedInPlaceNotAddedTwice() {
        // the old line editor only knew `key:` at the start of a line and added a second "title", which YAML refuses
        FrontMatter fm = org.diptych.formats.FrontMatterParser.split("---\n\"title\": Old\nlayout: post\n---\nText\n", "p.md")
                .frontMatter();
        FrontMatter out = FrontMatterKeys.set(fm, "title", "New");
        assertThat(out.raw()).isEqualTo("---\n\"title\": New\nlayout: post\n---");
        assertThat(out.title()).isEqualTo("New");
    }
}
