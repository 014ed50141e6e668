package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;
import org.diptych.translate.FrontMatterEdit;
import org.junit.jupiter.api.Test;

/**
 * Lists and lists of maps edited in front matter: written back in the block's own style (a block list keeps its
 * dash and indent, a flow list stays flow), the items that stay keep their text (quotes, comments), the rest of
 * the block byte for byte; the result reads back as the intended value.
 */
class FrontMatterListEditTest {
    static final String YAML = """
            ---
            title: "Забастовка докеров"
            tags:
              - новости
              - 'забастовка'   # в кавычках
              - профсоюз
            categories: [заявления, порт]
            signatories:
            - name: И. Петрова
              organisation: Совет профсоюза
            - name: "А. Сидоров"
              organisation: Докеры порта
            date: 2024-07-19
            ---""";

    static FrontMatter fm() {
        return FrontMatterParser.split(YAML + "\n\nТекст.\n", "post.md").frontMatter();
    }

    static Map<String, Object> person(String name, String org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("organisation", org);
        return m;
    }

    @Test
    void anItemAddedToABlockListGoesOnANewLineWithTheListsDashAndIndent() {
        FrontMatter fm = fm();
        FrontMatter next = fm.withValue("tags", FrontMatterEdit.add(fm, "tags", "порт"));
        assertThat(next.raw()).isEqualTo(YAML.replace("  - профсоюз\n", "  - профсоюз\n  - порт\n"));
        assertThat(next.value("tags")).isEqualTo(List.of("новости", "забастовка", "профсоюз", "порт"));
    }

    @Test
    void anItemRemovedFromABlockListTakesItsLineOnlyAndTheOthersKeepTheirQuotesAndComments() {
        FrontMatter fm = fm();
        FrontMatter next = fm.withValue("tags", FrontMatterEdit.remove(fm, FrontMatterEdit.Path.parse("tags"), "новости"));
        assertThat(next.raw()).isEqualTo(YAML.replace("  - новости\n", ""));
        FrontMatter last = fm.withValue("tags", FrontMatterEdit.remove(fm, FrontMatterEdit.Path.parse("tags[3]"), null));
        assertThat(last.raw()).isEqualTo(YAML.replace("\n  - профсоюз", ""));
        assertThat(last.value("tags")).isEqualTo(List.of("новости", "забастовка"));
    }

    @Test
    void aFlowListStaysFlow() {
        FrontMatter fm = fm();
        FrontMatter next = fm.withValue("categories", FrontMatterEdit.add(fm, "categories", "стачка, порт"));
        assertThat(next.raw()).isEqualTo(YAML.replace("[заявления, порт]", "[заявления, порт, \"стачка, порт\"]"));
        FrontMatter changed = fm.withValue("categories", FrontMatterEdit.set(fm, FrontMatterEdit.Path.parse("categories[1]"), "новости"));
        assertThat(changed.raw()).isEqualTo(YAML.replace("[заявления, порт]", "[новости, порт]"));
    }

    @Test
    void aFieldOfAListOfMapsChangesThatItemOnlyAndANewMapIsWrittenAsItsNeighbours() {
        FrontMatter fm = fm();
        FrontMatter renamed = fm.withValue("signatories",
                FrontMatterEdit.set(fm, FrontMatterEdit.Path.parse("signatories[2].organisation"), "Докеры: порт"));
        // the changed item is written again (its quotes are not kept), the others and the rest of the block stay
        assertThat(renamed.raw()).isEqualTo(YAML.replace("- name: \"А. Сидоров\"\n  organisation: Докеры порта",
                "- name: А. Сидоров\n  organisation: \"Докеры: порт\""));
        assertThat(renamed.value("signatories")).isEqualTo(List.of(person("И. Петрова", "Совет профсоюза"),
                person("А. Сидоров", "Докеры: порт")));

        FrontMatter added = fm.withValue("signatories", FrontMatterEdit.add(fm, "signatories",
                FrontMatterEdit.item("{name: М. Кузнецова, organisation: Швейная фабрика}")));
        assertThat(added.raw()).isEqualTo(YAML.replace("  organisation: Докеры порта\n",
                "  organisation: Докеры порта\n- name: М. Кузнецова\n  organisation: Швейная фабрика\n"));
        assertThat(added.list("signatories")).hasSize(3).last().isEqualTo(person("М. Кузнецова", "Швейная фабрика"));
    }

    @Test
    void aListOfMapsInFlowStyleStaysFlowAndTomlArraysTakeInlineTables() {
        String yaml = "---\nsignatories: [{name: A, org: B}]\n---";
        FrontMatter fm = FrontMatterParser.split(yaml + "\n", "p.md").frontMatter();
        FrontMatter next = fm.withValue("signatories", FrontMatterEdit.add(fm, "signatories", FrontMatterEdit.item("{name: C, org: D}")));
        assertThat(next.raw()).isEqualTo("---\nsignatories: [{name: A, org: B}, {name: C, org: D}]\n---");

        String toml = "+++\ntitle = \"Greve\"\nsignatories = [{ name = \"A\" }]\ntags = [\"a\"]\n+++";
        FrontMatter t = FrontMatterParser.split(toml + "\n", "p.md").frontMatter();
        FrontMatter tn = t.withValue("signatories", FrontMatterEdit.add(t, "signatories", Map.of("name", "B")));
        assertThat(tn.raw()).isEqualTo("+++\ntitle = \"Greve\"\nsignatories = [{ name = \"A\" }, { name = \"B\" }]\ntags = [\"a\"]\n+++");
        assertThat(tn.list("signatories")).containsExactly(Map.of("name", "A"), Map.of("name", "B"));
    }

    @Test
    void aTomlArrayOfTablesIsRefusedInOneLineRatherThanWrittenTwice() {
        String toml = "+++\ntitle = \"Greve\"\n[[signatories]]\nname = \"A\"\n+++";
        FrontMatter t = FrontMatterParser.split(toml + "\n", "p.md").frontMatter();
        assertThatThrownBy(() -> t.withValue("signatories", FrontMatterEdit.add(t, "signatories", Map.of("name", "B"))))
                .isInstanceOf(DiptychException.class).hasMessageContaining("'signatories' is a TOML table");
    }

    @Test
    void editsOfWhatIsNotAListSayWhatItIs() {
        FrontMatter fm = fm();
        assertThatThrownBy(() -> FrontMatterEdit.add(fm, "title", "x")).hasMessageContaining("'title' is a single value, not a list");
        assertThatThrownBy(() -> FrontMatterEdit.set(fm, FrontMatterEdit.Path.parse("tags[9]"), "x")).hasMessageContaining("has 3 item(s), no item 9");
        assertThatThrownBy(() -> FrontMatterEdit.set(fm, FrontMatterEdit.Path.parse("tags[1].name"), "x")).hasMessageContaining("is a value, not a map");
        assertThatThrownBy(() -> FrontMatterEdit.remove(fm, FrontMatterEdit.Path.parse("tags"), "нет")).hasMessageContaining("has no item 'нет'");
        assertThatThrownBy(() -> FrontMatterEdit.Path.parse("tags[0]")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FrontMatterEdit.Path.parse("signatories[2].name")).isEqualTo(new FrontMatterEdit.Path("signatories", 1, "name"));
    }
}
