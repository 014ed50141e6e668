package org.diptych.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.formats.ImportResult;
import org.diptych.project.Manifest.SiteProfile;

/**
 * What importing a site would do, worked out before anything is written ({@link SitePlanner#plan}): the
 * statements with their versions and whether each is new, changed or unchanged in the project, the posts whose
 * pairing is ambiguous, the posts in languages outside the project, what was skipped and why, and the site
 * profile inferred for each language. A dry run prints it; the dialog shows it for confirmation.
 */
public record ImportPlan(Path site, SiteConfig config, List<PlannedStatement> statements, List<Ambiguity> ambiguous,
                         Map<String, List<String>> otherLanguages, List<Skipped> skipped, Map<String, Integer> skippedCounts,
                         Map<String, InferredProfile> profiles, List<String> notes) {

    /** How a version compares with the project. */
    public enum Action { NEW, CHANGED, UNCHANGED }

    /**
     * One version to import: the site file, its language and how it was told, how it was paired;
     * {@code moved} for an unchanged version whose stored site path is not {@code path} (imported before versions
     * remembered it, or the same file moved): the import records the path and changes nothing else.
     */
    public record PlannedVersion(String lang, String path, String langHow, Action action,
                                 @com.fasterxml.jackson.annotation.JsonIgnore ImportResult parsed,
                                 @com.fasterxml.jackson.annotation.JsonIgnore boolean moved) {
        public PlannedVersion(String lang, String path, String langHow, Action action, ImportResult parsed) {
            this(lang, path, langHow, action, parsed, false);
        }
    }

    /** A statement: its id and versions; {@code pairedBy} says which rule joined them (or "single"). */
    public record PlannedStatement(String id, String pairedBy, List<PlannedVersion> versions) {
        public boolean changed() {
            return versions.stream().anyMatch(v -> v.action() != Action.UNCHANGED);
        }
    }

    /** Posts that could belong together in more than one way; none of them is imported. */
    public record Ambiguity(List<String> paths, String reason) {}

    /** A file or folder that is not a statement. */
    public record Skipped(String path, String reason) {}

    /**
     * A language's site profile as inferred, with what it is based on.
     *
     * @param profile the url and path patterns and the link style
     * @param basis   one line: where the patterns come from
     * @param covered how many of the language's posts sit where the path pattern puts them
     * @param posts   how many posts the language has
     */
    public record InferredProfile(SiteProfile profile, String basis, int covered, int posts) {}

    public int versionCount() {
        return statements.stream().mapToInt(s -> s.versions().size()).sum();
    }

    public long count(Action a) {
        return statements.stream().flatMap(s -> s.versions().stream()).filter(v -> v.action() == a).count();
    }

    /** Statements with versions in at least two languages. */
    public long pairedCount() {
        return statements.stream().filter(s -> s.versions().size() > 1).count();
    }

    public int otherLanguageCount() {
        return otherLanguages.values().stream().mapToInt(List::size).sum();
    }
}
