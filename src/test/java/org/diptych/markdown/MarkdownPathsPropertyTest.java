package org.diptych.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.diptych.formats.MarkdownReader;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;
import org.diptych.qa.QaRules;
import org.diptych.review.MarkupText;
import org.diptych.tm.MarkdownCodes;
import org.diptych.ui.InlineMarkdown;

/**
 * Generated markdown paragraphs (headings, list items, quotes; strong, emphasis, links with parentheses in
 * their addresses, code spans, escapes, entities, inline HTML, soft and hard line breaks, nested) read by
 * every path that reads markdown: the model itself, the importer, corrected text ({@link MarkupText}), the
 * TM's inline codes and the markdown written back from them, QA's counts and the desk's runs. The generator
 * knows what each paragraph means (its plain text, the markdown a TM segment gives back, how many bold spans
 * and links it has), and every path must agree with it.
 */
class MarkdownPathsPropertyTest {

    /** A piece of generated markdown: its markup, plain text, markdown written back from TM codes, counts. */
    record Md(String markup, String plain, String back, int strong, int links, boolean coded) {
        Md then(Md o) {
            return new Md(markup + o.markup, plain + o.plain, back + o.back, strong + o.strong, links + o.links,
                    coded || o.coded);
        }

        static Md text(String s) {
            return new Md(s, s, s, 0, 0, false);
        }
    }

    /** A block: its prefix (the block marker) and what continues a line inside it, or null if it is one line. */
    record Shape(String prefix, String continuation, BlockKind kind) {}

    static final List<String> WORDS = List.of("заявление", "профсоюз", "greve", "salário", "union", "strike",
            "2024", "x_y", "ação", "жильё", "rent");
    static final List<String> URLS = List.of("http://x.org/a_(b)", "https://union.example/ru/congress?a=1&b=2",
            "/pt/declaracoes/calor", "https://x.org/путь/(1)/итог");
    static final List<String[]> ENTITIES = List.of(new String[] {"&mdash;", "—"}, new String[] {"&laquo;", "«"},
            new String[] {"&#8470;", "№"}, new String[] {"&amp;", "&"}, new String[] {"&hellip;", "…"});

    static Arbitrary<Md> word() {
        return Arbitraries.of(WORDS).map(Md::text);
    }

    static Arbitrary<Md> atom() {
        Arbitrary<Md> code = word().map(w -> new Md("`" + w.markup() + "`", w.plain(), "`" + w.markup() + "`", 0, 0, true));
        Arbitrary<Md> escape = Combinators.combine(Arbitraries.of("*", "_", "[", "#", "`"), word())
                .as((c, w) -> new Md("\\" + c + w.markup(), c + w.plain(), "\\" + c + w.markup(), 0, 0, true));
        Arbitrary<Md> entity = Arbitraries.of(ENTITIES).map(e -> new Md(e[0], e[1], e[1], 0, 0, false));
        Arbitrary<Md> html = word().map(w -> new Md("<sup>" + w.markup() + "</sup>", w.plain(),
                "<sup>" + w.markup() + "</sup>", 0, 0, true));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, word()), net.jqwik.api.Tuple.of(1, code), net.jqwik.api.Tuple.of(1, escape),
                net.jqwik.api.Tuple.of(1, entity), net.jqwik.api.Tuple.of(1, html));
    }

    /** What separates two pieces: a space, or (in a block of several lines) a soft or hard line break. */
    static Arbitrary<Md> separator(String continuation) {
        Md space = Md.text(" ");
        if (continuation == null) return Arbitraries.just(space);
        Md soft = new Md("\n" + continuation, " ", " ", 0, 0, false);
        Md hard = new Md("  \n" + continuation, "\n", "  \n", 0, 0, true);
        Md backslash = new Md("\\\n" + continuation, "\n", "\\\n", 0, 0, true);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(space)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(soft)), net.jqwik.api.Tuple.of(1, Arbitraries.just(hard)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(backslash)));
    }

    /**
     * Inline content that starts and ends with a word (so that delimiters around it open and close), with
     * nested strong, emphasis and links down to {@code depth}; a construct never nests in itself.
     */
    static Arbitrary<Md> content(int depth, String continuation, boolean inStrong, boolean inEmph, boolean inLink) {
        Arbitrary<Md> element = depth == 0 ? atom() : Arbitraries.lazy(() -> {
            List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Md>>> choices = new java.util.ArrayList<>();
            choices.add(net.jqwik.api.Tuple.of(4, atom()));
            if (!inStrong) {
                choices.add(net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("**", "__"),
                        content(depth - 1, continuation, true, inEmph, inLink)).as((d, c) ->
                        new Md(d + c.markup() + d, c.plain(), d + c.back() + d, c.strong() + 1, c.links(), true))));
            }
            if (!inEmph) {
                choices.add(net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("*", "_"),
                        content(depth - 1, continuation, inStrong, true, inLink)).as((d, c) ->
                        new Md(d + c.markup() + d, c.plain(), d + c.back() + d, c.strong(), c.links(), true))));
            }
            if (!inLink) {
                choices.add(net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(URLS),
                        content(depth - 1, continuation, inStrong, inEmph, true)).as((u, c) ->
                        new Md("[" + c.markup() + "](" + u + ")", c.plain(), "[" + c.back() + "](" + u + ")",
                                c.strong(), c.links() + 1, true))));
            }
            return Arbitraries.frequencyOf(choices.toArray(new net.jqwik.api.Tuple.Tuple2[0]));
        });
        Arbitrary<List<Md>> middle = Combinators.combine(separator(continuation), element).as(Md::then).list().ofMaxSize(4);
        return Combinators.combine(word(), middle, separator(continuation), word()).as((first, mid, sep, last) -> {
            Md m = first;
            for (Md x : mid) m = m.then(x);
            return m.then(sep).then(last);
        });
    }

    @Provide
    Arbitrary<Object[]> paragraphs() {
        Arbitrary<Shape> shapes = Arbitraries.of(new Shape("", "", BlockKind.PARAGRAPH),
                new Shape("### ", null, BlockKind.HEADING), new Shape("- ", "  ", BlockKind.LIST_ITEM),
                new Shape("1. ", "   ", BlockKind.LIST_ITEM), new Shape("> ", "> ", BlockKind.QUOTE));
        return shapes.flatMap(s -> content(2, s.continuation(), false, false, false).map(c -> new Object[] {s, c}));
    }

    /** Any string over markdown's characters: the model covers it exactly and never fails. */
    @Property(tries = 100)
    void anyMarkupIsCoveredByItsTokens(@ForAll("noise") String markup) {
        Markdown.Block b = Markdown.block(markup);
        assertThat(b.markup()).isEqualTo(markup);
        int at = b.prefix().length();
        for (Markdown.Token t : b.tokens()) {
            assertThat(t.start()).isEqualTo(at);
            assertThat(markup.substring(t.start(), t.end())).isEqualTo(t.source());
            at = t.end();
        }
        assertThat(Markdown.plainText(markup)).doesNotContain("\n\n");
        assertThat(Markdown.spans(markup)).allSatisfy(s -> assertThat(s.end()).isBetween(s.start(), markup.length()));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("*_`[]()<>&#!\\~-+=>.:|1 \naб;x/\"'").ofMaxLength(60);
    }

    @Property(tries = 30)
    void everyPathReadsTheSameMarkdown(@ForAll("paragraphs") Object[] sample) {
        Shape shape = (Shape) sample[0];
        Md c = (Md) sample[1];
        String markup = shape.prefix() + c.markup();
        String plain = Markdown.normalize(c.plain());

        // the model: tokens cover the markup, the plain text is what was meant, the spans are counted right
        Markdown.Block block = Markdown.block(markup);
        assertThat(block.markup()).isEqualTo(markup);
        assertThat(block.prefix()).isEqualTo(shape.prefix());
        assertThat(block.kind()).isEqualTo(shape.kind());
        assertThat(block.plain()).isEqualTo(plain);
        List<Markdown.Span> spans = Markdown.spans(markup);
        assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.STRONG).count()).isEqualTo(c.strong());
        assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.LINK).count()).isEqualTo(c.links());

        // import: one paragraph, its markup as written, its text the same plain text
        List<Paragraph> read = MarkdownReader.read(markup, "generated.md", 1).paragraphs();
        assertThat(read).hasSize(1);
        Paragraph p = read.get(0);
        assertThat(p.markup()).isEqualTo(markup);
        assertThat(p.kind()).isEqualTo(shape.kind());
        assertThat(p.text()).isEqualTo(plain);
        // a corrected row's text (line breaks as spaces)
        assertThat(MarkupText.plain(markup)).isEqualTo(plain.replace('\n', ' '));

        // the TM: the plain text between the codes, and the markdown written back from them
        MarkdownCodes.Coded coded = MarkdownCodes.encode(p);
        assertThat(coded.text()).isEqualTo(plain);
        assertThat(coded.hasCodes()).isEqualTo(c.coded());
        assertThat(coded.markdown()).isEqualTo(c.back());
        assertThat(Markdown.plainText(coded.markdown())).isEqualTo(plain);

        // QA counts what renders
        QaRules.Texts same = new QaRules.Texts(markup, p.text(), markup, p.text());
        assertThat(QaRules.bold(same)).isEmpty();
        assertThat(QaRules.links(same)).isEmpty();
        QaRules.Texts bare = new QaRules.Texts(markup, p.text(), p.text(), p.text());
        assertThat(QaRules.bold(bare)).hasSize(c.strong() > 0 ? 1 : 0);
        assertThat(QaRules.links(bare)).hasSize(c.links() > 0 ? 1 : 0);

        // the desk: its runs read as the plain text; bold runs only where there is bold (or a heading)
        InlineMarkdown.Block shown = InlineMarkdown.block(p, true);
        String desk = shown.spans().stream().map(InlineMarkdown.Span::text).collect(Collectors.joining());
        assertThat(Markdown.normalize(desk)).isEqualTo(plain);
        boolean anyBold = shown.spans().stream().anyMatch(InlineMarkdown.Span::bold);
        assertThat(anyBold).isEqualTo(c.strong() > 0 || shape.kind() == BlockKind.HEADING);
    }
}
