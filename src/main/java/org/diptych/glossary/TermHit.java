package org.diptych.glossary;

import java.util.List;

/**
 * A glossary term found in a text.
 *
 * @param start        offset of its first character in the text
 * @param end          offset after its last character
 * @param text         the words as written in the text ("профсоюзы")
 * @param term         the glossary term it matched ("профсоюз")
 * @param translations the entry's terms in the target language, preferred first
 * @param entry        the entry
 */
public record TermHit(int start, int end, String text, String term, List<String> translations, GlossaryEntry entry) {
    public TermHit {
        translations = List.copyOf(translations);
    }
}
