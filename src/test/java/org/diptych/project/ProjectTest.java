package org.diptych.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {
    @TempDir
    Path tmp;

    static DocumentVersion version(String lang, String... texts) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", "Заявление &quot;о забастовке&quot;");
        fm.put("tags", List.of("профсоюзы", "забастовка"));
        fm.put("author", "Редакция");
        List<Paragraph> ps = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            ps.add(new Paragraph("p" + (i + 1), i == 0 ? BlockKind.HEADING : BlockKind.PARAGRAPH, i == 0 ? 3 : 0,
                    (i == 0 ? "### " : "") + texts[i], texts[i]));
        }
        return new DocumentVersion(lang, "post.md", "markdown", "UTF-8",
                new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: x\n---", fm), ps);
    }

    @Test
    void createSaveAndReopenKeepsEverything() {
        Path dir = tmp.resolve("proj");
        DocumentVersion ru = version("ru", "Вопрос", "Мы поддерживаем рабочих порта.");
        byte[] original = "---\ntitle: x\n---\n\n### Вопрос\n".getBytes(StandardCharsets.UTF_8);
        try (Project p = Project.create(dir, "Тест", List.of("ru", "EN", "pt_br"))) {
            assertThat(p.manifest().languages()).containsExactly("ru", "en", "pt-BR");
            p.saveVersion("2018-01-15-rcit", ru, original);
            p.saveAlignment(new Alignment("2018-01-15-rcit", "ru", "en",
                    List.of(Bead.auto(List.of("p1"), List.of("p1"), 0.93)), Instant.parse("2026-01-01T00:00:00Z")));
        }
        try (Project p = Project.open(dir, false)) {
            assertThat(p.manifest().name()).isEqualTo("Тест");
            assertThat(p.statementIds()).containsExactly("2018-01-15-rcit");
            assertThat(p.versionLanguages("2018-01-15-rcit")).containsExactly("ru");
            DocumentVersion back = p.loadVersion("2018-01-15-rcit", "ru").orElseThrow();
            assertThat(back).isEqualTo(ru);
            assertThat(back.frontMatter().fields().keySet()).containsExactly("title", "tags", "author");
            assertThat(p.originalFile("2018-01-15-rcit", "ru")).hasValueSatisfying(f -> {
                try {
                    assertThat(Files.readAllBytes(f)).isEqualTo(original);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            Alignment a = p.loadAlignment("2018-01-15-rcit", "ru", "en").orElseThrow();
            assertThat(a.beads()).hasSize(1);
            assertThat(a.beads().get(0).confidence()).isEqualTo(0.93);
            assertThat(p.loadAlignment("2018-01-15-rcit", "ru", "pt")).isEmpty();
        }
    }

    @Test
    void secondSaveKeepsPreviousVersionAsBackupAndLeavesNoTempFiles() throws IOException {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, null, List.of("ru", "en"))) {
            p.saveVersion("s1", version("en", "One", "First text."), null);
            Path file = p.versionDir("s1", "en").resolve(Project.VERSION_FILE);
            byte[] first = Files.readAllBytes(file);
            p.saveVersion("s1", version("en", "One", "Second text."), null);
            Path backup = dir.resolve(Project.BACKUPS).resolve(dir.relativize(file));
            assertThat(Files.readAllBytes(backup)).isEqualTo(first);
            assertThat(Files.readString(file)).contains("Second text.");
            try (var s = Files.walk(dir)) {
                assertThat(s.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
            }
        }
    }

    @Test
    void atomicWriteReplacesWholeFile() throws IOException {
        Path f = tmp.resolve("a.json");
        AtomicFiles.write(f, "long old content that is longer".getBytes(StandardCharsets.UTF_8), null);
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8), tmp.resolve("bak/a.json"));
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(Files.readString(tmp.resolve("bak/a.json"))).isEqualTo("long old content that is longer");
    }

    @Test
    void newerSchemaIsRefusedAndNothingChanges() throws IOException {
        Path dir = tmp.resolve("proj");
        Files.createDirectories(dir);
        String json = "{\"schemaVersion\": 7, \"name\": \"future\", \"languages\": [\"ru\"]}";
        Files.writeString(dir.resolve(Project.MANIFEST), json);
        assertThatThrownBy(() -> Project.open(dir, true))
                .isInstanceOf(DiptychException.class)
                .hasMessageContaining("diptych.json")
                .hasMessageContaining("newer Diptych");
        assertThat(Files.readString(dir.resolve(Project.MANIFEST))).isEqualTo(json);
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(dir.resolve(Project.MANIFEST));
        }
    }

    @Test
    void damagedManifestGivesOneLineError() throws IOException {
        Path dir = tmp.resolve("proj");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Project.MANIFEST), "{\"schemaVersion\": 1, \"name\": ");
        assertThatThrownBy(() -> Project.open(dir, false))
                .isInstanceOf(DiptychException.class)
                .hasMessageContaining("damaged manifest")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(dir.resolve(Project.MANIFEST), "[1,2]");
        assertThatThrownBy(() -> Project.open(dir, false)).hasMessageContaining("no schemaVersion");
    }

    @Test
    void notAProjectAndNonEmptyFolderAreRefused() throws IOException {
        assertThatThrownBy(() -> Project.open(tmp.resolve("nope"), false)).hasMessageContaining("no such project folder");
        Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> Project.open(tmp.resolve("plain"), false)).hasMessageContaining("not a Diptych project");
        Files.writeString(tmp.resolve("plain/readme.txt"), "x");
        assertThatThrownBy(() -> Project.create(tmp.resolve("plain"), null, List.of("ru")))
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> Project.create(tmp.resolve("p2"), null, List.of("de")))
                .hasMessageContaining("not supported");
    }

    @Test
    void aBatchOfVersionsIsStoredWholeOrNotAtAllOnAFullDisk() throws IOException {
        Path dir = tmp.resolve("p");
        List<Project.VersionFiles> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new Project.VersionFiles("2024-01-0" + (i + 1) + "-strike", version("ru", "Заголовок " + i, "Текст " + i),
                    ("---\ntitle: x\n---\n\n### Заголовок " + i + "\n\nТекст " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        try (Project p = Project.create(dir, "t", List.of("ru", "en"))) {
            boolean stored = false;
            int failed = 0;
            for (long budget : new long[] {0, 1, 100, 1000, 3000, 6000, 12000, 1 << 20}) {
                AtomicFiles.Faults.failAfterBytes(budget);
                try {
                    p.saveVersions(batch);
                    stored = true;
                } catch (DiptychException e) {
                    failed++;
                    assertThat(e.getMessage()).contains("No space left on device").contains("nothing was changed");
                } finally {
                    AtomicFiles.Faults.clear();
                }
                // all five versions or none of them
                long there = batch.stream().filter(v -> p.loadVersion(v.statementId(), "ru").isPresent()).count();
                assertThat(there).as("budget " + budget).isEqualTo(stored ? 5 : 0);
                try (var files = Files.walk(dir)) {
                    assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).as("budget " + budget).isEmpty();
                }
                if (stored) break;
            }
            assertThat(stored).isTrue();
            assertThat(failed).isGreaterThan(2);
            assertThat(dir.resolve(Transaction.JOURNAL)).doesNotExist();
            for (Project.VersionFiles v : batch) {
                assertThat(p.originalFile(v.statementId(), "ru")).get().satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(v.originalBytes()));
            }
        }
    }

    @Test
    void readOnlyProjectCannotWrite() {
        Path dir = tmp.resolve("proj");
        Project.create(dir, null, List.of("ru")).close();
        try (Project p = Project.open(dir, false)) {
            assertThat(p.writable()).isFalse();
            assertThatThrownBy(() -> p.saveVersion("s", version("ru", "a"), null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
