package org.diptych.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.diptych.formats.EncodingDetector;

/**
 * TEST ONLY: thirty markdown posts written for the fidelity tests, each unusual in the way real posts are
 * (line ends, byte order marks, encodings, blank and white-space lines, headings without a blank line, loose
 * lists, quotes with {@code >} blank lines, code, tables, HTML, hard breaks, reference links, TOML front
 * matter…). Each names one paragraph to edit (its markup, lines joined with {@code \n}) and the markup it is
 * edited into; the expected export is the original with only that paragraph's text changed.
 */
final class UnusualPosts {
    private UnusualPosts() {}

    /**
     * One post.
     *
     * @param name    a slug, also the statement id's tail
     * @param lang    its language
     * @param text    its text as written in the file (line ends included), without the byte order mark
     * @param charset the encoding of the file
     * @param bom     whether the file starts with a byte order mark
     * @param edit    the markup of the paragraph to edit, lines joined with {@code \n}
     * @param edited  what it becomes, lines joined with {@code \n}
     * @param eol     the line end the edited paragraph is written with in the file
     */
    record Post(String name, String lang, String text, Charset charset, boolean bom, String edit, String edited, String eol) {
        byte[] bytes() {
            return encode(text);
        }

        /** The file as it must be exported after the edit: only the edited paragraph differs. */
        byte[] expectedAfterEdit() {
            String from = edit.replace("\n", eol), to = edited.replace("\n", eol);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new IllegalStateException(name + ": the edited paragraph must occur once");
            return encode(text.substring(0, at) + to + text.substring(at + from.length()));
        }

        private byte[] encode(String s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) {
                if (charset.equals(StandardCharsets.UTF_8)) out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                else if (charset.equals(StandardCharsets.UTF_16LE)) out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
                else throw new IllegalStateException(name + ": no BOM for " + charset);
            }
            out.writeBytes(s.getBytes(charset));
            return out.toByteArray();
        }

        String id() {
            return "2024-05-01-" + name;
        }
    }

    static final Charset CP1251 = EncodingDetector.WINDOWS_1251;

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    private static Post utf8(String name, String lang, String text, String edit, String edited) {
        return new Post(name, lang, text, StandardCharsets.UTF_8, false, edit, edited, "\n");
    }

    private static final String FM_RU = "---\nlayout: post\ntitle: \"Заявление совета\"\ntags:\n- профсоюз\n- забастовка\n---\n";
    private static final String FM_EN = "---\nlayout: post\ntitle: Council statement\ntags: [union, strike]\n---\n";
    private static final String FM_PT = "---\nlayout: post\ntitle: \"Declaração do conselho\"\n---\n";

    static List<Post> all() {
        List<Post> p = new ArrayList<>();
        p.add(new Post("crlf", "en", crlf(FM_EN + """

                ## What happened

                The council met on Friday and voted
                to support the strike without conditions.

                - Reinstate the dismissed.
                - Pay the overtime.

                Signed by the council.
                """), StandardCharsets.UTF_8, false,
                "The council met on Friday and voted\nto support the strike without conditions.",
                "The council met on Saturday and voted\nto back the strike without any conditions.", "\r\n"));
        p.add(new Post("mixed-eol", "en", "---\r\nlayout: post\r\ntitle: Mixed\r\n---\r\n\r\n# Mixed line ends\n\n"
                + "First paragraph, written on Windows.\r\n\r\nSecond paragraph, to be edited.\n\nThird, from a Mac editor.\r\n",
                StandardCharsets.UTF_8, false, "Second paragraph, to be edited.", "Second paragraph, edited now.", "\n"));
        p.add(new Post("bom", "pt", FM_PT + """

                Os trabalhadores decidiram continuar a greve.

                A assembleia volta a reunir-se na segunda-feira.
                """, StandardCharsets.UTF_8, true,
                "Os trabalhadores decidiram continuar a greve.", "As trabalhadoras decidiram continuar a greve.", "\n"));
        p.add(new Post("bom-crlf", "ru", crlf(FM_RU + """

                Совет собрался в пятницу.

                > Солидарность — это касса.

                Подписали члены совета.
                """), StandardCharsets.UTF_8, true, "Совет собрался в пятницу.", "Совет собрался в субботу.", "\r\n"));
        p.add(utf8("no-final-newline", "en", FM_EN + "\nOne paragraph here.\n\nThe last paragraph has no newline.",
                "One paragraph here.", "One edited paragraph here."));
        p.add(utf8("no-final-newline-edit-last", "en", FM_EN + "\nOne paragraph here.\n\nThe last paragraph has no newline.",
                "The last paragraph has no newline.", "The last paragraph, edited, still has none."));
        p.add(utf8("three-final-newlines", "pt", FM_PT + "\nPrimeiro parágrafo.\n\nÚltimo parágrafo.\n\n\n",
                "Último parágrafo.", "Último parágrafo, corrigido."));
        p.add(utf8("trailing-spaces", "en", FM_EN + "\n## Heading with spaces   \n\nA paragraph whose line ends in spaces  \n"
                + "and a hard break before this line.   \n\nEdit this one.  \n\nAnd a tab after this\t\n",
                "Edit this one.", "This one was edited."));
        p.add(utf8("extra-blank-lines", "ru", FM_RU + "\n\n\nПервый абзац.\n\n\n\nВторой абзац, правим его.\n\n\n\n\nТретий абзац.\n",
                "Второй абзац, правим его.", "Второй абзац, исправлен."));
        p.add(utf8("whitespace-lines", "en", FM_EN + "\nFirst paragraph.\n   \nSecond paragraph, edit me.\n\t\n  \t \nThird paragraph.\n",
                "Second paragraph, edit me.", "Second paragraph, edited."));
        p.add(utf8("heading-no-blank", "pt", FM_PT + "\n## O que aconteceu\nOs estivadores pararam o porto.\n### Porquê\nPorque não recebem há três meses.\n",
                "Os estivadores pararam o porto.", "As estivadoras pararam o porto inteiro."));
        p.add(utf8("loose-list", "en", FM_EN + "\nOur demands:\n\n- Reinstate the dismissed.\n\n- Pay the overtime.\n\n- Publish the accounts.\n\nThat is all.\n",
                "- Pay the overtime.", "- Pay all the overtime."));
        p.add(utf8("loose-list-edit-around", "ru", FM_RU + "\nТребования:\n\n- Вернуть уволенных.\n\n- Оплатить переработку.\n\nВот и всё.\n",
                "Требования:", "Наши требования:"));
        p.add(utf8("quote-blank-line", "en", FM_EN + "\n> The first paragraph of the quote.\n>\n> Its second paragraph.\n\nAfter the quote, edit me.\n",
                "After the quote, edit me.", "After the quote, edited."));
        p.add(utf8("quote-edit-inside", "pt", FM_PT + "\n> Primeiro parágrafo da citação.\n>\n> Segundo parágrafo\n> em duas linhas.\n\nFim.\n",
                "> Segundo parágrafo\n> em duas linhas.", "> Segundo parágrafo,\n> corrigido, em duas linhas."));
        p.add(new Post("cp1251", "ru", FM_RU + """

                Совет профсоюза принял решение.

                Взносы — один процент от зарплаты.
                """, CP1251, false, "Взносы — один процент от зарплаты.", "Взносы — два процента от зарплаты.", "\n"));
        p.add(new Post("cp1251-crlf", "ru", crlf(FM_RU + """

                ## Что случилось

                Докеры объявили забастовку
                в восемь утра.

                Подробности позже.
                """), CP1251, false, "Докеры объявили забастовку\nв восемь утра.",
                "Докеры объявили бессрочную забастовку\nв восемь утра.", "\r\n"));
        p.add(utf8("toml", "pt", "+++\ntitle = \"Greve no porto\"\nweight = 1_000\ntags = [\"greve\", \"porto\"]\n+++\n\nA greve começou às oito.\n\nContinua amanhã.\n",
                "A greve começou às oito.", "A greve começou às sete."));
        p.add(utf8("no-front-matter", "en", "# A post without front matter\n\nIt starts with a heading.\n\nAnd ends here.\n",
                "It starts with a heading.", "It starts with a level-one heading."));
        p.add(utf8("setext", "ru", FM_RU + "\nЗаголовок\n=========\n\nПодзаголовок\n------------\n\nТекст под ним.\n",
                "Текст под ним.", "Исправленный текст под ним."));
        p.add(utf8("fenced-code", "en", FM_EN + "\nRun this:\n\n```sh\ncurl -s x   \n\n\ncat y\n```\n\nThen this paragraph, edit me.\n",
                "Then this paragraph, edit me.", "Then this paragraph, edited."));
        p.add(utf8("table", "pt", FM_PT + "\n| Mês | Horas |\n|-----|------:|\n| maio | 40 |\n\n***\n\nTexto &mdash; com entidade.\n\n___\n",
                "Texto &mdash; com entidade.", "Texto &mdash; com entidade, corrigido."));
        p.add(utf8("html-block", "en", FM_EN + "\n<div class=\"note\">\n  <p>Raw HTML stays.</p>\n</div>\n\n<!-- a comment -->\n\nEdit me after the HTML.\n",
                "Edit me after the HTML.", "Edited after the HTML."));
        p.add(utf8("hard-breaks", "ru", FM_RU + "\nИ. Петрова,  \nА. Сидоров,\\\nМ. Кузнецова.\n\nПравим этот абзац.\n",
                "Правим этот абзац.", "Этот абзац исправлен."));
        p.add(utf8("nested-lists", "en", FM_EN + "\n7. Seventh point\n    - a nested item\n    - another one\n8. Eighth point\n\nClosing words to edit.\n",
                "    - another one", "    - another one, edited"));
        p.add(utf8("reference-links", "pt", FM_PT + "\nVeja o [comunicado][c] e o [site].\n\n[c]: https://example.org/c  \"Comunicado\"\n[site]: https://example.org/\n\nCorrigir este.\n",
                "Corrigir este.", "Este foi corrigido."));
        p.add(utf8("tabs", "en", FM_EN + "\n-\tA tab after the marker.\n-\tAnother item.\n\n\tAn indented code block.\n\nEdit here.\n",
                "-\tAnother item.", "-\tAnother item, edited."));
        p.add(utf8("no-blank-after-front-matter", "ru", FM_RU + "Абзац сразу после шапки.\n\nВторой абзац.\n",
                "Второй абзац.", "Второй абзац, исправленный."));
        p.add(new Post("utf16le", "en", FM_EN + "\nA post saved as UTF-16 by an old editor.\n\nEdit me please.\n",
                StandardCharsets.UTF_16LE, true, "Edit me please.", "Edited, thank you.", "\n"));
        p.add(new Post("cr-only", "en", "---\rlayout: post\rtitle: Old Mac\r---\r\rA file with CR line ends.\r\rEdit this line.\r",
                StandardCharsets.UTF_8, false, "Edit this line.", "This line was edited.", "\r"));
        return p;
    }
}
