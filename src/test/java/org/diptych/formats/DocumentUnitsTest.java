package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

import org.diptych.formats.DocxMarkup.Span;
import org.junit.jupiter.api.Test;

/** The unit rule and the two markup conventions shared by import and export. */
class DocumentUnitsTest {
    static final String PAGE = """
            <html lang="ru"><head><title>Заявление &amp; обращение</title>
            <meta name="description" content="Краткое описание"></head>
            <body>
            <h2 title="Подсказка">О фонде</h2>
            <p>Смотрите <img src="a.png?w=1&amp;h=2" alt='Фото "митинга" & плакат'> и <a href="x.html" title="Ссылка">отчёт</a>.</p>
            <p>&nbsp;</p>
            <p><img src="only.png" alt="Картинка без текста"></p>
            <p>Символы &lt;b&gt; и &amp;copy; остаются текстом.<!-- заметка --></p>
            </body></html>
            """;

    private static DocumentUnits.Content read(String html) {
        return DocumentUnits.read(Format.HTML, html.getBytes(StandardCharsets.UTF_8), "UTF-8", "page.html");
    }

    @Test
    void htmlUnitsAreTheBodyTextsTheTitleApartAttributesInsideTheMarkup() {
        DocumentUnits.Content c = read(PAGE);
        assertThat(c.title()).isEqualTo("Заявление & обращение");
        assertThat(c.paragraphs()).extracting(DocumentUnits.Unit::text)
                .containsExactly("О фонде", "Смотрите  и отчёт.", "Символы <b> и &copy; остаются текстом.");
        assertThat(c.paragraphs()).extracting(DocumentUnits.Unit::index).containsExactly(0, 1, 2);
        assertThat(c.paragraphs().get(1).markup()).isEqualTo("Смотрите <img src=\"a.png?w=1&amp;h=2\" alt='Фото &quot;митинга&quot; &amp; плакат'>"
                + " и <a href=\"x.html\" title=\"Ссылка\">отчёт</a>.");
        assertThat(c.paragraphs().get(2).markup()).isEqualTo("Символы &lt;b&gt; и &amp;copy; остаются текстом.<!-- заметка -->");
        // and the importer sees exactly these paragraphs
        HtmlReader.Result r = HtmlReader.read(PAGE, "page.html");
        assertThat(r.title()).isEqualTo(c.title());
        assertThat(r.paragraphs()).extracting(p -> p.markup()).containsExactlyElementsOf(
                c.paragraphs().stream().map(DocumentUnits.Unit::markup).toList());
    }

    @Test
    void htmlMarkupWrittenBackGivesTheSameUnits() {
        DocumentUnits.Content c = read(PAGE);
        // rewrite every paragraph with its own markup slightly changed, then read again
        DocumentUnits.Merged m = DocumentUnits.merge(Format.HTML, PAGE.getBytes(StandardCharsets.UTF_8), "UTF-8", "page.html",
                "ru", "ru", i -> c.paragraphs().get(i).markup() + " ", "Новый заголовок");
        DocumentUnits.Content again = DocumentUnits.read(Format.HTML, m.bytes(), "UTF-8", "out.html");
        assertThat(again.title()).isEqualTo("Новый заголовок");
        assertThat(again.paragraphs()).extracting(DocumentUnits.Unit::markup)
                .containsExactlyElementsOf(c.paragraphs().stream().map(DocumentUnits.Unit::markup).toList());
        assertThat(m.formattingLost()).isFalse();
        assertThat(new String(m.bytes(), StandardCharsets.UTF_8)).contains("content=\"Краткое описание\"").contains("title=\"Подсказка\"");
    }

    @Test
    void htmlAttributeTextsOutsideParagraphsAreCountedAsKept() {
        DocumentUnits.Merged m = DocumentUnits.merge(Format.HTML, PAGE.getBytes(StandardCharsets.UTF_8), "UTF-8", "page.html",
                "ru", "en", i -> "Text " + i, null);
        // meta description, the h2's title attribute, the lone image's alt; the attributes inside paragraph 2
        // were replaced with it
        assertThat(m.textsKept()).isEqualTo(3);
        assertThat(m.formattingLost()).isTrue();
        assertThat(new String(m.bytes(), StandardCharsets.UTF_8)).contains("<title>Заявление &amp; обращение</title>")
                .contains("<p>Text 1</p>").doesNotContain("Ссылка");
    }

    // ------------------------------------------------------------------------------------------ DOCX markup

    private static TextFragment runs() {
        // as Okapi gives "Мы <b>требуем</b> открыть <i>фонд<b+i>сразу</b+i></i>\tпосле\nстрока" with run codes
        TextFragment tf = new TextFragment("Мы ");
        tf.append(TagType.OPENING, "x-bold;", "<run1>");
        tf.append("требуем");
        tf.append(TagType.CLOSING, "x-bold;", "</run1>");
        tf.append(" открыть ");
        tf.append(TagType.OPENING, "x-italic;", "<run2>");
        tf.append("фонд ");
        tf.append(TagType.OPENING, "x-bold;italic;", "<run3>");
        tf.append("сразу");
        tf.append(TagType.CLOSING, "x-bold;italic;", "</run3>");
        tf.append(TagType.CLOSING, "x-italic;", "</run2>");
        tf.append("\tпосле\nстрока 2*3");
        tf.balanceMarkers();
        return tf;
    }

    @Test
    void docxEmphasisBecomesMarkdownTogglesThatTouchText() {
        assertThat(DocxMarkup.markup(runs())).isEqualTo("Мы **требуем** открыть *фонд **сразу***\tпосле\nстрока 2\\*3");
        assertThat(DocxMarkup.parse("Мы **требуем** открыть *фонд **сразу***\tпосле\nстрока 2\\*3")).containsExactly(
                new Span("Мы ", 0), new Span("требуем", DocxMarkup.BOLD), new Span(" открыть ", 0),
                new Span("фонд ", DocxMarkup.ITALIC), new Span("сразу", DocxMarkup.BOLD | DocxMarkup.ITALIC),
                new Span("\tпосле\nстрока 2*3", 0));
    }

    @Test
    void docxStarsThatOpenNothingAreText() {
        assertThat(DocxMarkup.parse("2 * 3 = 6")).containsExactly(new Span("2 * 3 = 6", 0));
        assertThat(DocxMarkup.parse("**не закрыто")).containsExactly(new Span("**не закрыто", 0));
        assertThat(DocxMarkup.parse("сноска*")).containsExactly(new Span("сноска*", 0));
        assertThat(DocxMarkup.parse("C:\\папка \\\\ \\*")).containsExactly(new Span("C:\\папка \\ *", 0));
        assertThat(DocxMarkup.parse("***оба** курсив*")).containsExactly(
                new Span("оба", DocxMarkup.BOLD | DocxMarkup.ITALIC), new Span(" курсив", DocxMarkup.ITALIC));
    }

    @Test
    void docxSpansTakeTheRunsOfTheirEmphasisInOrder() {
        TextFragment src = runs();
        DocumentUnits.Converted c = DocxMarkup.fragment("*fund **now***, we **demand** and **again** then", src);
        assertThat(c.fragment().getText()).isEqualTo("fund now, we demand and again then");
        // run2 (italic), run3 (bold+italic), run1 (bold) twice
        assertThat(c.fragment().getCodes()).extracting(code -> code.getId() + code.getData())
                .containsExactly("2<run2>", "2</run2>", "3<run3>", "3</run3>", "1<run1>", "1</run1>", "1<run1>", "1</run1>");
        assertThat(c.formattingLost()).isFalse();
        assertThat(DocxMarkup.fragment("no emphasis at all", src).formattingLost()).isTrue();
        assertThat(DocxMarkup.fragment("*fund **now***, we **demand** with _underline_", src).formattingLost()).isFalse();
    }

    @Test
    void docxMarkupRoundTripsThroughTheParser() {
        for (String m : List.of("plain", "**b** and *i* and ***bi***", "a *b **c*** d", "x \\* y \\\\ z", "*a*\n**b**\tc")) {
            List<Span> spans = DocxMarkup.parse(m);
            TextFragment tf = new TextFragment();
            int id = 1;
            for (Span s : spans) {
                if (s.emphasis() == 0) {
                    tf.append(s.text());
                    continue;
                }
                String type = "x-" + ((s.emphasis() & DocxMarkup.BOLD) != 0 ? "bold;" : "") + ((s.emphasis() & DocxMarkup.ITALIC) != 0 ? "italic;" : "");
                tf.append(TagType.OPENING, type, "<run" + id + ">");
                tf.append(s.text());
                tf.append(TagType.CLOSING, type, "</run" + id++ + ">");
            }
            tf.balanceMarkers();
            assertThat(DocxMarkup.markup(tf)).as(m).isEqualTo(m);
        }
    }
}
