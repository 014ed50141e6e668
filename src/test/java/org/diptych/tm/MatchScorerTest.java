package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Known pairs with known percentages, in English, Russian and Portuguese. */
class MatchScorerTest {
    private static MatchScorer.Scored score(String query, String source) {
        return score(query, "", source, "");
    }

    private static MatchScorer.Scored score(String query, String qTags, String source, String sTags) {
        return MatchScorer.score(Tokens.of(query, qTags), Tokens.of(source, sTags));
    }

    @Test
    void identicalTextIsExact() {
        assertThat(score("The council meets on Monday.", "The council meets on Monday.").score()).isEqualTo(100);
        assertThat(score("Совет собирается в понедельник.", "Совет собирается в понедельник.").kind()).isEqualTo(MatchKind.EXACT);
        // Whitespace only separates words: extra spaces and line breaks do not make a difference.
        assertThat(score("O conselho  reúne-se\nna segunda-feira.", "O conselho reúne-se na segunda-feira.").score()).isEqualTo(100);
    }

    @Test
    void punctuationCaseTagsAndNumbersScoreJustBelowExact() {
        MatchScorer.Scored punct = score("The council meets on Monday!", "The council meets on Monday.");
        assertThat(punct.score()).isEqualTo(99);
        assertThat(punct.kind()).isEqualTo(MatchKind.NEAR_EXACT);
        assertThat(punct.differences()).containsExactly(Difference.PUNCTUATION);

        MatchScorer.Scored cased = score("совет собирается в понедельник.", "Совет собирается в понедельник.");
        assertThat(cased.score()).isEqualTo(99);
        assertThat(cased.differences()).containsExactly(Difference.CASE);
        assertThat(cased.description()).contains("letter case");

        MatchScorer.Scored tags = score("Leia o relatório anual.", "", "Leia o relatório anual.", "bpt,ept");
        assertThat(tags.score()).isEqualTo(99);
        assertThat(tags.differences()).containsExactly(Difference.TAGS);

        MatchScorer.Scored number = score("Article 17 of the statute applies.", "Article 18 of the statute applies.");
        assertThat(number.score()).isEqualTo(98);
        assertThat(number.differences()).containsExactly(Difference.NUMBERS);
        assertThat(number.description()).contains("18 → 17");

        MatchScorer.Scored twoNumbers = score("Собрание прошло 12 мая 2021 года.", "Собрание прошло 14 мая 2019 года.");
        assertThat(twoNumbers.score()).isEqualTo(97);

        MatchScorer.Scored several = score("a reunião de 3 de Maio!", "A reunião de 4 de maio.");
        assertThat(several.differences()).containsExactlyInAnyOrder(Difference.NUMBERS, Difference.CASE, Difference.PUNCTUATION);
        assertThat(several.score()).isEqualTo(96);
    }

    @Test
    void fuzzyPercentageIsTheWordEditDistance() {
        // 10 words, one substituted: 90.
        assertThat(score("The volunteers printed the leaflets for the march last week",
                "The volunteers printed the posters for the march last week").score()).isEqualTo(90);
        // The source has 9 words, the query lacks one of them: 1 edit for 9 words → floor(100 × 8/9) = 88.
        assertThat(score("Волонтёры напечатали листовки для марша на прошлой неделе",
                "Волонтёры быстро напечатали листовки для марша на прошлой неделе").score()).isEqualTo(88);
        // 13 words, three substituted: floor(100 × 10/13) = 76.
        MatchScorer.Scored three = score("Os voluntários imprimiram os cartazes para a marcha da semana passada em Lisboa",
                "Os voluntários distribuíram os folhetos para a greve da semana passada em Lisboa");
        assertThat(three.score()).isEqualTo(76);
        assertThat(three.kind()).isEqualTo(MatchKind.FUZZY);
        // Case does not count in a fuzzy match; a changed number counts as a changed word.
        assertThat(score("the 12 volunteers printed the leaflets", "The 14 volunteers printed the posters").score())
                .isEqualTo(66);
        // Unrelated sentences score low.
        assertThat(score("My grandmother grows tomatoes in her garden", "The council adopted the budget in May").score())
                .isLessThan(40);
    }

    @Test
    void swappedClausesAreStillFound() {
        String source = "The delegates approved the report in Lisbon, while the students prepared the translation.";
        String swapped = "While the students prepared the translation, the delegates approved the report in Lisbon.";
        assertThat(MatchScorer.editDistance(Tokens.of(swapped, "").words, Tokens.of(source, "").words))
                .as("a plain word edit distance loses the unit").isGreaterThan(8);
        MatchScorer.Scored s = score(swapped, source);
        assertThat(s.kind()).isEqualTo(MatchKind.REORDERED);
        assertThat(s.score()).isBetween(85, 94);

        MatchScorer.Scored ru = score("Пока студенты готовили перевод, делегаты одобрили доклад в Лиссабоне.",
                "Делегаты одобрили доклад в Лиссабоне, пока студенты готовили перевод.");
        assertThat(ru.kind()).isEqualTo(MatchKind.REORDERED);
        assertThat(ru.score()).isGreaterThanOrEqualTo(85);
    }

    @Test
    void wordsOnlyAddedAreAFuzzyMatchNotAReorderedOne() {
        // the query adds five words at the end of the unit's sentence: nothing is in another order
        MatchScorer.Scored s = score("Мы благодарим товарищей из Тулы и Самары, которые прислали слова поддержки и собрали деньги на листовки.",
                "Мы благодарим товарищей из Тулы и Самары, которые прислали слова поддержки.");
        assertThat(s.kind()).isEqualTo(MatchKind.FUZZY);
        assertThat(s.score()).isEqualTo(68); // 5 words added to 11: floor(100 × 11/16)
        assertThat(s.description()).isEqualTo("fuzzy: 5 word edits for 16 words");
    }

    @Test
    void diffShowsWhatDiffers() {
        List<WordDiff> d = MatchScorer.diff(Tokens.of("The council met on 14 May to discuss rents.", ""),
                Tokens.of("The council met on 12 May to discuss the budget.", ""));
        assertThat(d).containsExactly(
                new WordDiff(WordDiff.Op.EQUAL, "The council met on"),
                new WordDiff(WordDiff.Op.QUERY_ONLY, "14"),
                new WordDiff(WordDiff.Op.MATCH_ONLY, "12"),
                new WordDiff(WordDiff.Op.EQUAL, "May to discuss"),
                new WordDiff(WordDiff.Op.QUERY_ONLY, "rents"),
                new WordDiff(WordDiff.Op.MATCH_ONLY, "the budget"),
                new WordDiff(WordDiff.Op.EQUAL, "."));
    }

    @Test
    void tokensKeepNumbersAndInnerHyphens() {
        Tokens t = Tokens.of("Em 12.05.2019 o pré-projeto custou 1,500 reais.", "");
        assertThat(t.words).containsExactly("em", "12.05.2019", "o", "pré-projeto", "custou", "1,500", "reais");
        assertThat(t.masked).containsExactly("em", "#", "o", "pré-projeto", "custou", "#", "reais");
        assertThat(t.punct).isEqualTo(".");
    }

    @Test
    void oneLookupHashesEqualTheTokenHashes() {
        for (String t : List.of("Em 12.05.2019 o PRÉ-projeto custou 1,500 reais!", "Союз жильцов — 2024: «право» на жильё.",
                "It's the union's 3rd congress", "", "...", "ǅungla İstanbul ΣΊΣΥΦΟΣ", "𐐀𐐁 Дом 7-Б ЁЖ")) {
            Tokens k = Tokens.of(t, "");
            assertThat(Tokens.hashes(t)).containsExactly(Tokens.hash(k.words), Tokens.hash(k.masked));
        }
    }

    @Test
    void tableHashesEqualTheCodePointHashesOnGeneratedTexts() {
        // letters of the three languages, digits (also Arabic-Indic), joiners, marks, İ and Σ, a surrogate pair
        String alphabet = "aZéÇжЖёЁ09٣ '’-‑.,:/_!«»\u0301\u0903İΣσ\t ";
        java.util.Random r = new java.util.Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(14);
            for (int k = 0; k < len; k++) {
                if (r.nextInt(40) == 0) sb.append("😀");
                else sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            Tokens k = Tokens.of(t, "");
            assertThat(Tokens.hashes(t)).as(t).containsExactly(Tokens.hash(k.words), Tokens.hash(k.masked));
            assertThat(Tokens.hashes(t)).as(t).containsExactly(Tokens.hashesByCodePoint(t));
        }
    }
}
