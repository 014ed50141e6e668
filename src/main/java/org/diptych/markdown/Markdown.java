package org.diptych.markdown;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.diptych.model.BlockKind;

/**
 * The one markdown model: a CommonMark parse (flexmark-java, the parser Okapi's Markdown filter already brings)
 * whose nodes carry their source offsets, read into one block's prefix, its inline {@link Token}s and plain text.
 * <p>
 * A paragraph's markup reads as a {@link Block}: the block prefix ({@code ### }, {@code - }, {@code 1. },
 * {@code > }, indentation), then tokens that cover the rest of the markup without a gap or an overlap (text,
 * the opening and closing markers of emphasis, strong, strike-through, links, images, autolinks and code
 * spans, and atoms: inline HTML, entities, backslash escapes, hard and soft breaks, the layout of
 * continuation lines), then a suffix (a heading's closing {@code #}s, a setext underline). Every token has its
 * source (its exact markup) and its plain text; the markup is the prefix, the tokens' sources and the suffix
 * joined, the plain text their plain texts joined. Import, the TM's inline codes, QA, the desk and the aligner
 * read markdown through it.
 * <p>
 * Plain text is what a reader sees: markup characters and link targets dropped, link and image texts kept,
 * backslash escapes and HTML entities resolved, soft line breaks as spaces, hard breaks (two spaces, a
 * backslash, {@code <br>}) as {@code \n}, inline HTML tags dropped, code spans' content kept.
 * <p>
 * The model parses one paragraph (one block of a post) at a time, never a whole document: flexmark is not
 * linear on some inputs (thousands of link reference definitions in one block), so callers keep to paragraphs,
 * and markup without any markdown character takes a path that does not parse at all.
 */
public final class Markdown {
    /** An inline construct of a markup string, with its source offsets {@code [start, end)}. */
    public record Span(Kind kind, int start, int end) {}

    public enum Kind {
        EMPHASIS, STRONG, STRIKE, LINK, IMAGE, CODE, HTML, ENTITY, ESCAPE, HARD_BREAK, SOFT_BREAK, AUTOLINK,
        /** Text. */
        TEXT,
        /** What separates lines of one block (a continuation line's {@code > } or indentation), or two blocks. */
        LAYOUT
    }

    /** What a token is in the inline structure. */
    public enum Role { TEXT, OPEN, CLOSE, ATOM }

    /**
     * A token of a block's inline content: {@code source} is the markup {@code [start, end)} exactly,
     * {@code plain} what it adds to the plain text; {@code target} is an inline link's, image's or autolink's
     * destination on its {@link Role#OPEN} token, else null (also for {@code [text][ref]}).
     */
    public record Token(Kind kind, Role role, int start, int end, String source, String plain, String target) {}

    /**
     * One block of markdown: its kind and level as the model reads them (heading level, list nesting depth
     * from 1, quote depth), its prefix, its inline tokens and its suffix. {@code marker} is a list item's
     * marker ({@code -}, {@code 1.}) or "".
     */
    public record Block(BlockKind kind, int level, String prefix, String marker, List<Token> tokens, String suffix) {
        public Block {
            tokens = List.copyOf(tokens);
        }

        /** The markup read: prefix, tokens and suffix joined. */
        public String markup() {
            StringBuilder sb = new StringBuilder(prefix);
            for (Token t : tokens) sb.append(t.source());
            return sb.append(suffix).toString();
        }

        /** The tokens' markup without prefix and suffix (the block's inline body). */
        public String body() {
            StringBuilder sb = new StringBuilder();
            for (Token t : tokens) sb.append(t.source());
            return sb.toString();
        }

        /** The plain text, white space as {@link Markdown#plainText} leaves it. */
        public String plain() {
            StringBuilder sb = new StringBuilder();
            for (Token t : tokens) sb.append(t.plain());
            return normalize(sb.toString());
        }
    }

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(StrikethroughExtension.create()))).build();
    /** Characters without which a line has no inline markdown (a block marker is looked for at its start only). */
    private static final String SYNTAX = "\\`*_~[]<>&\n\r\t";

    /**
     * The longest markup the model parses, in characters. flexmark's inline parser is not linear in the number
     * of links, entities, code spans and HTML tags of one paragraph (4,000 links in one line: 1.8 s, and four
     * times that for twice as many); a longer block reads as its own text, markup characters kept.
     */
    public static final int MAX_BLOCK = 16 * 1024;

    private Markdown() {}

    /** Parses markdown into flexmark's tree (offsets into {@code text}). Keep {@code text} to one block. */
    public static Document parse(String text) {
        return PARSER.parse(text);
    }

    /** True if {@code s} has no character markdown gives a meaning to (it reads as the text it is). */
    public static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) if (SYNTAX.indexOf(s.charAt(i)) >= 0) return false;
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        if (i == s.length()) return true;
        if (i >= 4) return false; // indented code
        char c = s.charAt(i);
        if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') return false;
        int d = i;
        while (d < s.length() && Character.isDigit(s.charAt(d))) d++;
        return d == i || d >= s.length() || (s.charAt(d) != '.' && s.charAt(d) != ')');
    }

    /** The plain text of one block's markup (or several blocks, joined by {@code \n}); never null. */
    public static String plainText(String markup) {
        if (isPlain(markup)) return normalize(markup);
        return block(markup).plain();
    }

    /** The inline spans of a markup string, in source order (nested spans after their parent). */
    public static List<Span> spans(String markup) {
        List<Span> out = new ArrayList<>();
        if (isPlain(markup)) return out;
        return spans(block(markup));
    }

    /** The inline spans of a block read by {@link #block}, in source order (nested spans after their parent). */
    public static List<Span> spans(Block block) {
        List<Span> out = new ArrayList<>();
        List<Token> tokens = block.tokens();
        List<int[]> open = new ArrayList<>(); // index into out of an open span
        for (Token t : tokens) {
            switch (t.role()) {
                case OPEN -> {
                    open.add(new int[] {out.size()});
                    out.add(new Span(t.kind(), t.start(), t.end()));
                }
                case CLOSE -> {
                    int at = open.remove(open.size() - 1)[0];
                    Span s = out.get(at);
                    out.set(at, new Span(s.kind(), s.start(), t.end()));
                }
                case ATOM -> {
                    if (t.kind() != Kind.LAYOUT) out.add(new Span(t.kind(), t.start(), t.end()));
                }
                case TEXT -> { }
            }
        }
        return out;
    }

    /** The destinations of a markup's inline links and autolinks (not images), in order. */
    public static List<String> linkTargets(String markup) {
        List<String> out = new ArrayList<>();
        if (isPlain(markup)) return out;
        for (Token t : block(markup).tokens()) {
            if (t.role() == Role.OPEN && t.target() != null && (t.kind() == Kind.LINK || t.kind() == Kind.AUTOLINK)) {
                out.add(t.target());
            }
        }
        return out;
    }

    /**
     * An inline link of a block that is nothing but that link ({@code [text](url "title")}, not an image, not a
     * reference link, no block prefix): its text as written (escapes kept) and its destination (escapes
     * resolved); else null.
     */
    public record LinkOnly(String text, String url) {}

    /** The one inline link {@code markup} consists of, or null (see {@link LinkOnly}). */
    public static LinkOnly linkOnly(String markup) {
        if (isPlain(markup)) return null;
        Block b = block(markup);
        List<Token> t = b.tokens();
        if (b.kind() != BlockKind.PARAGRAPH || !b.prefix().isEmpty() || !b.suffix().isEmpty() || t.size() < 2) return null;
        Token open = t.get(0), close = t.get(t.size() - 1);
        if (open.kind() != Kind.LINK || open.role() != Role.OPEN || open.target() == null
                || close.kind() != Kind.LINK || close.role() != Role.CLOSE) {
            return null;
        }
        for (int i = 1; i < t.size() - 1; i++) {
            if (t.get(i).kind() == Kind.LINK) return null; // the first link closed before the end
        }
        return new LinkOnly(markup.substring(open.end(), close.start()), Escaping.unescapeString(open.target()));
    }

    /**
     * The link destinations of a whole markdown document, in source order: inline links (not images),
     * autolinks and link reference definitions (a reference link's destination is its definition's, listed
     * once there). Code spans, code blocks and escaped brackets hold none. Unlike the rest of the model this
     * parses a document at once: it is meant for a post export wrote, whose paragraphs each passed
     * {@code formats.InputLimits} on import (the parser's cost grows faster than linearly only within one
     * paragraph).
     */
    public static List<String> documentLinks(String document) {
        List<String> out = new ArrayList<>();
        if (isPlain(document)) return out;
        collectLinks(parse(document), document, out);
        return out;
    }

    private static void collectLinks(Node parent, String src, List<String> out) {
        // iterative over siblings, recursive over depth: containers nest at most InputLimits' 64 levels
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link l) out.add(l.getUrl().toString());
            else if (n instanceof AutoLink) out.add(src.substring(n.getStartOffset() + 1, n.getEndOffset() - 1));
            else if (n instanceof Reference r) out.add(r.getUrl().toString());
            if (!(n instanceof Image) && !(n instanceof ImageRef)) collectLinks(n, src, out);
        }
    }

    /** The block prefix of a markdown paragraph ({@code "### "}, {@code "1. "}, {@code "> - "}), or "". */
    public static String prefix(String markup) {
        if (markup.isEmpty() || isPlain(markup)) return "";
        return block(markup).prefix();
    }

    /**
     * Reads one block of markup. Several blocks in {@code markup} (a list item of two paragraphs) read as one,
     * their tokens joined by a {@link Kind#LAYOUT} token whose plain text is {@code \n}; a code block, HTML
     * block, table or thematic break is one text token (its content, or its text without tags). Markup longer
     * than {@link #MAX_BLOCK} is one text token, not parsed.
     */
    public static Block block(String markup) {
        if (isPlain(markup) || markup.length() > MAX_BLOCK) {
            List<Token> one = markup.isEmpty() ? List.of()
                    : List.of(new Token(Kind.TEXT, Role.TEXT, 0, markup.length(), markup, markup, null));
            return new Block(BlockKind.PARAGRAPH, 0, "", "", one, "");
        }
        try {
            Block b = read(markup);
            if (covers(b, markup)) return b;
        } catch (RuntimeException | StackOverflowError e) {
            // below: a block the reader cannot cover (a parse this model does not know) is read as its text
        }
        return new Block(BlockKind.OTHER, 0, "", "",
                List.of(new Token(Kind.TEXT, Role.TEXT, 0, markup.length(), markup, markup, null)), "");
    }

    /** True if the block's prefix, tokens and suffix give the markup back, each token at its place. */
    private static boolean covers(Block b, String markup) {
        int at = b.prefix().length();
        if (!markup.startsWith(b.prefix())) return false;
        for (Token t : b.tokens()) {
            if (t.start() != at || t.end() < t.start() || !markup.startsWith(t.source(), at)
                    || t.source().length() != t.end() - t.start()) {
                return false;
            }
            at = t.end();
        }
        return markup.length() - at == b.suffix().length() && markup.endsWith(b.suffix());
    }

    private static Block read(String markup) {
        int ind = 0;
        while (ind < markup.length() && markup.charAt(ind) == ' ') ind++;
        if (ind == 0) return new Reader(markup).read(parse(markup));
        // an indented block (a nested list item, a list item's second paragraph) is read without its
        // indentation, which would make it code on its own; the indentation goes back into the tokens
        StringBuilder d = new StringBuilder(markup.length());
        int[] map = new int[markup.length() + 1];
        int i = 0;
        while (i < markup.length()) {
            int lineStart = i;
            int k = 0;
            while (k < ind && i < markup.length() && markup.charAt(i) == ' ') {
                i++;
                k++;
            }
            map[d.length()] = lineStart;
            boolean first = true;
            while (i < markup.length()) {
                char c = markup.charAt(i);
                if (!first) map[d.length()] = i;
                first = false;
                d.append(c);
                i++;
                if (c == '\n') break;
            }
        }
        map[d.length()] = markup.length();
        String ds = d.toString();
        Block b = new Reader(ds).read(parse(ds));
        List<Token> tokens = new ArrayList<>(b.tokens().size());
        for (Token t : b.tokens()) {
            int s = map[t.start()], e = map[t.end()];
            tokens.add(new Token(t.kind(), t.role(), s, e, markup.substring(s, e), t.plain(), t.target()));
        }
        int bodyStart = map[b.prefix().length()];
        int bodyEnd = map[ds.length() - b.suffix().length()];
        return new Block(b.kind(), b.level(), markup.substring(0, bodyStart), b.marker(), tokens, markup.substring(bodyEnd));
    }

    /** White space of a plain text: runs of spaces as one, lines stripped, empty lines dropped. */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (from <= s.length()) {
            int nl = s.indexOf('\n', from);
            if (nl < 0) nl = s.length();
            String l = collapse(s.substring(from, nl));
            if (!l.isEmpty()) {
                if (out.length() > 0) out.append('\n');
                out.append(l);
            }
            from = nl + 1;
        }
        return out.toString();
    }

    private static String collapse(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\r') {
                space = true;
            } else {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isEscapable(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    /** Reads a parsed block into tokens, keeping a cursor so that every character of the markup is covered. */
    private static final class Reader {
        private final String src;
        private final List<Token> out = new ArrayList<>();
        private int pos;
        private BlockKind kind;
        private int level;
        private String marker = "";
        private String prefix;
        private int leaves;

        Reader(String src) {
            this.src = src;
        }

        Block read(Document doc) {
            container(doc, 0, 0);
            if (prefix == null) prefix = "";
            if (kind == null) kind = BlockKind.OTHER;
            String suffix = pos < src.length() ? src.substring(pos) : "";
            // a heading's closing #s and a setext underline are the suffix; trailing white space too
            if (!suffix.isBlank() && kind != BlockKind.HEADING) {
                layout(src.length(), "");
                suffix = "";
            }
            return new Block(kind, level, prefix, marker, out, suffix);
        }

        private void container(Node n, int lists, int quotes) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof BlockQuote) {
                    container(c, lists, quotes + 1);
                } else if (c instanceof ListItem li) {
                    if (kind == null && marker.isEmpty()) marker = li.getOpeningMarker().toString();
                    container(c, lists + 1, quotes);
                } else if (c.getFirstChild() != null && !(c instanceof Paragraph) && !(c instanceof Heading)
                        && isContainer(c)) {
                    container(c, lists, quotes); // bullet and ordered lists
                } else {
                    leaf(c, lists, quotes);
                }
            }
        }

        private static boolean isContainer(Node c) {
            return c instanceof com.vladsch.flexmark.ast.ListBlock;
        }

        private void leaf(Node c, int lists, int quotes) {
            int start = c.getStartOffset();
            if (leaves == 0) {
                kind = lists > 0 ? BlockKind.LIST_ITEM : quotes > 0 ? BlockKind.QUOTE : BlockKind.PARAGRAPH;
                level = lists > 0 ? lists : quotes;
                if (c instanceof Heading h && lists == 0) {
                    kind = BlockKind.HEADING;
                    level = h.getLevel();
                } else if (c instanceof FencedCodeBlock || c instanceof IndentedCodeBlock) {
                    if (lists == 0) {
                        kind = BlockKind.CODE;
                        level = 0;
                    }
                } else if (!(c instanceof Paragraph) && !(c instanceof Heading) && lists == 0) {
                    kind = BlockKind.OTHER;
                    level = 0;
                }
            } else {
                layout(start, "\n");
            }
            leaves++;
            if (c instanceof Paragraph) {
                if (prefix == null) {
                    prefix = src.substring(0, start);
                    pos = start;
                }
                inlines(c);
                end(c.getEndOffset());
            } else if (c instanceof Heading h) {
                int textStart = h.getText().isNull() || h.getText().length() == 0 ? h.getEndOffset() : h.getText().getStartOffset();
                if (h.getFirstChild() != null) textStart = Math.min(textStart, h.getFirstChild().getStartOffset());
                if (prefix == null) {
                    prefix = src.substring(0, textStart);
                    pos = textStart;
                } else {
                    layout(textStart, "");
                }
                inlines(c);
                int e = trimEnd(c.getEndOffset());
                if (e > pos && (leaves > 1 || lists > 0 || quotes > 0)) { // closing #s inside a list item or quote
                    out.add(new Token(Kind.LAYOUT, Role.ATOM, pos, e, src.substring(pos, e), "", null));
                    pos = e;
                }
            } else {
                if (prefix == null) {
                    prefix = src.substring(0, start);
                    pos = start;
                }
                layout(start, "");
                int e = trimEnd(c.getEndOffset());
                String s = src.substring(pos, e);
                String plain;
                if (c instanceof FencedCodeBlock f) plain = f.getContentChars().toString();
                else if (c instanceof IndentedCodeBlock i) plain = i.getContentChars().toString();
                else if (c instanceof HtmlBlock) plain = s.replaceAll("<[^>]*>", " ");
                else if (c instanceof ThematicBreak || c instanceof Reference) plain = "";
                else plain = Escaping.unescapeString(s);
                out.add(new Token(Kind.TEXT, Role.TEXT, pos, e, s, plain, null));
                pos = e;
            }
        }

        /** Ends a leaf at {@code e} (its trailing line break and white space left for the next gap). */
        private void end(int e) {
            e = trimEnd(e);
            if (e > pos) layout(e, "");
        }

        private int trimEnd(int e) {
            while (e > pos && Character.isWhitespace(src.charAt(e - 1))) e--;
            return e;
        }

        /** A gap up to {@code to}: layout (line prefixes, white space), or text the parse left out. */
        private void layout(int to, String plain) {
            if (to <= pos) return;
            String s = src.substring(pos, to);
            boolean onlyLayout = true;
            for (int i = 0; i < s.length() && onlyLayout; i++) {
                char ch = s.charAt(i);
                onlyLayout = Character.isWhitespace(ch) || ch == '>';
            }
            if (onlyLayout) out.add(new Token(Kind.LAYOUT, Role.ATOM, pos, to, s, plain, null));
            else out.add(new Token(Kind.TEXT, Role.TEXT, pos, to, s, plain + Escaping.unescapeString(s), null));
            pos = to;
        }

        private void inlines(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n);
        }

        private void atom(Kind k, int s, int e, String plain) {
            layout(s, "");
            if (e <= pos) return;
            out.add(new Token(k, Role.ATOM, pos, e, src.substring(pos, e), plain, null));
            pos = e;
        }

        private void open(Kind k, int e, String target) {
            int s = pos;
            out.add(new Token(k, Role.OPEN, s, e, src.substring(s, e), "", target));
            pos = e;
        }

        private void close(Kind k, int e) {
            int s = pos;
            out.add(new Token(k, Role.CLOSE, s, e, src.substring(s, e), "", null));
            pos = e;
        }

        private void text(int s, int e) {
            layout(s, "");
            int i = pos;
            int run = pos;
            while (i < e) {
                char ch = src.charAt(i);
                if (ch == '\\' && i + 1 < e && isEscapable(src.charAt(i + 1))) {
                    if (i > run) out.add(new Token(Kind.TEXT, Role.TEXT, run, i, src.substring(run, i), src.substring(run, i), null));
                    out.add(new Token(Kind.ESCAPE, Role.ATOM, i, i + 2, src.substring(i, i + 2), String.valueOf(src.charAt(i + 1)), null));
                    i += 2;
                    run = i;
                } else {
                    i++;
                }
            }
            if (e > run) out.add(new Token(Kind.TEXT, Role.TEXT, run, e, src.substring(run, e), src.substring(run, e), null));
            pos = Math.max(pos, e);
        }

        private void inline(Node n) {
            int s = n.getStartOffset(), e = n.getEndOffset();
            if (e <= pos && s < pos) return; // already covered
            if (n instanceof Text) {
                text(s, e);
            } else if (n instanceof HtmlEntity) {
                atom(Kind.ENTITY, s, e, Escaping.unescapeString(n.getChars().toString()));
            } else if (n instanceof SoftLineBreak) {
                atom(Kind.SOFT_BREAK, s, e, " ");
            } else if (n instanceof HardLineBreak) {
                atom(Kind.HARD_BREAK, s, e, "\n");
            } else if (n instanceof HtmlInline) {
                atom(Kind.HTML, s, e, n.getChars().toString().matches("(?i)<br\\s*/?>") ? "\n" : "");
            } else if (n instanceof Code c) {
                code(c);
            } else if (n instanceof AutoLink || n instanceof MailLink) {
                layout(s, "");
                String url = src.substring(s + 1, e - 1);
                open(Kind.AUTOLINK, s + 1, url);
                out.add(new Token(Kind.TEXT, Role.TEXT, pos, e - 1, url, url, null));
                pos = e - 1;
                close(Kind.AUTOLINK, e);
            } else {
                Kind k = n instanceof StrongEmphasis ? Kind.STRONG
                        : n instanceof Emphasis ? Kind.EMPHASIS
                        : n instanceof Strikethrough ? Kind.STRIKE
                        : n instanceof Image || n instanceof ImageRef ? Kind.IMAGE
                        : n instanceof Link || n instanceof LinkRef ? Kind.LINK
                        : null;
                if (k == null) {
                    if (n.getFirstChild() != null) inlines(n);
                    else text(s, e);
                    return;
                }
                if (n instanceof com.vladsch.flexmark.ast.RefNode r && r.isReferenceTextCombined() && !r.isDefined()) {
                    // [x] and [x][]: a link only where the document defines x, which one block cannot know;
                    // "[…]" in a quotation is far more common, so they read as the text they are
                    refText(n, s, e);
                    return;
                }
                // a reference link's destination is in a definition elsewhere in the document: none here
                String target = n instanceof Link l ? l.getUrl().toString()
                        : n instanceof Image im ? im.getUrl().toString() : null;
                layout(s, "");
                Node first = n.getFirstChild();
                if (first == null) {
                    int mid = textEnd(n, s, e);
                    open(k, mid, target);
                    close(k, e);
                    return;
                }
                open(k, Math.max(pos, first.getStartOffset()), target);
                inlines(n);
                layout(Math.min(e, Math.max(pos, n.getLastChild().getEndOffset())), "");
                close(k, e);
            }
        }

        /** A shortcut or collapsed reference read as text: its brackets are text, its content inline. */
        private void refText(Node n, int s, int e) {
            layout(s, "");
            Node first = n.getFirstChild();
            int open = first == null ? e : first.getStartOffset();
            text(pos, open);
            if (first != null) {
                inlines(n);
                text(pos, e);
            }
        }

        /** Where the opening marker of a childless emphasis or link ends (its text, if any, is empty). */
        private static int textEnd(Node n, int s, int e) {
            if (n instanceof Link l) return l.getTextClosingMarker().isNull() ? e : l.getTextClosingMarker().getStartOffset();
            if (n instanceof Image l) return l.getTextClosingMarker().isNull() ? e : l.getTextClosingMarker().getStartOffset();
            return s + (e - s) / 2;
        }

        private void code(Code c) {
            int s = c.getStartOffset(), e = c.getEndOffset();
            layout(s, "");
            int ts = c.getText().getStartOffset(), te = c.getText().getEndOffset();
            if (c.getText().isNull() || ts < s || te > e || ts > te) {
                ts = s + c.getOpeningMarker().length();
                te = e - c.getClosingMarker().length();
            }
            // CommonMark drops one space on each side of a code span's content when both are there
            if (te - ts >= 2 && isSpace(src.charAt(ts)) && isSpace(src.charAt(te - 1))
                    && !src.substring(ts, te).isBlank()) {
                ts++;
                te--;
            }
            open(Kind.CODE, ts, null);
            String content = src.substring(ts, te);
            out.add(new Token(Kind.TEXT, Role.TEXT, ts, te, content, content.replace('\n', ' '), null));
            pos = te;
            close(Kind.CODE, e);
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\n';
        }
    }

}
