package org.diptych.qa;

/** The QA rules; see the method of the same name in {@link QaRules}. */
public enum QaRule {
    EMPTY, UNTRANSLATED, NUMBERS, DATES, URLS, LINKS, BOLD, DOUBLE_SPACES, QUOTES, BRACKETS, GLOSSARY, WRONG_LANGUAGE,
    /** LanguageTool's spelling and grammar findings in the translation (warnings: they never block an export). */
    SPELLING, GRAMMAR;

    /** The key of the rule's message in an interface's texts: {@code qa.numbers}. */
    public String key() {
        return "qa." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
