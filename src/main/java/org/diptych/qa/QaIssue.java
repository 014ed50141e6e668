package org.diptych.qa;

import java.util.List;
import java.util.Objects;

/**
 * One problem QA found in a row of a translation.
 *
 * @param bead    index of the row (bead) in the alignment, or -1 when checking texts outside one
 * @param rule    the rule that found it
 * @param message one line in English ("numbers differ: 19 in the source, 18 in the translation")
 * @param args    the message's variable parts (for a translated interface: {@code qa.<rule>} with them)
 */
public record QaIssue(int bead, QaRule rule, String message, List<String> args) {
    public QaIssue {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(message);
        args = List.copyOf(args);
    }

    /** The same issue placed at a row. */
    public QaIssue at(int newBead) {
        return new QaIssue(newBead, rule, message, args);
    }
}
