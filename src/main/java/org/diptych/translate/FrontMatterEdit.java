package org.diptych.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;
import org.diptych.formats.FrontMatterParser;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.review.TextEdit;

/**
 * Edits of a version's front matter below the top level: a list's items (tags, categories) and the fields of a
 * list of maps (signatories with name and organisation), addressed as {@code KEY}, {@code KEY[N]} or
 * {@code KEY[N].FIELD} (N counts from 1, as {@code diptych meta} numbers the items). Each edit gives the key's
 * new top-level value, written back by {@link FrontMatter#withValue} in the block's own style (a block list
 * stays a block list with its dash and indent, a flow list stays flow, items that stay keep their text).
 */
public final class FrontMatterEdit {
    /** Where an edit applies: a key, an item of its list ({@code index} from 0) and a field of that item's map. */
    public record Path(String key, int index, String field) {
        private static final Pattern SYNTAX = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)(?:\\[(\\d{1,6})\\](?:\\.([A-Za-z_][A-Za-z0-9_-]*))?)?");

        /**
         * {@code tags}, {@code tags[2]}, {@code signatories[1].name}.
         *
         * @throws IllegalArgumentException naming what was expected
         */
        public static Path parse(String text) {
            Matcher m = SYNTAX.matcher(text.strip());
            if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2)) == 0)) {
                throw new IllegalArgumentException("'" + text + "': expected KEY, KEY[N] or KEY[N].FIELD (N from 1;"
                        + " keys of letters, digits, _ and -)");
            }
            return new Path(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)) - 1, m.group(3));
        }

        @Override
        public String toString() {
            return key + (index < 0 ? "" : "[" + (index + 1) + "]") + (field == null ? "" : "." + field);
        }
    }

    private FrontMatterEdit() {}

    /** The key's value with {@code path} set to {@code value} (a text, or what {@link #item} reads). */
    public static Object set(FrontMatter fm, Path path, Object value) {
        if (path.index() < 0) return value;
        List<Object> list = list(fm, path, true);
        if (path.index() >= list.size()) throw outOfRange(path, list.size());
        if (path.field() == null) {
            list.set(path.index(), value);
        } else if (list.get(path.index()) instanceof Map<?, ?> m) {
            Map<String, Object> item = new LinkedHashMap<>();
            m.forEach((k, v) -> item.put(String.valueOf(k), v));
            item.put(path.field(), value);
            list.set(path.index(), item);
        } else {
            throw new DiptychException("front matter: item " + (path.index() + 1) + " of '" + path.key()
                    + "' is a value, not a map with fields");
        }
        return list;
    }

    /** The key's list with {@code item} added at its end (a key without a value becomes a list of one). */
    public static Object add(FrontMatter fm, String key, Object item) {
        List<Object> list = list(fm, new Path(key, -1, null), false);
        list.add(item);
        return list;
    }

    /** The key's list without the item at {@code path.index()}, or without the first item equal to {@code item}. */
    public static Object remove(FrontMatter fm, Path path, Object item) {
        List<Object> list = list(fm, path, true);
        if (path.field() != null) throw new IllegalArgumentException("'" + path + "': remove an item (KEY[N]) or a value (KEY=VALUE)");
        if (path.index() >= 0) {
            if (path.index() >= list.size()) throw outOfRange(path, list.size());
            list.remove(path.index());
            return list;
        }
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i), item) || String.valueOf(list.get(i)).equals(String.valueOf(item))) {
                list.remove(i);
                return list;
            }
        }
        throw new DiptychException("front matter: '" + path.key() + "' has no item '" + item + "'");
    }

    /**
     * An item as typed on the command line: {@code {name: I. Petrova, org: Union}} (a YAML flow map) is a map,
     * anything else is the text as it is.
     */
    public static Object item(String text) {
        String s = text.strip();
        if (!s.startsWith("{")) return text;
        Object v = FrontMatterParser.split("---\nv: " + s + "\n---\n", "the value '" + text + "'").frontMatter().value("v");
        if (!(v instanceof Map<?, ?>)) throw new DiptychException("the value '" + text + "' is not a map {key: value, …}");
        return v;
    }

    /**
     * The version with its key set to {@code value} as one edit, and the edit as the edit log records it
     * ({@code fm:<key>}, before and after as text; lists and maps in flow form).
     *
     * @return {@code null} if the value is already that
     */
    public static Edited apply(DocumentVersion v, String key, Object value, String who, java.time.Instant at) {
        FrontMatter fm = v.frontMatter();
        Object before = fm.value(key);
        if (Objects.equals(before, value)) return null;
        if (value instanceof String && before != null && FrontMatterKeysAccess.scalar(before) && value.equals(before.toString())) {
            return null; // "12" for 12, a date as written
        }
        FrontMatter next = fm.withValue(key, value); // the one edit path, for a text as for a list or a map
        return new Edited(v.withFrontMatter(next), new TextEdit(FrontMatterDraft.ROW_PREFIX + key,
                before == null ? "" : FrontMatterParser.text(before), FrontMatterParser.text(value), who, at));
    }

    /** A version after an edit and the edit's log entry. */
    public record Edited(DocumentVersion version, TextEdit log) {}

    private static final class FrontMatterKeysAccess {
        static boolean scalar(Object v) {
            return !(v instanceof Iterable<?>) && !(v instanceof Map<?, ?>);
        }
    }

    private static List<Object> list(FrontMatter fm, Path path, boolean mustExist) {
        Object v = fm.value(path.key());
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v == null || "".equals(v)) {
            if (mustExist) throw new DiptychException("front matter: '" + path.key() + "' has no items");
            return new ArrayList<>();
        }
        throw new DiptychException("front matter: '" + path.key() + "' is " + (v instanceof Map<?, ?> ? "a map" : "a single value")
                + ", not a list (set it with --set " + path.key() + "=VALUE)");
    }

    private static DiptychException outOfRange(Path path, int size) {
        return new DiptychException("front matter: '" + path.key() + "' has " + size + " item(s), no item " + (path.index() + 1));
    }
}
