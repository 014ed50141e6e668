package org.diptych.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.yaml.YamlFilter;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;

/**
 * Splits a post into its front matter and body, and reads the front matter's keys.
 * <p>
 * A post has front matter when its first line is {@code ---} (YAML, closed by {@code ---} or {@code ...}) or
 * {@code +++} (TOML, closed by {@code +++}), as Jekyll and Hugo require. YAML is read with Okapi's YAML filter
 * (the one its Markdown filter uses for front matter), which also rejects malformed YAML; TOML is read by a
 * small reader for what front matter uses: {@code key = value} with strings, numbers, booleans, dates and
 * arrays, {@code [table]} headers and comments. Values are strings, lists of strings, or nested maps.
 * {@link FrontMatter#raw()} is the block exactly as written, delimiters included.
 * <p>
 * Why the split happens here and not in Okapi's Markdown filter: with its default parameters the filter passes
 * YAML front matter through as one untranslatable document part (its parser emits the whole block as a single
 * token), runs its YAML sub-filter over it only when {@code translateHeaderMetadata} is set, and does not know
 * TOML {@code +++} front matter at all (it would become a paragraph). Splitting first gives both styles the same
 * treatment and leaves the Markdown reader only the body.
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

    private static final Pattern YAML_ERROR_LINE = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern EMPTY_TOP_KEY = Pattern.compile("(?m)^([^\\s#:'\"\\-\\[{][^:\\n]*?)[ \\t]*:[ \\t]*$");

    private FrontMatterParser() {}

    /**
     * Splits {@code text} (newlines already {@code \n}, no byte order mark).
     *
     * @throws DiptychException naming {@code fileName} if the front matter is never closed or is malformed
     */
    public static Split split(String text, String fileName) {
        String[] lines = text.split("\n", -1);
        String first = lines[0].stripTrailing();
        FrontMatter.Style style;
        if (first.equals("---")) style = FrontMatter.Style.YAML;
        else if (first.equals("+++")) style = FrontMatter.Style.TOML;
        else return new Split(FrontMatter.NONE, stripLeadingBlankLines(text), 1 + leadingBlankLines(text));

        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (style == FrontMatter.Style.YAML ? l.equals("---") || l.equals("...") : l.equals("+++")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new DiptychException(fileName + ": front matter opened with '" + first + "' on line 1 is never closed"
                    + " (no closing '" + first + "' line)");
        }
        StringBuilder raw = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i <= close; i++) {
            if (i > 0) raw.append('\n');
            raw.append(lines[i]);
            if (i > 0 && i < close) content.append(lines[i]).append('\n');
        }
        Map<String, Object> fields = style == FrontMatter.Style.YAML
                ? yamlFields(content.toString(), fileName)
                : TomlReader.read(content.toString(), fileName, 2);
        StringBuilder rest = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            if (i > close + 1) rest.append('\n');
            rest.append(lines[i]);
        }
        String after = rest.toString();
        return new Split(new FrontMatter(style, raw.toString(), fields), stripLeadingBlankLines(after),
                close + 2 + leadingBlankLines(after));
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

    /**
     * Reads YAML front matter with Okapi's YAML filter. The filter names each scalar by its key path
     * ({@code a/b}) and wraps sequences and mappings in groups; a scalar one group deeper than its path is long
     * is an element of a sequence. Keys with an empty value appear only in the skeleton and are kept as "".
     */
    static Map<String, Object> yamlFields(String yaml, String fileName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (yaml.isBlank()) return fields;
        List<Event> events = new ArrayList<>();
        try (YamlFilter f = new YamlFilter()) {
            f.open(new RawDocument(yaml, LocaleId.ENGLISH));
            while (f.hasNext()) events.add(f.next());
        } catch (RuntimeException e) {
            throw new DiptychException(fileName + ": front matter is not valid YAML" + yamlErrorWhere(e, yaml), e);
        }
        int depth = 0;
        for (Event e : events) {
            switch (e.getEventType()) {
                case START_GROUP -> depth++;
                case END_GROUP -> depth--;
                case DOCUMENT_PART -> {
                    if (depth == 1 && e.getResource().getSkeleton() != null) {
                        Matcher m = EMPTY_TOP_KEY.matcher(e.getResource().getSkeleton().toString());
                        while (m.find()) fields.putIfAbsent(unquote(m.group(1)), "");
                    }
                }
                case TEXT_UNIT -> {
                    ITextUnit tu = e.getTextUnit();
                    if (tu.getName() == null) continue;
                    String value = tu.getSource().getFirstContent().getText();
                    String[] path = tu.getName().split("/");
                    Map<String, Object> map = fields;
                    for (int i = 0; i < path.length - 1; i++) {
                        Object o = map.get(path[i]);
                        if (!(o instanceof Map)) {
                            o = new LinkedHashMap<String, Object>();
                            map.put(path[i], o);
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> next = (Map<String, Object>) o;
                        map = next;
                    }
                    String key = path[path.length - 1];
                    if (depth - 1 == path.length) {
                        Object o = map.get(key);
                        if (!(o instanceof List)) {
                            o = new ArrayList<String>();
                            map.put(key, o);
                        }
                        @SuppressWarnings("unchecked")
                        List<Object> list = (List<Object>) o;
                        list.add(value);
                    } else {
                        map.put(key, value);
                    }
                }
                default -> { }
            }
        }
        // Empty flow sequences ("tags: []") open a group without elements: keep them as empty lists.
        for (Map.Entry<String, Object> en : fields.entrySet()) {
            if ("".equals(en.getValue()) && Pattern.compile("(?m)^" + Pattern.quote(en.getKey()) + "\\s*:\\s*\\[\\s*]")
                    .matcher(yaml).find()) {
                en.setValue(new ArrayList<String>());
            }
        }
        return fields;
    }

    private static String unquote(String key) {
        return key.strip();
    }

    /** " at line N: 'text'" (N counted in the file, where front matter starts on line 2), or "". */
    private static String yamlErrorWhere(Throwable e, String yaml) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() == null) continue;
            Matcher m = YAML_ERROR_LINE.matcher(t.getMessage());
            if (m.find()) {
                int line = Integer.parseInt(m.group(1));
                String[] lines = yaml.split("\n", -1);
                String text = line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
                return " at line " + (line + 1) + (text.isEmpty() ? "" : ": '" + abbreviate(text) + "'");
            }
        }
        return " (" + Okapi.firstLine(e) + ")";
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
