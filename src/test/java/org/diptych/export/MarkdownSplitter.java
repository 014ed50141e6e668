package org.diptych.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * TEST ONLY: stands in for the markdown importer (another branch) by following its contract: one paragraph
 * per block with the block's exact source as markup, one paragraph per list item, the raw front matter with
 * its delimiters and without the trailing newline, fields as simple {@code key: value} pairs (quotes removed,
 * {@code [a, b]} as a list, entities left as written). Handles only the simple posts written for the tests.
 */
final class MarkdownSplitter {
    private MarkdownSplitter() {}

    private static final Pattern ITEM = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+.*");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    static DocumentVersion split(String lang, String fileName, String md) {
        String rest = md;
        FrontMatter fm = FrontMatter.NONE;
        if (md.startsWith("---\n")) {
            int end = md.indexOf("\n---", 4);
            String raw = md.substring(0, end + 4);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String line : raw.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.startsWith(" ")) continue;
                fields.put(line.substring(0, colon).trim(), value(line.substring(colon + 1).trim()));
            }
            fm = new FrontMatter(FrontMatter.Style.YAML, raw, fields);
            rest = md.substring(end + 4);
        }
        List<Paragraph> ps = new ArrayList<>();
        for (String block : rest.strip().split("\n\\s*\n")) {
            if (block.isBlank()) continue;
            String[] lines = block.split("\n");
            if (ITEM.matcher(lines[0]).matches()) {
                for (String line : lines) {
                    Matcher m = ITEM.matcher(line);
                    m.matches();
                    ps.add(new Paragraph("p" + (ps.size() + 1), BlockKind.LIST_ITEM, 1 + m.group(1).length() / 2,
                            line, plain(line.replaceFirst("^\\s*([-*+]|\\d+[.)])\\s+", ""))));
                }
            } else if (block.startsWith("#")) {
                int level = block.indexOf(' ');
                ps.add(new Paragraph("p" + (ps.size() + 1), BlockKind.HEADING, level, block, plain(block.substring(level + 1))));
            } else {
                ps.add(new Paragraph("p" + (ps.size() + 1), BlockKind.PARAGRAPH, 0, block, plain(block)));
            }
        }
        return new DocumentVersion(lang, fileName, "markdown", "UTF-8", fm, ps);
    }

    private static Object value(String v) {
        if (v.startsWith("[") && v.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String s : v.substring(1, v.length() - 1).split(",")) items.add(unquote(s.trim()));
            return items;
        }
        return unquote(v);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String plain(String markup) {
        return LINK.matcher(markup).replaceAll("$1").replace("**", "").replace("__", "").replace("\n", " ").strip();
    }
}
