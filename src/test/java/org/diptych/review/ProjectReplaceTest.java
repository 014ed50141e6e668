package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.project.AtomicFiles;
import org.diptych.project.Project;

/** Find and replace across a statement's versions and across the project: one transaction, logged, undoable. */
class ProjectReplaceTest {
    static final String SECOND = "2024-04-02-dockers";

    @TempDir
    Path tmp;

    @AfterEach
    void clearFaults() {
        AtomicFiles.Faults.clear();
    }

    private Path project() {
        Path dir = Fixtures.project(tmp.resolve("p"));
        try (Project p = Project.open(dir, true)) {
            p.saveVersion(SECOND, Fixtures.english(), null);
            p.saveVersion(SECOND, Fixtures.russian(), null);
        }
        return dir;
    }

    /** Every file of the project outside backups/, with its bytes. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString();
                if (rel.startsWith(Project.BACKUPS) || rel.equals(".diptych.lock")) continue;
                m.put(rel, ProjectReplace.sha256(Files.readAllBytes(f)));
            }
        }
        return m;
    }

    @Test
    void acrossTheProjectInOneLanguageIsOneLoggedTransactionAndUndoPutsEveryByteBack() throws IOException {
        Path dir = project();
        Map<String, String> before = tree(dir);
        FindReplace.Query q = new FindReplace.Query("the", "our", false, true);
        try (Project p = Project.open(dir, true)) {
            List<ProjectReplace.VersionHits> hits = ProjectReplace.preview(p, ProjectReplace.Scope.project(List.of("en")), q, () -> false);
            assertThat(hits).extracting(ProjectReplace.VersionHits::statementId).containsExactly(Fixtures.STATEMENT, SECOND);
            assertThat(hits).allSatisfy(h -> assertThat(h.lang()).isEqualTo("en"));
            assertThat(ProjectReplace.totals(hits)).containsExactly(8, 6);

            ProjectReplace.Result r = ProjectReplace.apply(p, hits, "Ana", FindReplaceTest.CLOCK);
            assertThat(r.occurrences()).isEqualTo(8);
            for (String id : List.of(Fixtures.STATEMENT, SECOND)) {
                DocumentVersion v = ReviewStore.version(p, id, "en");
                assertThat(v.paragraph("p7").markup()).isEqualTo("Signed: our editorial board.");
                assertThat(v.paragraph("p1").text()).isEqualTo("Solidarity with our strikers");
                assertThat(ReviewStore.loadEdits(p, id, "en")).extracting(TextEdit::paragraphId).containsExactly("p1", "p2", "p7");
                assertThat(ReviewStore.loadEdits(p, id, "en")).allSatisfy(e -> assertThat(e.reviewer()).isEqualTo("Ana"));
                assertThat(ReviewStore.version(p, id, "ru")).as("other languages untouched").isEqualTo(Fixtures.russian());
            }
            assertThat(p.loadAlignment(Fixtures.STATEMENT, "en", "ru").orElseThrow()).isEqualTo(Fixtures.englishRussian());
            assertThat(r.backup()).startsWith(dir.resolve(Project.BACKUPS).resolve(ProjectReplace.BACKUPS));
            assertThat(ProjectReplace.last(p)).contains(r.backup());

            assertThat(ProjectReplace.undoLast(p)).as("two version.json, two new edits.json").isEqualTo(4);
            assertThatThrownBy(() -> ProjectReplace.undoLast(p)).isInstanceOf(DiptychException.class).hasMessageContaining("no replace to undo");
        }
        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void everyVersionOfOneStatementAndNothingElse() {
        Path dir = project();
        try (Project p = Project.open(dir, true)) {
            // "p" + "ort": the en "port" and nothing in ru; the pt version has "porto"
            List<ProjectReplace.VersionHits> hits = ProjectReplace.preview(p,
                    ProjectReplace.Scope.statement(Fixtures.STATEMENT, List.of()), new FindReplace.Query("port", "harbour", false, false), () -> false);
            assertThat(hits).extracting(ProjectReplace.VersionHits::statementId).containsOnly(Fixtures.STATEMENT);
            assertThat(hits).extracting(ProjectReplace.VersionHits::lang).contains("en").doesNotHaveDuplicates();
            ProjectReplace.apply(p, hits, null, FindReplaceTest.CLOCK);
            assertThat(ReviewStore.version(p, SECOND, "en")).isEqualTo(Fixtures.english());
        }
    }

    @Test
    void aStalePreviewOrAChangedVersionIsRefusedWithNothingChanged() throws IOException {
        Path dir = project();
        FindReplace.Query q = new FindReplace.Query("the", "our", false, true);
        try (Project p = Project.open(dir, true)) {
            List<ProjectReplace.VersionHits> hits = ProjectReplace.preview(p, ProjectReplace.Scope.project(List.of("en")), q, () -> false);
            DocumentVersion v = ReviewStore.version(p, SECOND, "en");
            p.saveVersion(SECOND, v.withParagraphs(v.paragraphs().stream()
                    .map(x -> x.id().equals("p7") ? x.withText("Signed: the board.", "Signed: the board.") : x).toList()), null);
            Map<String, String> before = tree(dir);
            assertThatThrownBy(() -> ProjectReplace.apply(p, hits, "Ana", FindReplaceTest.CLOCK))
                    .isInstanceOf(DiptychException.class).hasMessageContaining("p7 changed since the preview; nothing was replaced");
            assertThat(tree(dir)).isEqualTo(before);
            assertThat(ProjectReplace.last(p)).isEmpty();

            // applied, then the version edited again: the undo refuses rather than lose that edit
            ProjectReplace.apply(p, ProjectReplace.preview(p, ProjectReplace.Scope.project(List.of("en")), q, () -> false), "Ana", FindReplaceTest.CLOCK);
            DocumentVersion after = ReviewStore.version(p, SECOND, "en");
            p.saveVersion(SECOND, after.withParagraphs(after.paragraphs().stream()
                    .map(x -> x.id().equals("p7") ? x.withText("Signed: everyone.", "Signed: everyone.") : x).toList()), null);
            Map<String, String> edited = tree(dir);
            assertThatThrownBy(() -> ProjectReplace.undoLast(p)).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("changed since the replace").hasMessageContaining("nothing was undone");
            assertThat(tree(dir)).isEqualTo(edited);
        }
    }

    @Test
    void aFullDiskAtAnyByteLeavesTheProjectBeforeOrAfter() throws IOException {
        Path dir = project();
        FindReplace.Query q = new FindReplace.Query("the", "our", false, true);
        Map<String, String> before = tree(dir);
        Map<String, String> after = null;
        int failures = 0;
        for (long budget = 0; ; budget += 1500) {
            Path copy = tmp.resolve("c" + budget);
            copyTree(dir, copy);
            try (Project p = Project.open(copy, true)) {
                List<ProjectReplace.VersionHits> hits = ProjectReplace.preview(p, ProjectReplace.Scope.project(List.of()), q, () -> false);
                AtomicFiles.Faults.failAfterBytes(budget);
                try {
                    ProjectReplace.apply(p, hits, "Ana", FindReplaceTest.CLOCK);
                    AtomicFiles.Faults.clear();
                    after = tree(copy);
                    break;
                } catch (DiptychException e) {
                    AtomicFiles.Faults.clear();
                    failures++;
                    assertThat(e.getMessage()).as(e.getMessage()).contains("nothing was changed");
                    assertThat(tree(copy)).as("at %d bytes", budget).isEqualTo(before);
                    assertThat(ProjectReplace.last(p)).as("no undo list for a replace that did not happen").isEmpty();
                }
            }
        }
        assertThat(failures).as("the sweep reached the disk's limit several times").isGreaterThan(3);
        assertThat(after).isNotEqualTo(before);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else if (!f.getFileName().toString().equals(".diptych.lock")) Files.copy(f, t);
            }
        }
    }
}
