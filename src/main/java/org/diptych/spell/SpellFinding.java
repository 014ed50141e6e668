package org.diptych.spell;

import java.util.List;
import java.util.Objects;

/**
 * One thing the checker found in a text: {@code [offset, offset + length)} of the text as given (markup
 * included), what kind of finding, a one-line message from the checker, and its suggested replacements (best
 * first, at most {@link SpellChecker#MAX_SUGGESTIONS}).
 *
 * @param word the text the finding covers
 * @param rule the checker's rule id (LanguageTool's, e.g. {@code MORFOLOGIK_RULE_EN_US})
 */
public record SpellFinding(int offset, int length, Kind kind, String word, String message, List<String> suggestions,
                           String rule) {
    public enum Kind { SPELLING, GRAMMAR }

    public SpellFinding {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(word);
        Objects.requireNonNull(message);
        Objects.requireNonNull(rule);
        suggestions = List.copyOf(suggestions);
        if (offset < 0 || length < 0) throw new IllegalArgumentException(offset + "+" + length);
    }

    /** The offset just after the finding. */
    public int end() {
        return offset + length;
    }
}
