package org.diptych.spell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.diptych.markdown.Markdown;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.markup.AnnotatedTextBuilder;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * LanguageTool's spelling and grammar rules for one language. Making one reads the language's dictionaries
 * and rule files (a second or more, see docs/BENCHMARKS.md), so {@link Spelling} makes each once, on a
 * background thread, the first time it is needed. A checker reads markdown: the text of a row as written,
 * its markup (link targets, {@code **}, escapes, code) passed over, every finding at its offset in the markup.
 * {@link #check} may be called from any thread (one check at a time: LanguageTool's checker is not
 * thread-safe).
 */
public final class SpellChecker {
    /** Suggestions kept per finding. */
    public static final int MAX_SUGGESTIONS = 5;
    /**
     * Rules left off: white space and quotes are QA's own rules (doubled spaces, quotes), and a row is often a
     * fragment of a sentence (a heading, a list item) that need not start with a capital or end with a stop.
     */
    private static final Set<String> OFF = Set.of("WHITESPACE_RULE", "UPPERCASE_SENTENCE_START", "EN_QUOTES",
            "PUNCTUATION_PARAGRAPH_END", "DOUBLE_PUNCTUATION", "COMMA_PARENTHESIS_WHITESPACE",
            "UNPAIRED_BRACKETS", "EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES", "PT_UNPAIRED_BRACKETS",
            "RU_UNPAIRED_BRACKETS", "SENTENCE_WHITESPACE", "DASH_RULE", "TOO_LONG_SENTENCE");

    private final String lang;
    private final Language language;
    private final JLanguageTool tool;
    /** One check at a time on {@link #tool}, whichever view of it asks. */
    private final Object lock;
    /** Rule ids whose findings are left out (a project's ignored rules). */
    private final Predicate<String> rulesOff;

    private SpellChecker(String lang, Language language) {
        this.lang = lang;
        this.language = language;
        this.tool = new JLanguageTool(language);
        this.lock = new Object();
        this.rulesOff = id -> false;
        for (Rule r : tool.getAllActiveRules()) {
            if (OFF.contains(r.getId())) tool.disableRule(r.getId());
        }
    }

    private SpellChecker(SpellChecker of, Predicate<String> rulesOff) {
        this.lang = of.lang;
        this.language = of.language;
        this.tool = of.tool;
        this.lock = of.lock;
        this.rulesOff = rulesOff;
    }

    /**
     * This checker (the same LanguageTool data, no new load) leaving out the findings of the rules
     * {@code rulesOff} takes by id, e.g. a project's ignored grammar rules.
     */
    public SpellChecker ignoringRules(Predicate<String> rulesOff) {
        return new SpellChecker(this, java.util.Objects.requireNonNull(rulesOff));
    }

    /**
     * The checker of a language (ru, en, pt, with a region: en-GB, pt-BR), made now (slow: call it off the
     * FX thread), or empty for a language LanguageTool has no spelling dictionary for here.
     */
    public static Optional<SpellChecker> create(String lang) {
        return variant(lang).map(code -> new SpellChecker(lang, Languages.getLanguageForShortCode(code)));
    }

    /** LanguageTool's variant for a Diptych language code: en → en-US, pt → pt-PT, ru → ru-RU. */
    static Optional<String> variant(String lang) {
        String[] p = lang.replace('_', '-').split("-");
        String base = p[0].toLowerCase(Locale.ROOT);
        String region = p.length > 1 ? p[1].toUpperCase(Locale.ROOT) : "";
        return switch (base) {
            case "en" -> Optional.of(Set.of("GB", "AU", "CA", "NZ", "ZA").contains(region) ? "en-" + region : "en-US");
            case "pt" -> Optional.of(Set.of("BR", "AO", "MZ").contains(region) ? "pt-" + region : "pt-PT");
            case "ru" -> Optional.of("ru-RU");
            default -> Optional.empty();
        };
    }

    /**
     * Checks one short sentence of the language, so that LanguageTool reads the rules, tagger and speller data
     * it reads only at a first check (about as long as making the checker). {@link Spelling} does it on its
     * loader thread.
     */
    public void warmUp() {
        String sentence = switch (SpellChecker.variant(lang).orElse("en").substring(0, 2)) {
            case "ru" -> "Рабочие собрались во вторник у ворот завода.";
            case "pt" -> "Os trabalhadores reuniram-se na terça-feira à porta da fábrica.";
            default -> "The workers met at the factory gate on Tuesday.";
        };
        check(sentence, null);
    }

    /** The Diptych language code this checker was made for. */
    public String lang() {
        return lang;
    }

    /** LanguageTool's name of the language variant ("English (US)"). */
    public String languageName() {
        return language.getName();
    }

    /**
     * The findings in one row's markup, in text order. A spelling finding on a word {@code accepted} takes (the
     * project's dictionary, words ignored) is left out, and so is a finding of a rule this checker ignores.
     */
    public List<SpellFinding> check(String markup, Predicate<String> accepted) {
        if (markup == null || markup.isBlank()) return List.of();
        List<RuleMatch> matches;
        synchronized (lock) {
            try {
                matches = tool.check(annotate(markup));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<SpellFinding> out = new ArrayList<>();
        for (RuleMatch m : matches) {
            int from = Math.max(0, Math.min(m.getFromPos(), markup.length()));
            int to = Math.max(from, Math.min(m.getToPos(), markup.length()));
            if (to == from || rulesOff.test(m.getRule().getId())) continue;
            String word = markup.substring(from, to);
            boolean spelling = m.getRule() instanceof SpellingCheckRule || m.getRule().isDictionaryBasedSpellingRule();
            if (spelling && accepted != null && accepted.test(word)) continue;
            List<String> sugg = m.getSuggestedReplacements();
            out.add(new SpellFinding(from, to - from, spelling ? SpellFinding.Kind.SPELLING : SpellFinding.Kind.GRAMMAR,
                    word, plain(m.getMessage()), sugg.subList(0, Math.min(MAX_SUGGESTIONS, sugg.size())),
                    m.getRule().getId()));
        }
        return out;
    }

    /** The markup as LanguageTool's annotated text: the markdown model's text tokens as text, the rest markup. */
    static AnnotatedText annotate(String markup) {
        AnnotatedTextBuilder b = new AnnotatedTextBuilder();
        Markdown.Block block = Markdown.block(markup);
        if (!block.prefix().isEmpty()) b.addMarkup(block.prefix());
        for (Markdown.Token t : block.tokens()) {
            switch (t.kind()) {
                case TEXT -> b.addText(t.source());
                // code is no prose: a neutral stand-in keeps the sentence's shape
                case CODE -> b.addMarkup(t.source(), t.role() == Markdown.Role.ATOM ? "X" : "");
                case HTML, IMAGE, AUTOLINK -> b.addMarkup(t.source(), t.role() == Markdown.Role.ATOM ? " " : "");
                default -> b.addMarkup(t.source(), t.plain());
            }
        }
        if (!block.suffix().isEmpty()) b.addMarkup(block.suffix());
        return b.build();
    }

    /** LanguageTool's messages mark suggestions with {@code <suggestion>} tags: plain text for a one-line message. */
    private static String plain(String message) {
        return message.replace("<suggestion>", "«").replace("</suggestion>", "»").replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ").strip();
    }
}
