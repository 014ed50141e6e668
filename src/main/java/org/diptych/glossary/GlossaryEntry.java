package org.diptych.glossary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.model.Languages;

/**
 * One concept of the glossary: its terms in each language (the first is the preferred one; the others are
 * synonyms), and an optional note.
 *
 * @param terms by base language ({@code ru}, {@code en}, {@code pt}), each a non-empty list of terms
 * @param note  a definition or usage note, or {@code null}
 */
public record GlossaryEntry(Map<String, List<String>> terms, String note) {
    public GlossaryEntry {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : terms.entrySet()) {
            List<String> ts = new ArrayList<>();
            for (String t : e.getValue()) {
                String s = t == null ? "" : t.strip().replaceAll("\\s+", " ");
                if (!s.isEmpty() && !ts.contains(s)) ts.add(s);
            }
            if (!ts.isEmpty()) m.computeIfAbsent(Languages.base(Languages.normalize(e.getKey())), k -> new ArrayList<>()).addAll(ts);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        terms = java.util.Collections.unmodifiableMap(m);
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** The terms in a language (any region of it), empty if none. */
    public List<String> terms(String lang) {
        return terms.getOrDefault(Languages.base(lang), List.of());
    }
}
