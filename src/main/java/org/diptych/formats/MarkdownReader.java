package org.diptych.formats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import net.sf.okapi.filters.markdown.Parameters;
import net.sf.okapi.filters.markdown.parser.MarkdownParser;
import net.sf.okapi.filters.markdown.parser.MarkdownToken;
import net.sf.okapi.filters.markdown.parser.MarkdownTokenType;

import org.diptych.DiptychException;
import org.diptych.markdown.Markdown;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Reads a Markdown body (front matter already removed) into paragraphs, with the parser of Okapi's Markdown
 * filter ({@link MarkdownParser}, which wraps flexmark and emits typed tokens: heading prefixes, list item
 * markers, line prefixes for quotes and nesting, inline markup, text).
 * <p>
 * Contract (export relies on it):
 * <ul>
 * <li>every block is one paragraph: a paragraph of running text, a heading ({@link BlockKind#HEADING}, level =
 *     number of {@code #}, setext {@code ===} is 1 and {@code ---} is 2), each list item on its own
 *     ({@link BlockKind#LIST_ITEM}, level = nesting depth from 1), a block quote paragraph
 *     ({@link BlockKind#QUOTE}, level = number of {@code >}), a fenced or indented code block
 *     ({@link BlockKind#CODE}), a table, HTML block, thematic break or group of link reference definitions
 *     ({@link BlockKind#OTHER});</li>
 * <li>{@code markup} is the block's exact source text, from the start of its first line (indentation, {@code >}
 *     and list marker included) to the end of its last character, trailing white space dropped;</li>
 * <li>{@code text} is what a reader sees: markup characters, URLs and heading marks dropped, link and image
 *     text kept, backslash escapes and HTML entities resolved, soft line breaks as spaces; a hard line break
 *     (two trailing spaces, a backslash or {@code <br>}) stays a {@code \n} in one paragraph; table cells are
 *     joined with {@code " | "} and rows with {@code \n}.</li>
 * </ul>
 * Each block's source is located by matching its tokens, in order, against the text. Should a block's tokens
 * not be found (the parser normalised something), its markup is rebuilt from the tokens instead and a warning
 * says so. The text of a located paragraph, heading, list item or quote is the one markdown model's
 * ({@link Markdown#plainText} of its markup: link titles, tags and entities as a reader sees them); the
 * tokens' own text serves code blocks, tables, HTML and definitions, and any block the model reads as another
 * kind when it stands alone.
 */
public final class MarkdownReader {
    /** Paragraphs read, and warnings for the user. */
    public record Result(List<Paragraph> paragraphs, List<String> warnings) {}

    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    private final String src;
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Block cur;
    private String prefix = "";
    private boolean inFence;
    private boolean tableRowEnded;
    private boolean skipNewline;
    /** Open list items: {marker column, content column}. */
    private final Deque<int[]> lists = new ArrayDeque<>();

    private MarkdownReader(String src) {
        this.src = src;
    }

    /**
     * Reads {@code body} (lines separated by {@code \n}).
     *
     * @param firstLine the line number of the body's first line in the file, for warnings
     * @throws DiptychException naming {@code fileName} if Okapi cannot parse the text, or if the text passes one
     *                          of the {@link InputLimits} (checked first)
     */
    public static Result read(String body, String fileName, int firstLine) {
        InputLimits.checkMarkdown(body, fileName, firstLine);
        MarkdownReader r = new MarkdownReader(body);
        List<MarkdownToken> tokens = new ArrayList<>();
        try {
            MarkdownParser parser = new MarkdownParser(new Parameters());
            parser.setNewline("\n");
            parser.parse(body);
            while (parser.hasNextToken()) tokens.add(parser.getNextToken());
        } catch (RuntimeException | StackOverflowError e) {
            throw new DiptychException(fileName + ": cannot read Markdown (" + Okapi.firstLine(e) + ")", e);
        }
        for (int i = 0; i < tokens.size(); i++) {
            r.token(tokens.get(i), i + 1 < tokens.size() ? tokens.get(i + 1) : null);
        }
        r.end();
        return new Result(r.locate(fileName, firstLine), r.warnings);
    }

    /** A block being collected: its kind, the tokens' source pieces, and its plain text. */
    private static final class Block {
        BlockKind kind;
        int level;
        final String prefix;
        final List<String> pieces = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        boolean table;

        Block(BlockKind kind, int level, String prefix) {
            this.kind = kind;
            this.level = level;
            this.prefix = prefix;
        }
    }

    private void token(MarkdownToken t, MarkdownToken next) {
        MarkdownTokenType type = t.getType();
        String c = t.getContent();
        if (inFence) {
            if (type == MarkdownTokenType.FENCED_CODE_BLOCK) {
                cur.pieces.add(c);
                inFence = false;
                end();
            } else if (type != MarkdownTokenType.LINE_PREFIX && type != MarkdownTokenType.END_TEXT_UNIT) {
                cur.pieces.add(c);
                if (type == MarkdownTokenType.TEXT) cur.text.append(c);
            }
            return;
        }
        if (cur != null && cur.table && tableRowEnded) {
            tableRowEnded = false;
            if (type == MarkdownTokenType.TABLE_PIPE || type == MarkdownTokenType.TABLE_SEPARATOR) {
                cur.text.append('\n');
            } else if (type != MarkdownTokenType.TEXT || c.isBlank()) {
                end();
            } else {
                cur.text.append('\n');
            }
        }
        switch (type) {
            case LINE_PREFIX -> {
                if (!onlyMarkers()) end();
                prefix = c;
            }
            case END_TEXT_UNIT, BLANK_LINE -> end();
            case SOFT_LINE_BREAK -> {
                if (cur == null) return;
                if (cur.table) {
                    tableRowEnded = true;
                } else if (t.isTranslatable()) {
                    newline(c);
                } else if (next == null || next.getType() != MarkdownTokenType.HEADING_UNDERLINE) {
                    end();
                }
            }
            case FENCED_CODE_BLOCK -> {
                end();
                start(BlockKind.CODE, 0).pieces.add(c);
                inFence = true;
            }
            case HEADING_PREFIX -> {
                if (onlyMarkers()) { // "- # Title": a heading inside a list item stays that item
                    cur.pieces.add(c);
                    return;
                }
                end();
                start(BlockKind.HEADING, c.strip().length()).pieces.add(c);
            }
            case HEADING_UNDERLINE -> {
                if (cur == null) start(BlockKind.OTHER, 0);
                else {
                    cur.kind = BlockKind.HEADING;
                    cur.level = c.strip().startsWith("=") ? 1 : 2;
                }
                cur.pieces.add(c);
                end();
            }
            case BULLET_LIST_ITEM, ORDERED_LIST_ITEM -> {
                if (onlyMarkers()) {
                    // "- 1. text": a list that starts on its parent item's line stays one paragraph
                    int col = lists.isEmpty() ? 0 : lists.peek()[1];
                    lists.push(new int[] {col, col + c.length()});
                    cur.level = lists.size();
                    cur.pieces.add(c);
                    return;
                }
                end();
                int col = indent(prefix);
                while (!lists.isEmpty() && col < lists.peek()[1]) lists.pop();
                lists.push(new int[] {col, col + c.length()});
                start(BlockKind.LIST_ITEM, lists.size()).pieces.add(c);
            }
            case THEMATIC_BREAK, HTML_BLOCK, HTML_INNER_BLOCK, HTML_COMMENT_BLOCK, HTML_INNER_BLOCK_COMMENT,
                 YAML_METADATA_HEADER, MDX_EXPORT -> {
                boolean inItem = onlyMarkers(); // "- <b>x</b>", "- * * *": the item's own content
                if (!inItem) end();
                Block b = inItem ? cur : start(BlockKind.OTHER, 0);
                b.pieces.add(c);
                if (type == MarkdownTokenType.HTML_BLOCK || type == MarkdownTokenType.HTML_INNER_BLOCK) {
                    b.text.append(HtmlReader.textOf(c));
                }
                if (!inItem) end();
            }
            case REFERENCE -> {
                if (cur == null || cur.kind != BlockKind.OTHER || cur.table) {
                    end();
                    start(BlockKind.OTHER, 0);
                }
                cur.pieces.add(c);
            }
            case TABLE_PIPE, TABLE_SEPARATOR -> {
                if (cur == null) start(BlockKind.OTHER, 0);
                if (!cur.table) {
                    cur.table = true;
                    cur.kind = BlockKind.OTHER;
                    cur.level = 0;
                }
                cur.pieces.add(c);
                if (type == MarkdownTokenType.TABLE_PIPE) {
                    int ls = cur.text.lastIndexOf("\n") + 1;
                    if (cur.text.length() > ls && !cur.text.toString().endsWith(" | ")) cur.text.append(" | ");
                }
            }
            default -> inline(t);
        }
    }

    private void inline(MarkdownToken t) {
        String c = t.getContent();
        if (cur == null) {
            if (c.isEmpty()) return;
            int quotes = quoteDepth(prefix);
            int ind = indent(prefix);
            while (!lists.isEmpty() && ind < lists.peek()[1]) lists.pop();
            int base = lists.isEmpty() ? 0 : lists.peek()[1];
            if (ind >= base + 4) start(BlockKind.CODE, 0);
            else if (quotes > 0) start(BlockKind.QUOTE, quotes);
            else start(BlockKind.PARAGRAPH, 0);
        }
        cur.pieces.add(c);
        switch (t.getType()) {
            case TEXT -> {
                if (cur.kind == BlockKind.CODE) cur.text.append(c);
                else text(c);
            }
            case HARD_LINE_BREAK -> {
                cur.text.append('\n');
                skipNewline = true;
            }
            case HTML_INLINE -> {
                if (BR.matcher(c).matches()) {
                    cur.text.append('\n');
                    skipNewline = true;
                }
            }
            case HTML_ENTITY -> cur.text.append(HtmlReader.decodeEntities(c));
            case AUTO_LINK, MAIL_LINK -> cur.text.append(c.replaceAll("^<|>$", ""));
            case WHITE_SPACE -> { // table padding, but the parser also files some line-initial text here
                if (t.isTranslatable()) text(c);
                else if (!cur.table) cur.text.append(' ');
            }
            default -> { } // markup: emphasis, link and image brackets and targets, code ticks, references
        }
    }

    private void text(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '\n') {
                newline("\n");
            } else if (ch == '\\' && i + 1 < c.length() && isEscapable(c.charAt(i + 1))) {
                cur.text.append(c.charAt(++i));
                skipNewline = false;
            } else {
                cur.text.append(ch);
                skipNewline = false;
            }
        }
    }

    /** A line break inside a block: after a hard break it is the break itself, otherwise a soft space. */
    private void newline(String c) {
        if (skipNewline) {
            skipNewline = false;
            return;
        }
        int n = cur.text.length();
        if (n > 0 && cur.text.charAt(n - 1) != ' ' && cur.text.charAt(n - 1) != '\n') cur.text.append(' ');
    }

    /** True while the current block is a list item that has nothing but its marker(s) yet. */
    private boolean onlyMarkers() {
        return cur != null && cur.kind == BlockKind.LIST_ITEM && cur.text.length() == 0
                && cur.pieces.stream().allMatch(MarkdownReader::isListMarker);
    }

    private static boolean isListMarker(String piece) {
        return piece.strip().matches("[-+*]|\\d{1,9}[.)]");
    }

    private static boolean isEscapable(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private Block start(BlockKind kind, int level) {
        cur = new Block(kind, level, prefix);
        return cur;
    }

    private void end() {
        if (cur != null && !inFence) {
            if (!cur.pieces.stream().allMatch(String::isBlank)) blocks.add(cur);
            cur = null;
            tableRowEnded = false;
            skipNewline = false;
        }
    }

    private static int quoteDepth(String prefix) {
        return (int) prefix.chars().filter(ch -> ch == '>').count();
    }

    /** The indentation of a line prefix after its quote markers, in columns (tabs to multiples of 4). */
    private static int indent(String prefix) {
        int last = prefix.lastIndexOf('>');
        String ws = last < 0 ? prefix : prefix.substring(last + 1);
        if (last >= 0 && ws.startsWith(" ")) ws = ws.substring(1);
        int col = 0;
        for (char ch : ws.toCharArray()) col = ch == '\t' ? (col / 4 + 1) * 4 : col + 1;
        return col;
    }

    /** Finds each block's source span and turns blocks into paragraphs {@code p1..pN}. */
    private List<Paragraph> locate(String fileName, int firstLine) {
        List<Paragraph> out = new ArrayList<>();
        int cursor = 0;
        int prevEnd = 0;
        for (Block b : blocks) {
            int start = -1;
            int pos = cursor;
            boolean found = true;
            outer:
            for (String piece : b.pieces) {
                for (String seg : piece.split("\n", -1)) {
                    String s = seg.strip();
                    if (s.isEmpty()) continue;
                    int idx = src.indexOf(s, pos);
                    if (idx < 0 || (start >= 0 && !onlyLayout(src, pos, idx))) {
                        found = false;
                        break outer;
                    }
                    if (start < 0) start = idx;
                    pos = idx + s.length();
                }
            }
            String markup;
            if (found && start >= 0) {
                int lineStart = src.lastIndexOf('\n', start - 1) + 1;
                if (lineStart < prevEnd) lineStart = start; // shares a line with the previous block
                markup = src.substring(lineStart, pos).stripTrailing();
                cursor = pos;
                prevEnd = pos;
            } else {
                markup = rebuild(b);
                int line = firstLine + (int) src.substring(0, Math.min(cursor, src.length())).chars().filter(ch -> ch == '\n').count();
                warnings.add(fileName + ": near line " + line + ": could not locate a Markdown block in the source;"
                        + " its markup was rebuilt by the parser");
            }
            String text = found ? modelText(b, markup) : null;
            if (text == null) text = cleanText(b);
            out.add(new Paragraph("p" + (out.size() + 1), b.kind, b.level, markup, text));
        }
        return out;
    }

    /**
     * The plain text of a located block of running text (paragraph, heading, list item, quote) by the one
     * markdown model ({@link Markdown#plainText}), or null for other blocks and where the model, reading the
     * block alone, sees another kind of block than the whole document's parse did (then the tokens' text is kept).
     */
    private static String modelText(Block b, String markup) {
        if (b.table || b.kind == BlockKind.CODE || b.kind == BlockKind.OTHER) return null;
        Markdown.Block m = Markdown.block(markup);
        return m.kind() == b.kind ? m.plain() : null;
    }

    /** True if {@code s[from, to)} holds only what separates tokens: white space and quote markers. */
    private static boolean onlyLayout(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '>') return false;
        }
        return true;
    }

    private static String rebuild(Block b) {
        StringBuilder sb = new StringBuilder(b.prefix);
        for (String p : b.pieces) sb.append(p.replace("\n", "\n" + b.prefix));
        return sb.toString().stripTrailing();
    }

    private static String cleanText(Block b) {
        String t = b.text.toString();
        if (b.kind == BlockKind.CODE) return t.strip();
        StringBuilder sb = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            String l = line.strip();
            if (b.table) {
                if (l.startsWith("|")) l = l.substring(1).strip();
                if (l.endsWith("|")) l = l.substring(0, l.length() - 1).strip();
                if (l.isEmpty()) continue;
            }
            if (sb.length() > 0) sb.append('\n');
            sb.append(l.replace('\u00A0', ' ').replaceAll(" {2,}", " "));
        }
        return sb.toString().strip();
    }
}
