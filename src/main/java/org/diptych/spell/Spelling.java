package org.diptych.spell;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The spell checkers of a process, one per language, each made the first time it is asked for, on a
 * background thread of its own (start-up never pays for LanguageTool; the desk asks when the open translation
 * panel shows a row, QA when it runs). The application asks through {@link #shared()}; another instance
 * shares the loaded checkers and only keeps which languages it asked for.
 */
public final class Spelling {
    /** The checkers of the process: LanguageTool's data is loaded once, whichever instance asks first. */
    private static final Map<String, CompletableFuture<Optional<SpellChecker>>> CHECKERS = new ConcurrentHashMap<>();
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spell-checker-load");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private static final Spelling SHARED = new Spelling();

    /** The languages this instance asked for. */
    private final Set<String> asked;
    /** What a project says about a language (locale, ignored rules), or null: the language as it is. */
    private final Function<String, ProjectSpelling> project;

    public Spelling() {
        this(ConcurrentHashMap.newKeySet(), null);
    }

    private Spelling(Set<String> asked, Function<String, ProjectSpelling> project) {
        this.asked = asked;
        this.project = project;
    }

    /**
     * These checkers as a project sees them: {@link #checker}{@code (lang)} gives the checker of the locale
     * {@code spellingOf(lang)} names ({@code pt} → {@code pt-BR} for a Brazilian site), leaving out the rules it
     * ignores. The loaded checkers are the same; what is asked for is kept here too.
     */
    public Spelling forProject(Function<String, ProjectSpelling> spellingOf) {
        return new Spelling(asked, java.util.Objects.requireNonNull(spellingOf));
    }

    /** The application's checkers. */
    public static Spelling shared() {
        return SHARED;
    }

    /**
     * The checker of a language ({@code pt}, or a locale: {@code pt-BR}), made on the loader thread the first
     * time (the future completes empty for a language without a checker, exceptionally if LanguageTool cannot
     * load it). Keyed by LanguageTool's variant: {@code pt} and {@code pt-PT} share one checker, {@code pt-BR}
     * has its own. Seen {@link #forProject from a project}, the project's locale and ignored rules apply.
     */
    public CompletableFuture<Optional<SpellChecker>> checker(String lang) {
        if (project == null) return load(lang);
        ProjectSpelling ps = project.apply(lang);
        if (ps == null) return load(lang);
        return load(ps.locale()).thenApply(c -> c.map(x -> x.ignoringRules(ps::ignoresRule)));
    }

    private CompletableFuture<Optional<SpellChecker>> load(String lang) {
        String key = SpellChecker.variant(lang).orElse(lang);
        asked.add(key);
        return CHECKERS.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> warm(SpellChecker.create(lang)), LOADER));
    }

    /**
     * LanguageTool reads most of a language's rules at its first check (as long again as making the checker,
     * docs/BENCHMARKS.md): one short check here, on the loader thread, so the translator's first check is fast.
     */
    private static Optional<SpellChecker> warm(Optional<SpellChecker> checker) {
        checker.ifPresent(SpellChecker::warmUp);
        return checker;
    }

    /** The checker of a language, waiting for it to be made (for QA and the CLI, already off the FX thread). */
    public Optional<SpellChecker> checkerNow(String lang) {
        return checker(lang).join();
    }

    /** True once this instance asked for a language's checker (it may still be loading). */
    public boolean requested(String lang) {
        return asked.contains(SpellChecker.variant(lang).orElse(lang));
    }
}
