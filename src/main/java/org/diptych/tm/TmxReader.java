package org.diptych.tm;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.diptych.DiptychException;

/**
 * Streaming TMX reader (TMX 1.1–1.4b). The text is cut into {@code <tu>…</tu>} pieces as it streams and
 * each piece is parsed with StAX on its own, so a file of any size is read in constant memory and a
 * malformed unit (an unclosed tag, an undeclared entity) costs only that unit: it is skipped with a
 * line-numbered warning and the reading goes on. Every attribute, prop, note and inline element is kept.
 *
 * <p>A unit is kept when at least two of its variants are usable: a language code and a non-empty
 * segment. Variants in languages other than ru, en and pt are kept (stored and exported back; lookups
 * and concordance use ru, en and pt, any region, {@code EN_us} and {@code rus} accepted). Other variants
 * are dropped with a warning. A file that is not TMX at all is refused with a {@link DiptychException}.
 *
 * <p>The cutting skips comments, CDATA sections and processing instructions (a commented-out unit is
 * none; a {@code </tu>} in CDATA is text). No DTD is ever read: a DOCTYPE is ignored with a warning and an
 * entity it would declare (external or recursive) is undeclared, which costs only the unit using it.
 */
final class TmxReader {
    private static final Set<String> CODES = Set.of("bpt", "ept", "ph", "it", "ut");
    private static final XMLInputFactory FACTORY = newFactory();
    /** Characters of prolog (everything before the first unit, the header included) held at most. */
    static final int MAX_PROLOG = 64 << 20;

    /** The TMX {@code <header>}: its attributes in file order and its props and notes. */
    record Header(Map<String, String> attributes, List<TmMeta> meta, int line) {
        String srclang() {
            return attributes.get("srclang");
        }

        /** Nothing but Diptych's own props: no header of a file from elsewhere. */
        boolean isEmpty() {
            return attributes.isEmpty() && foreignMeta().isEmpty();
        }

        /** The props and notes without Diptych's own ({@code x-diptych-*}: generation, segment, kept headers). */
        List<TmMeta> foreignMeta() {
            List<TmMeta> out = new ArrayList<>();
            for (TmMeta m : meta) {
                if (m.kind() == TmMeta.Kind.PROP && m.type() != null && m.type().startsWith("x-diptych-")) continue;
                out.add(m);
            }
            return out;
        }

        /** This header (attributes, props and notes but Diptych's own) as a {@code <header>} element. */
        String toXml() {
            StringBuilder sb = new StringBuilder("<header");
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                sb.append(' ').append(e.getKey()).append("=\"").append(Xml.escapeAttr(e.getValue())).append('"');
            }
            sb.append('>');
            for (TmMeta m : foreignMeta()) {
                String n = m.kind() == TmMeta.Kind.PROP ? "prop" : "note";
                sb.append('<').append(n);
                for (Map.Entry<String, String> e : m.attributes().entrySet()) {
                    sb.append(' ').append(e.getKey()).append("=\"").append(Xml.escapeAttr(e.getValue())).append('"');
                }
                sb.append('>').append(Xml.escape(m.text())).append("</").append(n).append('>');
            }
            return sb.append("</header>").toString();
        }

        /** The value of the first header prop of that type, or {@code null}. */
        String prop(String type) {
            for (TmMeta m : meta) {
                if (m.kind() == TmMeta.Kind.PROP && type.equals(m.type())) return m.text();
            }
            return null;
        }
    }

    /** Parses a {@code <header>} element's text. */
    static Header parseHeader(String part, int line) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(part));
        r.nextTag();
        Map<String, String> attrs = attributes(r);
        List<TmMeta> meta = new ArrayList<>();
        while (r.next() != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals("header")) {
            if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("prop") || n.equals("note")) {
                    meta.add(new TmMeta(n.equals("prop") ? TmMeta.Kind.PROP : TmMeta.Kind.NOTE,
                            attributes(r), r.getElementText()));
                } else {
                    skipElement(r);
                }
            }
        }
        r.close();
        return new Header(attrs, meta, line);
    }

    /** Receives what the reader finds. */
    interface Handler {
        /** Called once, before any unit (with an empty header if the file has none). */
        default void header(Header header) throws IOException {}

        /** A valid unit and the line its {@code <tu>} starts on. */
        void unit(TmUnit unit, int line) throws IOException;

        /** Called now and then with the number of bytes read so far. */
        default void progress(long bytesRead) {}
    }

    /** Counts of one read. */
    record Result(long units, long skipped, Header header) {}

    private final Path file;
    private final TmxWarnings warnings;
    private boolean headerOnly;
    private long units;
    private long skipped;
    private Header header;

    TmxReader(Path file, TmxWarnings warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /**
     * Reads the whole file.
     *
     * @throws DiptychException if the file cannot be read or is not TMX (no {@code <tmx>} element)
     */
    Result read(Handler handler) throws IOException {
        TmxSource.Opened src;
        try {
            src = TmxSource.open(file, warnings);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        currentHandler = handler;
        try (Reader r = src.reader()) {
            new Chunker(r, handler, src).run();
        }
        return new Result(units, skipped, header);
    }

    /** Reads only the file's header (the prolog up to the first unit). */
    Header readHeader() throws IOException {
        headerOnly = true;
        read(new Handler() {
            @Override
            public void unit(TmUnit unit, int line) {}
        });
        return header;
    }

    /** Cuts the character stream into the prolog and {@code <tu>} pieces. */
    private final class Chunker {
        private final Reader in;
        private final Handler handler;
        private final TmxSource.Opened src;
        private final char[] buf = new char[1 << 16];
        private final StringBuilder text = new StringBuilder(1 << 18);
        private int pos; // start of the unread part of text
        private int line = 1; // line of text.charAt(pos)
        private boolean eof;
        private boolean sawEnd;
        private boolean inProlog = true;
        private final Batch batch = new Batch();

        Chunker(Reader in, Handler handler, TmxSource.Opened src) {
            this.in = in;
            this.handler = handler;
            this.src = src;
        }

        void run() throws IOException {
            int first = nextUnitStart(pos);
            String prolog = first < 0 ? text.substring(pos) : text.substring(pos, first);
            if (!prolog.contains("<tmx")) {
                String what = prolog.isBlank() ? "the file is empty" : prolog.contains("\uFFFD") || looksBinary(prolog)
                        ? "the file is not text in any known encoding" : "no <tmx> element";
                throw new DiptychException(file + ": not a TMX file (" + what + ")");
            }
            if (prolog.contains("<!DOCTYPE")) {
                warnings.add(line + countLines(prolog, 0, prolog.indexOf("<!DOCTYPE")),
                        "the file's DOCTYPE is ignored: no DTD is read and the entities it declares are not expanded");
            }
            readHeader(prolog);
            if (headerOnly) return;
            if (first < 0) {
                checkEnd(prolog);
                return;
            }
            consumeTo(first);
            long sinceProgress = 0;
            while (true) {
                // text at pos starts with "<tu"; the unit ends at its </tu>, or where the next <tu starts
                // (an unclosed unit), outside comments and CDATA sections
                int startEnd = startTagEnd(pos);
                int cut;
                if (startEnd > 0 && text.charAt(startEnd - 1) == '/') {
                    cut = startEnd + 1; // <tu .../>: an empty unit, reported as such
                } else {
                    long found = nextUnitMark(startEnd > 0 ? startEnd + 1 : pos + 3);
                    int at = (int) found;
                    if (found < 0) {
                        cut = text.length();
                        sawEnd = text.indexOf("</tmx>", pos) >= 0;
                    } else if (isEnd(at)) {
                        int gt = text.indexOf(">", at);
                        cut = gt < 0 ? text.length() : gt + 1;
                    } else {
                        cut = at;
                    }
                }
                String chunk = text.substring(pos, cut);
                int chunkLine = line;
                consumeTo(cut);
                batch.add(chunk, chunkLine, line);
                if (batch.size == Batch.UNITS) parseBatch(batch);
                if (++sinceProgress >= 1000) {
                    handler.progress(src.bytesRead().getAsLong());
                    sinceProgress = 0;
                }
                int again = nextUnitStart(pos);
                if (again < 0) {
                    parseBatch(batch);
                    checkEnd(text.substring(pos));
                    return;
                }
                consumeTo(again);
            }
        }

        /** The next unit start at or after {@code from} outside comments and CDATA, reading on as needed; -1 at the end. */
        private int nextUnitStart(int from) throws IOException {
            int i = from;
            while (true) {
                long m = nextUnitMark(i);
                if (m < 0) return -1;
                int at = (int) m;
                if (!isEnd(at)) return at;
                i = at + 4;
            }
        }

        private boolean isEnd(int at) {
            return text.charAt(at + 1) == '/';
        }

        /**
         * The position of the next {@code <tu} start or {@code </tu} end tag at or after {@code from}, skipping
         * comments, CDATA sections and processing instructions (a {@code </tu>} inside CDATA is text, a
         * commented-out unit is no unit); reads more input as needed; -1 at the end of the input.
         */
        private long nextUnitMark(int from) throws IOException {
            int i = from;
            while (true) {
                i = indexOfFilling("<", i);
                if (i < 0) return -1;
                ensure(i + 9);
                if (startsWith(i, "<!--")) {
                    i = skipPast(i + 4, "-->");
                } else if (startsWith(i, "<![CDATA[")) {
                    i = skipPast(i + 9, "]]>");
                } else if (startsWith(i, "<?")) {
                    i = skipPast(i + 2, "?>");
                } else if (startsWith(i, "<tu") && delimiter(i + 3)) {
                    return i;
                } else if (startsWith(i, "</tu") && (i + 4 >= text.length() || text.charAt(i + 4) == '>'
                        || Character.isWhitespace(text.charAt(i + 4)))) {
                    return i;
                } else {
                    i++;
                }
                if (i < 0) return -1;
            }
        }

        /** Index just past {@code end} found at or after {@code from}, or -1 at the end of the input. */
        private int skipPast(int from, String end) throws IOException {
            int i = from;
            while (true) {
                int k = text.indexOf(end, i);
                if (k >= 0) return k + end.length();
                if (eof) return -1;
                i = Math.max(from, text.length() - end.length());
                fill();
            }
        }

        private int indexOfFilling(String c, int from) throws IOException {
            int i = from;
            while (true) {
                int k = text.indexOf(c, i);
                if (k >= 0) return k;
                if (eof) return -1;
                i = Math.max(i, text.length());
                fill();
            }
        }

        /** Reads until {@code text} has at least {@code n} characters or the input ends. */
        private void ensure(int n) throws IOException {
            while (text.length() < n && !eof) fill();
        }

        private boolean startsWith(int at, String s) {
            if (at + s.length() > text.length()) return false;
            for (int k = 0; k < s.length(); k++) {
                if (text.charAt(at + k) != s.charAt(k)) return false;
            }
            return true;
        }

        private boolean delimiter(int at) {
            if (at >= text.length()) return false;
            char c = text.charAt(at);
            return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/';
        }

        /** The {@code >} of the start tag at {@code at} (quoted attribute values skipped), or -1. */
        private int startTagEnd(int at) throws IOException {
            int i = at + 1;
            char quote = 0;
            while (true) {
                ensure(i + 1);
                if (i >= text.length()) return -1;
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                } else if (c == '<') {
                    return -1;
                }
                i++;
            }
        }

        /**
         * While no unit was found yet the prolog is kept whole (the header is parsed from it): a text without
         * {@code <tmx} after 64 KB is no TMX file, and a prolog is held for at most {@value #MAX_PROLOG} characters.
         */
        private void checkProlog() {
            if (inProlog && text.length() - pos > 65536 && text.indexOf("<tmx") < 0) {
                String head = text.substring(pos, Math.min(text.length(), pos + 4096));
                throw new DiptychException(file + ": not a TMX file (" + (head.contains("\uFFFD") || looksBinary(head)
                        ? "the file is not text in any known encoding" : "no <tmx> element") + ")");
            }
            if (inProlog && text.length() - pos > MAX_PROLOG) {
                throw new DiptychException(file + ": not read: no <tu> in the first " + (MAX_PROLOG >> 20)
                        + " M characters (a TMX header that long is not supported)");
            }
        }

        private void checkEnd(String tail) {
            if (!tail.contains("</tmx>") && !sawEnd) {
                warnings.add(line + countLines(tail, 0, tail.length()), "the file ends without </tmx> (cut off?)");
            }
        }

        private boolean looksBinary(String s) {
            int ctl = 0;
            for (int i = 0; i < Math.min(s.length(), 4096); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ctl++;
            }
            return ctl > 8;
        }

        /** Appends more input; first drops the consumed part when it is large (indexes shift by pos). */
        private void fill() throws IOException {
            int n = in.read(buf);
            if (n < 0) {
                eof = true;
            } else {
                text.append(buf, 0, n);
                checkProlog();
            }
        }

        /** Drops consumed text; call only where no absolute index is held. */
        private void compact() {
            if (pos > (1 << 18)) {
                text.delete(0, pos);
                pos = 0;
            }
        }

        private void consumeTo(int to) {
            inProlog = false;
            line += countLines(text, pos, to);
            pos = to;
            compact();
        }

        private void readHeader(String prolog) throws IOException {
            int h = prolog.indexOf("<header");
            Header hd;
            if (h < 0) {
                warnings.add(line, "no <header> element");
                hd = new Header(Map.of(), List.of(), 0);
            } else {
                int hLine = line + countLines(prolog, 0, h);
                int close = prolog.indexOf("</header>", h);
                int gt = prolog.indexOf('>', h);
                String part;
                if (gt > 0 && prolog.charAt(gt - 1) == '/') part = prolog.substring(h, gt + 1);
                else if (close > 0) part = prolog.substring(h, close + 9);
                else part = null;
                hd = null;
                if (part != null) {
                    try {
                        hd = parseHeader(part, hLine);
                    } catch (XMLStreamException | RuntimeException e) {
                        warnings.add(hLine, "malformed <header> (" + reason(e) + "); header ignored");
                    }
                } else {
                    warnings.add(hLine, "unclosed <header>; header ignored");
                }
                if (hd == null) hd = new Header(Map.of(), List.of(), hLine);
                String sl = hd.srclang();
                if (sl == null || sl.isBlank()) {
                    warnings.add(hLine, "<header> has no srclang; each unit's languages are taken as they are");
                }
            }
            header = hd;
            handler.header(hd);
        }
    }

    /** Units cut from the text, parsed together: their texts, the line each starts on and the line it ends on. */
    private static final class Batch {
        static final int UNITS = 64;
        final String[] chunks = new String[UNITS];
        final int[] lines = new int[UNITS];
        final int[] ends = new int[UNITS];
        int size;
        int chars;

        void add(String chunk, int line, int endLine) {
            chunks[size] = chunk;
            lines[size] = line;
            ends[size] = endLine;
            size++;
            chars += chunk.length();
        }

        void clear() {
            java.util.Arrays.fill(chunks, 0, size, null);
            size = 0;
            chars = 0;
        }
    }

    /** Warnings of one unit of a batch, given to {@link #warnings} only once the whole batch has parsed. */
    private List<Object[]> deferred;

    private void warn(int line, String message) {
        if (deferred != null) deferred.add(new Object[] {line, message});
        else warnings.add(line, message);
    }

    /**
     * Parses the batch's units with one StAX reader (setting up a reader, and its prolog, for each unit cost
     * the reading thread more than the unit's own parsing): the units joined inside one element, with as
     * many line breaks between two of them as the file has, so that every line number is the file's. If any
     * of them is malformed, each is parsed on its own as before ({@link #parseUnit}); so the units, warnings
     * and their order are those of parsing them one by one.
     */
    private void parseBatch(Batch b) throws IOException {
        if (b.size == 0) return;
        if (b.size == 1) {
            parseUnit(b.chunks[0], b.lines[0]);
            b.clear();
            return;
        }
        StringBuilder sb = new StringBuilder(b.chars + 16 + b.size * 2);
        sb.append("<x>");
        for (int i = 0; i < b.size; i++) {
            if (i > 0) for (int k = b.ends[i - 1]; k < b.lines[i]; k++) sb.append('\n');
            sb.append(b.chunks[i]);
        }
        sb.append("</x>");
        RawUnit[] raws = new RawUnit[b.size];
        List<List<Object[]>> unitWarnings = new ArrayList<>(b.size);
        boolean ok;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(sb.toString()));
            r.nextTag();
            int n = 0;
            ok = true;
            while (ok) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) break;
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (n == b.size || !"tu".equals(r.getLocalName())) {
                        ok = false;
                    } else {
                        deferred = new ArrayList<>(0);
                        raws[n++] = parseTu(r, b.lines[0]);
                        unitWarnings.add(deferred);
                        deferred = null;
                    }
                } else if (ev != XMLStreamConstants.CHARACTERS && ev != XMLStreamConstants.SPACE || !r.isWhiteSpace()) {
                    ok = false;
                }
            }
            if (ok) ok = n == b.size && r.next() == XMLStreamConstants.END_DOCUMENT;
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            ok = false;
        } finally {
            deferred = null;
        }
        if (!ok) {
            for (int i = 0; i < b.size; i++) parseUnit(b.chunks[i], b.lines[i]);
            b.clear();
            return;
        }
        for (int i = 0; i < b.size; i++) {
            for (Object[] w : unitWarnings.get(i)) warnings.add((Integer) w[0], (String) w[1]);
            TmUnit u = validate(raws[i], b.lines[i]);
            if (u == null) {
                skipped++;
            } else {
                units++;
                handlerUnit(u, b.lines[i]);
            }
        }
        b.clear();
    }

    private void parseUnit(String chunk, int line) throws IOException {
        RawUnit raw;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(chunk));
            r.nextTag();
            raw = parseTu(r, line);
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            // StAX parsers throw runtime exceptions too (Woodstox's lazy parsing: an undeclared entity)
            XMLStreamException x = e instanceof XMLStreamException xe ? xe
                    : e.getCause() instanceof XMLStreamException xe ? xe : null;
            javax.xml.stream.Location loc = x == null ? null : x.getLocation();
            int at = loc == null ? line : line + Math.max(0, loc.getLineNumber() - 1);
            String tuid = tuidOf(chunk);
            warnings.add(line, "malformed " + (tuid == null ? "unit" : "unit tuid=" + tuid) + " ("
                    + (x != null ? reason(x) : reason(e)) + (at != line ? ", line " + at : "") + "); unit skipped");
            skipped++;
            return;
        }
        TmUnit u = validate(raw, line);
        if (u == null) {
            skipped++;
        } else {
            units++;
            handlerUnit(u, line);
        }
    }

    private Handler currentHandler;

    private void handlerUnit(TmUnit u, int line) throws IOException {
        currentHandler.unit(u, line);
    }

    private static final java.util.regex.Pattern TUID = java.util.regex.Pattern.compile(
            "^<tu\\b[^>]*?\\btuid\\s*=\\s*[\"']([^\"'<>]{1,80})[\"']");

    /** The tuid of a unit's raw text, or null. */
    private static String tuidOf(String chunk) {
        java.util.regex.Matcher m = TUID.matcher(chunk);
        return m.find() ? m.group(1) : null;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) m = m.substring(i + 9);
        int at = m.indexOf(" at [row,col");
        if (at >= 0) m = m.substring(0, at);
        m = m.replace('\n', ' ').trim();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    private record RawVariant(String lang, int line, Map<String, String> attributes, List<TmMeta> meta,
                              String segXml, String text, String tags, boolean hasSeg, String codeProblem) {}

    private record RawUnit(Map<String, String> attributes, List<TmMeta> meta, List<RawVariant> variants) {}

    private RawUnit parseTu(XMLStreamReader r, int baseLine) throws XMLStreamException {
        if (!"tu".equals(r.getLocalName())) throw new XMLStreamException("expected <tu>");
        Map<String, String> attrs = attributes(r);
        List<TmMeta> meta = new ArrayList<>();
        List<RawVariant> variants = new ArrayList<>();
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) break;
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String n = r.getLocalName();
            int at = baseLine + r.getLocation().getLineNumber() - 1;
            switch (n) {
                case "note", "prop" -> meta.add(new TmMeta(n.equals("prop") ? TmMeta.Kind.PROP : TmMeta.Kind.NOTE,
                        attributes(r), r.getElementText()));
                case "tuv" -> variants.add(parseTuv(r, at, baseLine));
                default -> {
                    warn(at, "unknown element <" + n + "> in <tu>; ignored");
                    skipElement(r);
                }
            }
        }
        return new RawUnit(attrs, meta, variants);
    }

    private RawVariant parseTuv(XMLStreamReader r, int line, int baseLine) throws XMLStreamException {
        Map<String, String> attrs = attributes(r);
        String lang = attrs.remove("xml:lang");
        if (lang == null) lang = attrs.remove("lang"); // TMX 1.1–1.2
        List<TmMeta> meta = new ArrayList<>();
        String segXml = "";
        String text = "";
        String tags = "";
        String problem = null;
        boolean hasSeg = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) break;
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String n = r.getLocalName();
            switch (n) {
                case "note", "prop" -> meta.add(new TmMeta(n.equals("prop") ? TmMeta.Kind.PROP : TmMeta.Kind.NOTE,
                        attributes(r), r.getElementText()));
                case "seg" -> {
                    String[] s = parseSeg(r);
                    segXml = s[0];
                    text = s[1];
                    tags = s[2];
                    problem = s[3];
                    hasSeg = true;
                }
                default -> {
                    warn(baseLine + r.getLocation().getLineNumber() - 1, "unknown element <" + n + "> in <tuv>; ignored");
                    skipElement(r);
                }
            }
        }
        return new RawVariant(lang, line, attrs, meta, segXml, text, tags, hasSeg, problem);
    }

    /**
     * Reads a {@code <seg>}'s content: {XML as written, plain text, inline element names, the first problem
     * of its inline codes or null}. Problems (TMX 1.4b): a {@code bpt} or {@code ept} without {@code i}, an
     * {@code ept} without its {@code bpt} before it, a {@code bpt} never closed, two open {@code bpt}s with
     * one {@code i}, an {@code it} without {@code pos="begin|end"}, a code inside a code outside {@code sub},
     * an unknown element.
     */
    static String[] parseSeg(XMLStreamReader r) throws XMLStreamException {
        // Most segments are one text without elements: their XML is their text escaped (the same string when
        // there is nothing to escape), so the XML is only built once an element is met.
        StringBuilder xml = null;
        String text1 = "";
        StringBuilder text = null;
        StringBuilder tags = null;
        int depth = 0;
        int codeDepth = 0;
        boolean openPending = false;
        List<String> names = null;
        java.util.Set<String> openI = null;
        String problem = null;
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (xml == null) {
                        xml = new StringBuilder(64).append(Xml.escape(text == null ? text1 : text.toString()));
                        names = new ArrayList<>();
                        openI = new java.util.LinkedHashSet<>();
                    }
                    if (openPending) xml.append('>');
                    String local = r.getLocalName();
                    String name = qname(r.getPrefix(), local);
                    names.add(name);
                    xml.append('<').append(name);
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        xml.append(' ').append(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)))
                                .append("=\"").append(Xml.escapeAttr(r.getAttributeValue(i))).append('"');
                    }
                    openPending = true;
                    if (problem == null) problem = codeProblem(r, local, names, openI);
                    depth++;
                    if (CODES.contains(local)) codeDepth++;
                    if (CODES.contains(local) || local.equals("hi")) {
                        if (tags == null) tags = new StringBuilder();
                        else tags.append(',');
                        tags.append(local);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        if (problem == null && openI != null && !openI.isEmpty()) {
                            problem = "<bpt i=\"" + openI.iterator().next() + "\"> has no <ept>";
                        }
                        String t = text == null ? text1 : text.toString();
                        return new String[] {xml == null ? Xml.escape(t) : xml.toString(), t,
                                tags == null ? "" : tags.toString(), problem};
                    }
                    String name = names.remove(names.size() - 1);
                    if (openPending) {
                        xml.append("/>");
                        openPending = false;
                    } else {
                        xml.append("</").append(name).append('>');
                    }
                    depth--;
                    if (CODES.contains(r.getLocalName())) codeDepth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (openPending) {
                        xml.append('>');
                        openPending = false;
                    }
                    String s = r.getText();
                    if (xml != null) xml.append(Xml.escape(s));
                    if (codeDepth == 0) {
                        if (text != null) {
                            text.append(s);
                        } else if (text1.isEmpty()) {
                            text1 = s;
                        } else {
                            text = new StringBuilder(text1.length() + s.length() + 16).append(text1).append(s);
                        }
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unclosed <seg>");
                default -> {
                    // comments and processing instructions inside a segment are not kept
                }
            }
        }
    }

    /** What is wrong with a start tag at this place in a segment (names: the open elements, itself last), or null. */
    private static String codeProblem(XMLStreamReader r, String local, List<String> names, java.util.Set<String> openI) {
        if (!CODES.contains(local) && !local.equals("hi") && !local.equals("sub")) return "unknown element <" + local + ">";
        String parent = names.size() >= 2 ? names.get(names.size() - 2) : null;
        if (CODES.contains(local) && parent != null && CODES.contains(parent)) {
            return "<" + local + "> inside <" + parent + "> (codes go inside codes only through <sub>)";
        }
        if (local.equals("sub") && (parent == null || !CODES.contains(parent))) return "<sub> outside a code";
        String i = r.getAttributeValue(null, "i");
        switch (local) {
            case "bpt" -> {
                if (i == null || i.isBlank()) return "<bpt> without i";
                if (!openI.add(i)) return "two open <bpt> with i=\"" + i + "\"";
            }
            case "ept" -> {
                if (i == null || i.isBlank()) return "<ept> without i";
                if (!openI.remove(i)) return "<ept i=\"" + i + "\"> without its <bpt> before it";
            }
            case "it" -> {
                String pos = r.getAttributeValue(null, "pos");
                if (!"begin".equals(pos) && !"end".equals(pos)) return "<it> without pos=\"begin\" or \"end\"";
            }
            default -> { }
        }
        return null;
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            m.put(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
        }
        return m;
    }

    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private TmUnit validate(RawUnit raw, int line) {
        String tuid = raw.attributes().get("tuid");
        String what = tuid == null ? "unit" : "unit tuid=" + tuid;
        List<TmVariant> ok = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean undecodable = false;
        for (RawVariant v : raw.variants()) {
            if (v.lang() == null || v.lang().isBlank()) {
                problems.add("a <tuv> without xml:lang (line " + v.line() + ")");
                continue;
            }
            if (TmLanguages.normalizeOrNull(v.lang()) == null && !TmLanguages.isLanguageTag(v.lang())) {
                problems.add("'" + v.lang() + "' is not a language code");
                continue;
            }
            if (!v.hasSeg()) {
                problems.add("no <seg> for " + v.lang());
                continue;
            }
            if (v.text().isBlank() && v.tags().isEmpty()) {
                problems.add("empty <seg> for " + v.lang());
                continue;
            }
            if (v.segXml().indexOf('\uFFFD') >= 0) undecodable = true;
            if (v.codeProblem() != null) {
                warnings.add(v.line(), what + ": inline codes of the " + v.lang() + " segment are malformed ("
                        + v.codeProblem() + "); its text is kept, codes that do not pair are left out when inserted");
            }
            ok.add(new TmVariant(v.lang(), v.attributes(), v.meta(), v.segXml(), v.text(), v.tags()));
        }
        if (undecodable) {
            warnings.add(line, what + " skipped: it has bytes that could not be decoded in the file's encoding");
            return null;
        }
        if (raw.variants().isEmpty()) {
            warnings.add(line, what + " skipped: it has no <tuv>");
            return null;
        }
        if (ok.size() < 2) {
            warnings.add(line, what + " skipped: " + String.join("; ", problems)
                    + (problems.isEmpty() ? "only one language" : "") + " (fewer than two usable languages left)");
            return null;
        }
        if (!problems.isEmpty()) {
            warnings.add(line, what + ": " + String.join("; ", problems) + "; those variants dropped");
        }
        Map<String, String> attrs = raw.attributes();
        String headerSrc = header == null ? null : header.srclang();
        if (!attrs.containsKey("srclang") && headerSrc != null && !headerSrc.isBlank()
                && !headerSrc.equalsIgnoreCase("*all*")) {
            attrs = new LinkedHashMap<>(attrs);
            attrs.put("srclang", headerSrc);
        }
        return new TmUnit(UnitIds.idFor(raw.meta(), ok), attrs, raw.meta(), ok);
    }

    static int countLines(CharSequence s, int from, int end) {
        int n = 0;
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == '\n') n++;
        }
        return n;
    }
}
