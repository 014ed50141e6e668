package org.diptych.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * The alignment evidence of one side's paragraphs, extracted once and stored column-wise (one array per
 * feature, indexed by paragraph) so that the dynamic programme reads it without allocating.
 *
 * <p>Key sets are sorted arrays of distinct int hashes:
 * <ul>
 *   <li>{@link #nums} numbers (thousand separators and decimal commas normalised, dates split into day, month
 *       and year with month names of ru/en/pt as months, Roman numerals in headings and short lines, the
 *       number of a numbered list item);</li>
 *   <li>{@link #urls} URLs and e-mail addresses, from the markup (so link targets count);</li>
 *   <li>{@link #names} capitalised words and acronyms, by a transliteration-neutral key prefix
 *       ({@link Translit#canonical});</li>
 *   <li>{@link #cogs} cognates: every word of 4+ letters by the first 4 letters of its neutral key;</li>
 *   <li>{@link #lex} ids of bilingual lexicon entries whose words all occur in the paragraph.</li>
 * </ul>
 * Markdown structure comes from {@link Paragraph#kind()} and, for plain lines, from the markup itself.
 */
final class Units {
    /** Structure classes; headings are 1..6 by level. */
    static final byte PLAIN = 0, LIST = 7, BOLD = 8, LINK = 9, QUOTE = 10, CODE = 11, OTHER = 12, NOTE = 13;

    final int n;
    final int[] len;
    final byte[] struct;
    /** Number of list separators (lines, commas, semicolons, colons, bullets): how many items the paragraph can hold. */
    final int[] seps;
    /** Quotation pairs plus opening brackets. */
    final int[] quotes;
    /** Key classes, the first index of {@link #keys}. */
    static final int NUM = 0, URL = 1, NAME = 2, COG = 3, LEX = 4, CLASSES = 5;
    /** {@code keys[class][unit]}: sorted distinct keys. */
    final int[][][] keys = new int[CLASSES][][];
    final int[][] nums, urls, names, cogs, lex;
    /** The plain texts the features were taken from (for the sentence aligner and the lexicon learner). */
    final String[] plain;
    /**
     * {@code soft[x]}: unit x continues the sentence of unit x−1 (x−1 ends without a sentence or clause stop,
     * x starts with a small letter): the paragraph break falls inside a sentence, a matter of layout.
     */
    final boolean[] soft;
    /** {@code leadIn[x]}: the first line of unit x is a short lead-in ending with a colon ("Signed:", "Assinam:"). */
    final boolean[] leadIn;
    /**
     * {@code furniture[x]}: what unit x is if it is page furniture rather than text ({@link #furnitureOf}): a
     * translation credit, a "Source:" line, a photo caption, a share line, a date alone, a signature tail, a
     * link-reference definition; {@link #NONE} otherwise. One version often has it and the other not.
     */
    final byte[] furniture;
    static final byte NONE = 0, CREDIT = 1, SOURCE = 2, CAPTION = 3, SHARE = 4, DATE = 5, SIGNATURE = 6, LINK_DEFINITION = 7;
    /** {@code whole[x]}: hash of unit x's markup, stripped (for {@link CostModel#glued}: a line found verbatim elsewhere). */
    final int[] whole;
    /** {@code lines[x]}: sorted hashes of the stripped lines of unit x's markup if it has more than one line, else empty. */
    final int[][] lines;
    long totalLen;

    private Units(int n) {
        this.n = n;
        len = new int[n];
        struct = new byte[n];
        seps = new int[n];
        quotes = new int[n];
        nums = keys[NUM] = new int[n][];
        urls = keys[URL] = new int[n][];
        names = keys[NAME] = new int[n][];
        cogs = keys[COG] = new int[n][];
        lex = keys[LEX] = new int[n][];
        plain = new String[n];
        soft = new boolean[n];
        leadIn = new boolean[n];
        furniture = new byte[n];
        whole = new int[n];
        lines = new int[n][];
    }

    /**
     * Extracts the features of paragraphs.
     *
     * @param lexSide the lexicon side to look words up in, or {@code null} for none
     */
    static Units of(List<Paragraph> paragraphs, LexiconIndex.Side lexSide) {
        Units u = new Units(paragraphs.size());
        long total = 0;
        KeyBuffer buf = new KeyBuffer();
        Map<String, String> canon = new java.util.HashMap<>();
        for (int i = 0; i < u.n; i++) {
            Paragraph p = paragraphs.get(i);
            u.extract(i, p, buf, lexSide, canon);
            total += u.len[i];
        }
        u.totalLen = total;
        for (int i = 1; i < u.n; i++) u.soft[i] = continues(u, i);
        u.dropFrequent(u.cogs);
        u.dropFrequent(u.names);
        return u;
    }

    /** Units of plain strings (sentences, lines), with markdown-ish structure read from the strings. */
    static Units ofStrings(List<String> texts, LexiconIndex.Side lexSide) {
        // (same extraction as paragraphs: markdown-ish structure is read from the strings)
        List<Paragraph> ps = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) ps.add(Paragraph.plain("s" + i, texts.get(i)));
        return of(ps, lexSide);
    }

    /**
     * Drops keys found in more than 12% of the units (at least 5): words like "direitos" or "человек" that
     * occur everywhere tell nothing about which paragraph is which.
     */
    private void dropFrequent(int[][] k) {
        if (n < 10) return;
        java.util.HashMap<Integer, int[]> df = new java.util.HashMap<>();
        for (int[] ks : k) for (int key : ks) df.computeIfAbsent(key, x -> new int[1])[0]++;
        int limit = Math.max(5, (int) (0.12 * n));
        KeyBuffer buf = new KeyBuffer();
        for (int x = 0; x < n; x++) {
            boolean any = false;
            for (int key : k[x]) if (df.get(key)[0] > limit) { any = true; break; }
            if (!any) continue;
            buf.clear();
            for (int key : k[x]) if (df.get(key)[0] <= limit) buf.add(key);
            k[x] = buf.toSortedSet();
        }
    }

    /**
     * Whether unit x continues the sentence of unit x−1: both plain text, x starts with a small letter, and
     * x−1 ends with a comma, a dash or a word with no stop ({@code . ! ? ; : …}) among its last few characters
     * ("…; и" ends a clause of an enumeration, not a sentence torn in two).
     */
    private static boolean continues(Units u, int x) {
        if (u.struct[x] != PLAIN || u.struct[x - 1] != PLAIN) return false;
        String cur = u.plain[x], prev = u.plain[x - 1];
        if (cur.isEmpty() || prev.isEmpty() || !Character.isLowerCase(cur.codePointAt(0))) return false;
        int end = prev.length();
        for (int k = end - 1; k >= 0 && k >= end - 6; k--) {
            char c = prev.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '…') return false;
        }
        char last = prev.charAt(end - 1);
        return last == ',' || last == '-' || last == '–' || last == '—' || Character.isLetterOrDigit(last);
    }

    /**
     * The sorted union of the keys of units [from, from+count) of one class: each unit's keys are sorted and
     * distinct, so they are merged (linear) rather than concatenated and sorted.
     */
    int[] union(int cls, int from, int count) {
        int[] acc = keys[cls][from];
        for (int x = from + 1; x < from + count; x++) acc = merge(acc, keys[cls][x]);
        return acc;
    }

    /** The union of two sorted arrays of distinct keys, sorted and distinct; one of them when the other is empty. */
    static int[] merge(int[] a, int[] b) {
        if (b.length == 0) return a;
        if (a.length == 0) return b;
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, w = 0;
        while (i < a.length && j < b.length) {
            int x = a[i], y = b[j];
            if (x < y) { out[w++] = x; i++; }
            else if (y < x) { out[w++] = y; j++; }
            else { out[w++] = x; i++; j++; }
        }
        while (i < a.length) out[w++] = a[i++];
        while (j < b.length) out[w++] = b[j++];
        return w == out.length ? out : Arrays.copyOf(out, w);
    }

    // ---------------------------------------------------------------- extraction

    private static final Pattern HEADING_MD = Pattern.compile("^(#{1,6})\\s+\\S.*", Pattern.DOTALL);
    private static final Pattern LIST_MD = Pattern.compile("^(?:[-*+•–]|\\d{1,3}[.)])\\s+\\S.*", Pattern.DOTALL);
    private static final Pattern URL_ONLY = Pattern.compile("^<?https?://\\S+>?$");
    /** Link reference definitions ({@code [1]: https://… "Title"}), one or more lines of them. */
    private static final Pattern LINK_DEF = Pattern.compile("^(?:\\s{0,3}\\[[^\\]\\n]+\\]:[ \\t]*\\S+[^\\n]*(?:\\n|$))+$");
    /** A bullet opening an item inside a line: a list written in one paragraph ({@code * **A** … * **B** …}). */
    private static final Pattern INLINE_BULLET = Pattern.compile("(?:^|\\s)[*•–-]\\s+(?=\\S)");
    private static final Pattern BOLD_OPEN = Pattern.compile("^(\\*\\*|__)[^*_\\n]{1,200}?\\1.*", Pattern.DOTALL);
    private static final Pattern URL_PATTERN = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s<>()\\[\\]\"'«»]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /**
     * A translator's or editor's note or a translation credit, which translations add and originals lack:
     * "Translator's note: …", "(N.T. …)", "Nota do tradutor", "Примечание переводчика", "Прим. пер.",
     * "Tradução: …", "Перевод: …".
     */
    private static final Pattern NOTE_MD = Pattern.compile("(?iu)^[*_(\\[\\s]*(?:translator'?s note|translation by|translated by"
            + "|note of the translator|n\\.\\s?t\\.|t\\.\\s?n\\.|nota d[oa] (?:tradu[çc][ãa]o|tradutor[a]?|editor[a]?|reda[çc][ãa]o)"
            + "|tradu[çc][ãa]o\\s*:|tradu[çc][ãa]o de |traduzido por|примечание переводчика|прим\\.\\s?(?:пер|ред)"
            + "|примечание редакции|перевод\\s*:|перевод с )");

    /** Lines of furniture are short: at most this many characters. */
    static final int FURNITURE_LINE = 120;
    private static final Pattern CREDIT_MD = Pattern.compile("(?iu)^(?:(?:many |special )?thanks to|we thank|obrigad[oa]s?\\b|agradec"
            + "|спасибо|благодар)");
    private static final Pattern CREDIT_WHAT = Pattern.compile("(?iu)translat|proofread|revis|review|edit|tradu|перев|редакт|вычит|помощ|help|ajuda");
    private static final Pattern SOURCE_MD = Pattern.compile("(?iu)^(?:sources?|fontes?|источники?|originally published(?: in| by| at)?"
            + "|publicado originalmente(?: em| por| no| na)?|впервые опубликовано(?: в| на)?|первоисточник)\\s*[:—–-]");
    private static final Pattern CAPTION_MD = Pattern.compile("(?iu)^(?:photos?|pictures?|images?|fotos?|fotografias?|imagens?|фото(?:графии|графия)?"
            + "|снимки?|иллюстраци[яи]|credits?|créditos?)\\s*(?:by\\s*|de\\s*)?[:—–-]");
    private static final Pattern SHARE_MD = Pattern.compile("(?iu)^(?:share(?: this)?|compartilh[ea]r?|partilh[ea]r?|поделит(?:ь)?ся|поделитесь|репост)\\b");
    private static final Pattern SIGNATURE_MD = Pattern.compile("(?iu)^(?:[—–―]\\s*\\S.*|(?:the )?editors|(?:the )?editorial board"
            + "|(?:a |o )?reda[çc][ãa]o|(?:o )?conselho editorial|редакция|редколлегия)$");
    private static final String MONTH_WORD = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
            + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro"
            + "|novembro|dezembro|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])";
    private static final Pattern DATE_MD = Pattern.compile("(?iu)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?(?:"
            + "\\d{1,2}(?:st|nd|rd|th)?\\.?\\s*(?:de\\s+)?" + MONTH_WORD + "\\.?,?\\s*(?:de\\s+)?\\d{4}(?:\\s*(?:г\\.?|года))?"
            + "|" + MONTH_WORD + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?:\\s*г\\.?)?)$");

    /** What kind of page furniture a unit is, {@link #NONE} if it is text (markup, plain text, structure class). */
    static byte furnitureOf(String markup, String text, byte struct) {
        if (struct == LINK && markup.startsWith("[") && LINK_DEF.matcher(markup).matches()) return LINK_DEFINITION;
        if (text.length() > FURNITURE_LINE || struct == LIST || isHeadingClass(struct)) return NONE;
        String t = text.strip();
        while (!t.isEmpty() && (t.charAt(0) == '*' || t.charAt(0) == '_' || t.charAt(0) == '(')) t = t.substring(1).strip();
        if (CREDIT_MD.matcher(t).find() && CREDIT_WHAT.matcher(t).find()) return CREDIT;
        if (SOURCE_MD.matcher(t).find()) return SOURCE;
        if (CAPTION_MD.matcher(t).find()) return CAPTION;
        if (SHARE_MD.matcher(t).find() && t.length() <= 80) return SHARE;
        String bare = t.replaceAll("[*_)]+$", "").strip();
        if (DATE_MD.matcher(bare).matches()) return DATE;
        if (bare.length() <= 60 && SIGNATURE_MD.matcher(bare).matches()) return SIGNATURE;
        return NONE;
    }

    private static boolean isHeadingClass(byte s) {
        return s >= 1 && s <= 6;
    }

    private void extract(int i, Paragraph p, KeyBuffer buf, LexiconIndex.Side lexSide, Map<String, String> canon) {
        String markup = p.markup().strip();
        byte st = structureOf(p, markup);
        String text = p.text();
        if (p.markup().equals(p.text())) text = stripMarkdown(markup);
        text = text.strip();
        plain[i] = text;
        struct[i] = st;
        int nl = markup.indexOf('\n');
        // one line: its plain text is the paragraph's (stripMarkdown of the same string), not computed twice
        String first = nl < 0 && p.markup().equals(p.text()) ? text : stripMarkdown((nl < 0 ? markup : markup.substring(0, nl)).strip()).strip();
        leadIn[i] = first.length() > 1 && first.length() <= 60 && first.endsWith(":");
        furniture[i] = furnitureOf(markup, text, st);
        len[i] = Math.max(1, text.codePointCount(0, text.length()));

        whole[i] = markup.hashCode();
        this.lines[i] = KeyBuffer.EMPTY;
        if (nl >= 0) {
            buf.clear();
            for (String line : markup.split("\n")) if (!line.isBlank()) buf.add(line.strip().hashCode());
            this.lines[i] = buf.toSortedSet();
        }
        int lines = 0;
        for (int k = 0; k < markup.length(); k++) if (markup.charAt(k) == '\n') lines++;
        int commas = 0, q = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ',' || c == ';' || c == '•' || c == ':') commas++;
            else if (c == '«' || c == '“' || c == '„' || c == '"' || c == '(' || c == '[') q++;
        }
        // a list written in one paragraph with inline bullets: each bullet after the first opens an item
        int bullets = 0;
        if (markup.indexOf("* ") >= 0 || markup.indexOf("• ") >= 0 || markup.indexOf("- ") >= 0 || markup.indexOf("– ") >= 0) {
            Matcher b = INLINE_BULLET.matcher(markup);
            while (b.find()) bullets++;
        }
        seps[i] = Math.max(Math.max(lines, commas), bullets - 1);
        quotes[i] = q;

        buf.clear();
        boolean maybeUrl = markup.indexOf("://") >= 0 || markup.indexOf("www.") >= 0 || markup.indexOf('@') >= 0;
        Matcher m = URL_PATTERN.matcher(maybeUrl ? markup : "");
        while (m.find()) {
            String url = m.group().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                    .replaceAll("[/.,;:!?]+$", "");
            buf.add(("U:" + url).hashCode());
        }
        urls[i] = buf.toSortedSet();

        Words w = new Words(text, st >= 1 && st <= 6 || len[i] <= 40, lexSide != null, canon);
        if (st == LIST) {
            // the number of a numbered list item ("3. …") is an anchor: item 3 translates item 3
            int d = 0;
            while (d < markup.length() && d < 4 && Character.isDigit(markup.charAt(d))) d++;
            if (d > 0 && d < markup.length() && (markup.charAt(d) == '.' || markup.charAt(d) == ')')) {
                w.nums.add(("L" + Integer.parseInt(markup.substring(0, d))).hashCode());
            }
        }
        nums[i] = w.nums.toSortedSet();
        names[i] = w.names.toSortedSet();
        cogs[i] = w.cogs.toSortedSet();
        lex[i] = lexSide == null ? KeyBuffer.EMPTY : lexSide.keysOf(w.stems);
        if (st == LINK) {
            // a link-only line points to another language version: its title and target are no evidence
            nums[i] = urls[i] = names[i] = cogs[i] = lex[i] = KeyBuffer.EMPTY;
        }
    }

    static byte structureOf(Paragraph p, String markup) {
        BlockKind k = p.kind();
        switch (k) {
            case HEADING:
                return (byte) Math.max(1, Math.min(6, p.level() <= 0 ? 1 : p.level()));
            case LIST_ITEM:
                return LIST;
            case QUOTE:
                return QUOTE;
            case CODE:
                return CODE;
            case OTHER:
                return OTHER;
            default:
                break;
        }
        if (markup.isEmpty()) return PLAIN;
        if (mayBeNote(markup) && NOTE_MD.matcher(markup).find()) return NOTE;
        char c = markup.charAt(0);
        if (c == '#') {
            Matcher h = HEADING_MD.matcher(markup);
            if (h.matches()) return (byte) h.group(1).length();
        }
        if (c == '>') return QUOTE;
        // link reference definitions are page furniture like link-only lines: they pair with their counterpart only
        if (c == '[' && LINK_DEF.matcher(markup).matches()) return LINK;
        if (markup.startsWith("```")) return CODE;
        if ((c == '[' || c == '*' || c == '_' || c == '<' || c == 'h') && linkOnly(markup)) return LINK;
        if ((c == '*' || c == '_') && BOLD_OPEN.matcher(markup).matches()) return BOLD;
        if ((c == '-' || c == '*' || c == '+' || c == '•' || c == '–' || Character.isDigit(c)) && LIST_MD.matcher(markup).matches()) {
            return LIST;
        }
        return PLAIN;
    }

    /**
     * A line of nothing but links (a language switcher, "[English](…) | [Português](…)"), possibly bold or
     * italic, separated by white space, {@code |}, {@code ·} or commas, or one bare address; read by the markdown
     * model, so an address with parentheses is one link.
     */
    static boolean linkOnly(String markup) {
        if (URL_ONLY.matcher(markup).matches()) return true;
        if (markup.length() > 4096) return false;
        int depth = 0, links = 0;
        for (org.diptych.markdown.Markdown.Token t : org.diptych.markdown.Markdown.block(markup).tokens()) {
            switch (t.kind()) {
                case LINK -> {
                    if (t.role() == org.diptych.markdown.Markdown.Role.OPEN) {
                        if (depth++ == 0) links++;
                    } else {
                        depth--;
                    }
                }
                case STRONG, EMPHASIS, SOFT_BREAK, LAYOUT -> { }
                case TEXT -> {
                    if (depth == 0 && !t.plain().matches("[\\s|·,]*")) return false;
                }
                default -> {
                    if (depth == 0) return false;
                }
            }
        }
        return links > 0;
    }

    /** Whether the first letter of a line can start a note marker (t, n, п, р: translator, nota, примечание …). */
    private static boolean mayBeNote(String markup) {
        for (int i = 0; i < markup.length() && i < 8; i++) {
            char c = Character.toLowerCase(markup.charAt(i));
            if (Character.isLetter(c)) return c == 't' || c == 'n' || c == 'п' || c == 'р' || c == 'о';
        }
        return false;
    }

    /**
     * Plain text of a markdown line: markers, emphasis and link targets removed (the one markdown model's);
     * a line the model reads as code, HTML or a thematic break is left as written.
     */
    static String stripMarkdown(String s) {
        if (org.diptych.markdown.Markdown.isPlain(s)) return s;
        org.diptych.markdown.Markdown.Block b = org.diptych.markdown.Markdown.block(s);
        return b.kind() == BlockKind.OTHER || b.kind() == BlockKind.CODE ? s : b.plain();
    }

    // ---------------------------------------------------------------- tokenizer

    /** Month names of ru, en, pt → month number (Russian by stem, any case ending). */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("janeiro", 1), Map.entry("fevereiro", 2), Map.entry("março", 3), Map.entry("abril", 4),
            Map.entry("maio", 5), Map.entry("junho", 6), Map.entry("julho", 7), Map.entry("agosto", 8),
            Map.entry("setembro", 9), Map.entry("outubro", 10), Map.entry("novembro", 11), Map.entry("dezembro", 12));
    private static final String[] RU_MONTH_STEMS = {"январ", "феврал", "март", "апрел", "ма", "июн", "июл",
            "август", "сентябр", "октябр", "ноябр", "декабр"};

    static int month(String word, boolean capitalised) {
        if (word.length() > 9 || "jJfFmMaAsSoOnNdDяЯфФмМаАиИсСоОнНдД".indexOf(word.charAt(0)) < 0) return 0;
        String w = word.toLowerCase(Locale.ROOT);
        Integer m = MONTHS.get(w);
        if (m != null) return m;
        if (capitalised && w.equals("may")) return 5;
        if (!w.isEmpty() && Translit.isCyrillic(w.charAt(0))) {
            if (w.equals("май") || w.equals("мая") || w.equals("мае")) return 5;
            for (int k = 0; k < RU_MONTH_STEMS.length; k++) {
                if (k == 4) continue;
                String stem = RU_MONTH_STEMS[k];
                if (w.startsWith(stem) && w.length() - stem.length() <= 2) {
                    String end = w.substring(stem.length());
                    if (end.isEmpty() || end.matches("[ьяеюа]|ом|ем")) return k + 1;
                }
            }
        }
        return 0;
    }

    /** Roman numeral value, or 0 if the word is not an upper-case Roman numeral up to 3999. */
    static int roman(String w) {
        if (w.isEmpty() || w.length() > 12) return 0;
        int total = 0, prev = 0;
        for (int i = w.length() - 1; i >= 0; i--) {
            int v = switch (w.charAt(i)) {
                case 'I' -> 1; case 'V' -> 5; case 'X' -> 10; case 'L' -> 50;
                case 'C' -> 100; case 'D' -> 500; case 'M' -> 1000; default -> -1;
            };
            if (v < 0) return 0;
            if (v < prev) total -= v; else { total += v; prev = v; }
        }
        return total > 0 && total < 4000 && toRoman(total).equals(w) ? total : 0;
    }

    private static String toRoman(int n) {
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(s[i]); n -= v[i]; }
        return sb.toString();
    }

    /** One pass over a text collecting numbers, names, cognate keys and lexicon stems. */
    static final class Words {
        final KeyBuffer nums = new KeyBuffer(), names = new KeyBuffer(), cogs = new KeyBuffer();
        final List<String> stems = new ArrayList<>();
        private final boolean wantStems;
        private final Map<String, String> canon;

        Words(String text, boolean romanAllowed, boolean wantStems, Map<String, String> canon) {
            this.wantStems = wantStems;
            this.canon = canon;
            int n = text.length();
            boolean sentenceStart = true;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isDigit(c)) {
                    i = number(text, i);
                    sentenceStart = false;
                } else if (Character.isLetter(c)) {
                    int j = i;
                    while (j < n && (Character.isLetter(text.charAt(j)) || Character.getType(text.charAt(j)) == Character.NON_SPACING_MARK)) j++;
                    word(text.substring(i, j), sentenceStart, romanAllowed);
                    sentenceStart = false;
                    i = j;
                } else {
                    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '|' || c == '>') sentenceStart = true;
                    i++;
                }
            }
        }

        private void word(String w, boolean sentenceStart, boolean romanAllowed) {
            boolean cap = Character.isUpperCase(w.charAt(0));
            boolean allCaps = cap && w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT));
            if (romanAllowed && cap) {
                int r = roman(w);
                if (r > 0 && (w.length() > 1 || !sentenceStart)) {
                    nums.add(("#" + r).hashCode());
                    return;
                }
            }
            if (w.length() >= 3) {
                int mo = Units.month(w, cap);
                if (mo > 0) nums.add(("M" + mo).hashCode());
            }
            if (wantStems) stems.add(LexiconIndex.stem(w.toLowerCase(Locale.ROOT)));
            if (w.length() < 3 && !allCaps) return;
            String key = canon.get(w);
            if (key == null) {
                key = Translit.skeleton(w, 3);
                canon.put(w, key);
            }
            if (key.isEmpty()) return;
            if (allCaps && w.length() <= 8) {
                names.add(("P:" + Translit.canonical(w)).hashCode());
            } else if (cap && !sentenceStart) {
                names.add(("P:" + key).hashCode());
            }
            if (w.length() >= 4) cogs.add(("C:" + key).hashCode());
        }

        /** Reads a number starting at {@code i}; returns the index after it. */
        private int number(String t, int i) {
            int n = t.length();
            List<String> groups = new ArrayList<>(3);
            StringBuilder seps = new StringBuilder();
            int j = i;
            while (true) {
                int g = j;
                while (j < n && Character.isDigit(t.charAt(j))) j++;
                groups.add(t.substring(g, j));
                if (j + 1 < n && Character.isDigit(t.charAt(j + 1))) {
                    char s = t.charAt(j);
                    boolean space = s == ' ' || s == '\u00A0' || s == '\u202F';
                    if (s == '.' || s == ',' || s == '/' || (space && threeDigits(t, j + 1))
                            || (s == '-' && groups.size() == 1 && groups.get(0).length() == 4 && isoDate(t, j))
                            || (s == '-' && groups.size() == 2 && seps.charAt(0) == '-')) {
                        seps.append(space ? ' ' : s);
                        j++;
                        continue;
                    }
                }
                break;
            }
            emitNumber(groups, seps.toString());
            return j;
        }

        private static boolean threeDigits(String t, int at) {
            int k = at;
            while (k < t.length() && Character.isDigit(t.charAt(k))) k++;
            return k - at == 3;
        }

        private static boolean isoDate(String t, int dash) {
            return t.length() >= dash + 6 && Character.isDigit(t.charAt(dash + 1)) && Character.isDigit(t.charAt(dash + 2))
                    && t.charAt(dash + 3) == '-' && Character.isDigit(t.charAt(dash + 4));
        }

        private void emitNumber(List<String> g, String seps) {
            int k = g.size();
            if (k == 3 && seps.equals("--")) {
                num(g.get(0)); monthNumber(g.get(1)); num(g.get(2));
                return;
            }
            if (k == 3 && (seps.equals("..") || seps.equals("//")) && g.get(0).length() <= 2 && g.get(1).length() <= 2
                    && (g.get(2).length() == 2 || g.get(2).length() == 4)) {
                num(g.get(0)); monthNumber(g.get(1)); num(g.get(2));
                return;
            }
            if (k == 1) {
                num(g.get(0));
                return;
            }
            boolean thousands = seps.chars().allMatch(c -> c == seps.charAt(0)) && seps.charAt(0) != '/';
            for (int x = 1; x < k && thousands; x++) thousands = g.get(x).length() == 3;
            if (thousands && !(k == 2 && seps.charAt(0) != ' ' && g.get(0).length() > 3)) {
                num(String.join("", g));
                return;
            }
            if (k == 2 && (seps.equals(",") || seps.equals("."))) {
                nums.add(("#" + strip(g.get(0)) + "." + g.get(1)).hashCode());
                return;
            }
            for (String s : g) num(s);
        }

        private void num(String digits) {
            nums.add(("#" + strip(digits)).hashCode());
        }

        private void monthNumber(String digits) {
            int m = Integer.parseInt(strip(digits));
            nums.add(m >= 1 && m <= 12 ? ("M" + m).hashCode() : ("#" + m).hashCode());
        }

        private static String strip(String d) {
            int z = 0;
            while (z < d.length() - 1 && d.charAt(z) == '0') z++;
            return d.substring(z);
        }
    }

    /** A growable int list that ends as a sorted set. */
    static final class KeyBuffer {
        static final int[] EMPTY = new int[0];
        private int[] a = new int[16];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int k) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = k;
        }

        int[] toSortedSet() {
            if (size == 0) return EMPTY;
            int[] s = Arrays.copyOf(a, size);
            Arrays.sort(s);
            int w = 1;
            for (int r = 1; r < s.length; r++) if (s[r] != s[w - 1]) s[w++] = s[r];
            return w == s.length ? s : Arrays.copyOf(s, w);
        }
    }

    /** Size of the intersection of two sorted sets. */
    static int common(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) return 0;
        int i = 0, j = 0, c = 0;
        while (i < a.length && j < b.length) {
            int x = a[i], y = b[j];
            if (x == y) { c++; i++; j++; }
            else if (x < y) i++;
            else j++;
        }
        return c;
    }
}
