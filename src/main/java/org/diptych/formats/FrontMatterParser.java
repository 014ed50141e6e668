package org.diptych.formats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;

/**
 * Splits a post into its front matter and body, and reads the front matter's keys as typed data.
 * <p>
 * A post has front matter when its first line is {@code ---} (YAML, closed by {@code ---} or {@code ...}) or
 * {@code +++} (TOML, closed by {@code +++}), as Jekyll and Hugo require. YAML is read with snakeyaml-engine's
 * event parser (the YAML 1.2 library Okapi's YAML filter brings) and built into values here, iteratively and
 * under limits (depth {@value #MAX_DEPTH}, {@value #MAX_ALIASES} aliases, {@value #MAX_BYTES} characters), so a
 * hostile block ends in one line instead of a stack overflow; plain scalars are resolved as the YAML 1.2 core
 * schema says (integers, floats, booleans, null as {@code ""}) plus dates and Jekyll date-times
 * ({@link FrontMatter.DateValue}). TOML is read by {@link TomlReader} (Jackson's TOML parser).
 * {@link FrontMatter#raw()} is the block exactly as written, delimiters included; {@link #withValue} edits that
 * text minimally.
 */
public final class FrontMatterParser {
    /**
     * A post split in two.
     *
     * @param frontMatter   the front matter ({@link FrontMatter#NONE} if there is none)
     * @param body          the text after the front matter, leading blank lines removed
     * @param bodyFirstLine the 1-based line number in the file where {@code body} starts
     */
    public record Split(FrontMatter frontMatter, String body, int bodyFirstLine) {}

    /** Deepest nesting of lists and maps accepted in front matter. */
    public static final int MAX_DEPTH = 64;
    /** Largest front matter accepted, in characters. */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_ALIASES = 100;

    private FrontMatterParser() {}

    /**
     * Splits {@code text} (newlines already {@code \n}, no byte order mark).
     *
     * @throws DiptychException naming {@code fileName} if the front matter is never closed or is malformed
     */
    public static Split split(String text, String fileName) {
        int firstEnd = text.indexOf('\n');
        String first = (firstEnd < 0 ? text : text.substring(0, firstEnd)).stripTrailing();
        FrontMatter.Style style;
        if (first.equals("---")) style = FrontMatter.Style.YAML;
        else if (first.equals("+++")) style = FrontMatter.Style.TOML;
        else return new Split(FrontMatter.NONE, stripLeadingBlankLines(text), 1 + leadingBlankLines(text));

        int closeStart = -1, closeEnd = -1, closeLine = -1;
        int pos = firstEnd < 0 ? text.length() : firstEnd + 1;
        int line = 2;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String l = end - pos > 64 ? "" : text.substring(pos, end).stripTrailing();
            boolean closes = style == FrontMatter.Style.YAML ? l.equals("---") || l.equals("...") : l.equals("+++");
            if (closes) {
                closeStart = pos;
                closeEnd = end;
                closeLine = line;
                break;
            }
            pos = end + 1;
            line++;
        }
        if (closeStart < 0) {
            throw new DiptychException(fileName + ": front matter opened with '" + first + "' on line 1 is never closed"
                    + " (no closing '" + first + "' line)");
        }
        String raw = text.substring(0, closeEnd);
        String content = text.substring(firstEnd + 1, closeStart);
        Map<String, Object> fields = fields(style, content, fileName);
        String after = closeEnd + 1 <= text.length() ? text.substring(Math.min(text.length(), closeEnd + 1)) : "";
        return new Split(new FrontMatter(style, raw, fields), stripLeadingBlankLines(after),
                closeLine + 1 + leadingBlankLines(after));
    }

    private static Map<String, Object> fields(FrontMatter.Style style, String content, String fileName) {
        if (content.length() > MAX_BYTES) {
            throw new DiptychException(fileName + ": front matter is " + content.length() / 1024
                    + " KB, more than the limit of " + MAX_BYTES / 1024 + " KB (a post's front matter is a few lines); not read");
        }
        return style == FrontMatter.Style.YAML ? yaml(content, fileName).fields : TomlReader.read(content, fileName, 2);
    }

    private static int leadingBlankLines(String s) {
        int n = 0, i = 0;
        while (true) {
            int nl = s.indexOf('\n', i);
            if (nl < 0 || !s.substring(i, nl).isBlank()) return n;
            n++;
            i = nl + 1;
        }
    }

    private static String stripLeadingBlankLines(String s) {
        int i = 0;
        while (true) {
            int nl = s.indexOf('\n', i);
            if (nl < 0 || !s.substring(i, nl).isBlank()) return s.substring(i);
            i = nl + 1;
        }
    }

    // ---------------------------------------------------------------- YAML

    /**
     * Where a top-level key's value sits in the YAML text, for minimal edits; for a list, where each item's node
     * starts and ends ({@code {start, end}}, the end after its last scalar), empty for other values.
     */
    record Slot(int keyStart, int valueStart, int valueEnd, ScalarStyle scalarStyle, boolean collection, boolean flow,
                List<int[]> items) {
        Slot(int keyStart, int valueStart, int valueEnd, ScalarStyle scalarStyle, boolean collection, boolean flow) {
            this(keyStart, valueStart, valueEnd, scalarStyle, collection, flow, List.of());
        }
    }

    /** Fields read from YAML and the top-level slots. */
    record Yaml(Map<String, Object> fields, Map<String, Slot> slots) {}

    private static final class Frame {
        final Object container;
        String key;
        boolean haveKey;
        int keyStart = -1;
        final int valueStart;
        final String topKey;
        final int topKeyStart;
        /** The items of a top-level list: {start, end} of each. */
        final List<int[]> items = new ArrayList<>();
        /** Set when this collection is an item of a top-level list: that list's frame. */
        Frame itemOf;
        boolean flow;

        Frame(Object container, int valueStart, String topKey, int topKeyStart) {
            this.container = container;
            this.valueStart = valueStart;
            this.topKey = topKey;
            this.topKeyStart = topKeyStart;
        }
    }

    /** Reads YAML front matter (the text between the delimiters; line 1 of it is line 2 of the file). */
    static Yaml yaml(String yaml, String fileName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Slot> slots = new LinkedHashMap<>();
        if (yaml.isBlank()) return new Yaml(fields, slots);
        LoadSettings settings = LoadSettings.builder().setLabel(fileName).setCodePointLimit(MAX_BYTES * 2)
                .setMaxAliasesForCollections(MAX_ALIASES).build();
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, Object> anchors = new HashMap<>();
        int documents = 0, aliases = 0, lastEnd = 0;
        int lastItemEnd = 0; // the end of the last scalar, alias or flow collection (a block collection's end mark is the next token's)
        boolean rootSeen = false;
        Event ev = null;
        try {
            Iterator<Event> it = new Parse(settings).parseString(yaml).iterator();
            while (it.hasNext()) {
                ev = it.next();
                switch (ev.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) throw userError(fileName, ev, yaml, "more than one YAML document");
                    }
                    case MappingStart, SequenceStart -> {
                        boolean map = ev.getEventId() == Event.ID.MappingStart;
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!map) throw userError(fileName, ev, yaml, "the front matter is a list, not keys with values");
                            stack.push(new Frame(fields, 0, null, -1));
                            continue;
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw userError(fileName, ev, yaml, "lists and maps nested more than " + MAX_DEPTH
                                    + " deep (the limit for front matter)");
                        }
                        Object c = map ? new LinkedHashMap<String, Object>() : new ArrayList<>();
                        Frame parent = stack.peek();
                        String topKey = stack.size() == 1 ? parent.key : null;
                        int topKeyStart = stack.size() == 1 ? parent.keyStart : -1;
                        if (isKeyPosition(parent)) throw userError(fileName, ev, yaml, "a list or map used as a key");
                        add(parent, c);
                        anchor(ev, c, anchors);
                        Frame f = new Frame(c, index(ev.getStartMark(), yaml), topKey, topKeyStart);
                        f.flow = ((CollectionStartEvent) ev).isFlow();
                        if (stack.size() == 2 && parent.topKey != null && parent.container instanceof List<?>) {
                            f.itemOf = parent;
                        }
                        stack.push(f);
                        if (topKey != null) {
                            slots.put(topKey, new Slot(topKeyStart, f.valueStart, -1, null, true,
                                    ((CollectionStartEvent) ev).isFlow(), f.items));
                        }
                    }
                    case MappingEnd, SequenceEnd -> {
                        Frame f = stack.pop();
                        if (f.flow && ev.getEndMark().isPresent()) lastItemEnd = Math.max(lastItemEnd, index(ev.getEndMark(), yaml));
                        if (f.itemOf != null) f.itemOf.items.add(new int[] {f.valueStart, lastItemEnd});
                        if (ev.getEndMark().isPresent() && stack.size() == 1 && f.topKey != null) {
                            Slot s = slots.get(f.topKey);
                            int end = s.flow() ? index(ev.getEndMark(), yaml) : lastEnd;
                            slots.put(f.topKey, new Slot(s.keyStart(), s.valueStart(), end, null, true, s.flow(), s.items()));
                        }
                        if (f.container instanceof Map<?, ?> && f.haveKey) add(f, ""); // a key without value
                        if (ev.getEndMark().isPresent()) lastEnd = Math.max(lastEnd, index(ev.getEndMark(), yaml));
                    }
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) ev;
                        Object value = resolve(s);
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!"".equals(value)) throw userError(fileName, ev, yaml, "the front matter is a single value, not keys with values");
                            continue;
                        }
                        Frame parent = stack.peek();
                        int start = index(ev.getStartMark(), yaml), end = index(ev.getEndMark(), yaml);
                        if (stack.size() == 1 && !parent.haveKey) {
                            parent.key = String.valueOf(value);
                            parent.haveKey = true;
                            parent.keyStart = start;
                        } else {
                            if (stack.size() == 1) {
                                slots.put(parent.key, new Slot(parent.keyStart, start, end, s.getScalarStyle(), false, false));
                            }
                            if (stack.size() == 2 && parent.topKey != null && parent.container instanceof List<?>) {
                                parent.items.add(new int[] {start, end});
                            }
                            add(parent, value);
                        }
                        anchor(ev, value, anchors);
                        lastEnd = Math.max(lastEnd, end);
                        lastItemEnd = Math.max(lastItemEnd, end);
                    }
                    case Alias -> {
                        if (++aliases > MAX_ALIASES) throw userError(fileName, ev, yaml, "more than " + MAX_ALIASES + " aliases");
                        String name = ((AliasEvent) ev).getAlias().getValue();
                        if (!anchors.containsKey(name)) throw userError(fileName, ev, yaml, "alias *" + name + " names no anchor");
                        if (!rootSeen) throw userError(fileName, ev, yaml, "the front matter is a single value, not keys with values");
                        Frame parent = stack.peek();
                        if (isKeyPosition(parent)) {
                            parent.key = String.valueOf(anchors.get(name));
                            parent.haveKey = true;
                        } else {
                            if (stack.size() == 2 && parent.topKey != null && parent.container instanceof List<?>) {
                                parent.items.add(new int[] {index(ev.getStartMark(), yaml), index(ev.getEndMark(), yaml)});
                            }
                            add(parent, anchors.get(name));
                        }
                        lastEnd = Math.max(lastEnd, index(ev.getEndMark(), yaml));
                        lastItemEnd = Math.max(lastItemEnd, index(ev.getEndMark(), yaml));
                    }
                    default -> { }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark();
            throw new DiptychException(fileName + ": front matter is not valid YAML"
                    + m.map(mark -> " at line " + (mark.getLine() + 2)).orElse("") + ": " + clean(e.getProblem())
                    + m.map(mark -> lineText(yaml, mark.getLine())).orElse(""));
        } catch (YamlEngineException e) {
            throw new DiptychException(fileName + ": front matter is not valid YAML"
                    + (ev != null ? " at line " + (line(ev) + 2) : "") + ": " + clean(e.getMessage()));
        }
        return new Yaml(fields, slots);
    }

    private static boolean isKeyPosition(Frame f) {
        return f.container instanceof Map<?, ?> && !f.haveKey;
    }

    @SuppressWarnings("unchecked")
    private static void add(Frame f, Object value) {
        if (f.container instanceof List<?> l) {
            ((List<Object>) l).add(value);
        } else if (!f.haveKey) {
            f.key = String.valueOf(value);
            f.haveKey = true;
        } else {
            ((Map<String, Object>) f.container).put(f.key, value);
            f.haveKey = false;
        }
    }

    private static void anchor(Event ev, Object value, Map<String, Object> anchors) {
        if (ev instanceof NodeEvent n) n.getAnchor().ifPresent(a -> anchors.put(a.getValue(), value));
    }

    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|0o[0-7_]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    /** A scalar as its YAML 1.2 core schema type (plus dates); quoted and tagged scalars stay text. */
    static Object resolve(ScalarEvent s) {
        String v = s.getValue();
        if (!s.isPlain() || s.getTag().isPresent()) {
            if (s.getTag().isPresent() && s.getTag().get().endsWith(":int")) return resolvePlain(v);
            return v;
        }
        return resolvePlain(v);
    }

    private static Object resolvePlain(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL" -> { return ""; }
            case "true", "True", "TRUE" -> { return Boolean.TRUE; }
            case "false", "False", "FALSE" -> { return Boolean.FALSE; }
            default -> { }
        }
        if (v.length() < 20 && INT.matcher(v).matches()) {
            try {
                String d = v.replace("_", "");
                long n = d.startsWith("0x") ? Long.parseLong(d.substring(2), 16)
                        : d.startsWith("0o") ? Long.parseLong(d.substring(2), 8) : Long.parseLong(d);
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) return (int) n;
                return n;
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (v.length() < 40 && FLOAT.matcher(v).matches() && v.chars().anyMatch(Character::isDigit)) {
            return Double.parseDouble(v.replace("_", ""));
        }
        if (v.length() >= 10 && Character.isDigit(v.charAt(0))) {
            FrontMatter.DateValue d = FrontMatter.DateValue.parse(v);
            if (d != null) return d;
        }
        return v;
    }

    private static int index(Optional<Mark> m, String text) {
        if (m.isEmpty()) return -1;
        int cp = m.get().getIndex();
        try {
            return text.offsetByCodePoints(0, Math.min(cp, text.codePointCount(0, text.length())));
        } catch (IndexOutOfBoundsException e) {
            return Math.min(cp, text.length());
        }
    }

    private static int line(Event ev) {
        return ev.getStartMark().map(Mark::getLine).orElse(0);
    }

    private static DiptychException userError(String fileName, Event ev, String yaml, String reason) {
        return new DiptychException(fileName + ": front matter is not valid at line " + (line(ev) + 2) + ": " + reason);
    }

    /** " ('text of the line')", abbreviated, or "" for an empty line. */
    private static String lineText(String yaml, int line0) {
        int start = 0;
        for (int i = 0; i < line0; i++) {
            int nl = yaml.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = yaml.indexOf('\n', start);
        String l = yaml.substring(start, end < 0 ? yaml.length() : end).strip();
        return l.isEmpty() ? "" : " ('" + abbreviate(l) + "')";
    }

    /** One line: control characters out, at most 60 characters. */
    static String clean(String s) {
        if (s == null) return "unreadable";
        return abbreviate(s.replaceAll("\\p{Cntrl}+", " ").strip());
    }

    static String abbreviate(String s) {
        String c = s.replaceAll("\\p{Cntrl}", " ");
        return c.length() > 60 ? c.substring(0, 59) + "…" : c;
    }

    // ---------------------------------------------------------------- editing

    /** A value as one line of text: a scalar as itself, a list or map in YAML flow form ({@code [a, b]}, {@code {k: v}}). */
    public static String text(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) return YamlEdit.flowNode(value);
        return String.valueOf(value);
    }

    /**
     * {@code fm} with {@code key} set to {@code value}; only the value's text changes in the raw block, in the
     * block's own style. See {@link FrontMatter#withValue}.
     *
     * @throws IllegalArgumentException if the value cannot be written in the block's style
     */
    public static FrontMatter withValue(FrontMatter fm, String key, Object value) {
        String raw = fm.raw();
        if (fm.style() == FrontMatter.Style.NONE || raw.isEmpty()) {
            raw = "---\n---";
            fm = new FrontMatter(FrontMatter.Style.YAML, raw, Map.of());
        }
        int open = raw.indexOf('\n') + 1;
        int close = raw.lastIndexOf('\n') + 1;
        String content = raw.substring(open, close);
        String edited = fm.style() == FrontMatter.Style.YAML
                ? YamlEdit.set(content, yaml(content, "front matter").slots().get(key), key, fm.fields().get(key), value)
                : TomlReader.set(content, key, value, fm.fields().containsKey(key));
        String newRaw = raw.substring(0, open) + edited + raw.substring(close);
        return split(newRaw + "\n", "front matter").frontMatter();
    }
}
