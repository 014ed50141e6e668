package org.diptych.tm;

import java.util.List;
import java.util.Set;

/**
 * One answer of a TM lookup.
 *
 * @param score        the match percentage: 101 in context, 100 exact, 93–99 near-exact, below that fuzzy
 *                     or reordered; a draft unit scores one point less than an approved one would
 * @param kind         what kind of match
 * @param differences  for near-exact matches, what differs
 * @param description  one line for the translator: "differs only in numbers (17 → 18)", "fuzzy: …"
 * @param source       the matched source variant
 * @param target       the target variant (the translation to reuse)
 * @param diff         word-level difference between the query and {@code source.text()}
 * @param unit         the whole unit
 * @param provenance   where the unit comes from
 */
public record TmMatch(int score, MatchKind kind, Set<Difference> differences, String description,
                      TmVariant source, TmVariant target, List<WordDiff> diff, TmUnit unit, Provenance provenance) {
    public TmMatch {
        differences = Set.copyOf(differences);
        diff = List.copyOf(diff);
    }
}
