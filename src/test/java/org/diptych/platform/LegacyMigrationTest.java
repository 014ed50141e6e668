package org.diptych.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyMigrationTest {
    @TempDir
    Path home;

    private Locations locations() {
        return new Locations(home, home.resolve(".config/diptych"), home.resolve(".local/share/diptych/logs"),
                home.resolve("Documents/Diptych"));
    }

    @Test
    void movesEveryEntryOnceLosingNothing() throws Exception {
        Locations loc = locations();
        Path old = Files.createDirectories(loc.legacy().resolve("demo/statements/s1/en"));
        Files.writeString(loc.legacy().resolve("demo/diptych.json"), "{\"name\":\"demo\"}");
        Files.writeString(old.resolve("post.md"), "Everyone has the right to rest.");
        Files.createDirectories(loc.legacy().resolve("campaign"));
        Files.writeString(loc.legacy().resolve("notes.txt"), "заметки");
        // the documents folder already has a "demo": the old one must not overwrite it
        Files.createDirectories(loc.documents().resolve("demo"));
        Files.writeString(loc.documents().resolve("demo/keep.txt"), "mine");

        Map<Path, Path> moved = LegacyMigration.runOnce(loc);

        assertThat(moved).hasSize(3);
        Path demo = loc.documents().resolve("demo (from ~/Diptych)");
        assertThat(moved.get(loc.legacy().resolve("demo"))).isEqualTo(demo);
        assertThat(demo.resolve("statements/s1/en/post.md")).hasContent("Everyone has the right to rest.");
        assertThat(demo.resolve("diptych.json")).exists();
        assertThat(loc.documents().resolve("demo/keep.txt")).hasContent("mine");
        assertThat(loc.documents().resolve("campaign")).isDirectory();
        assertThat(loc.documents().resolve("notes.txt")).hasContent("заметки");
        assertThat(loc.legacy()).doesNotExist(); // emptied, so removed

        // recent projects follow their folder
        assertThat(LegacyMigration.relocate(loc.legacy().resolve("demo"), moved)).isEqualTo(demo);
        assertThat(LegacyMigration.relocate(home.resolve("elsewhere"), moved)).isEqualTo(home.resolve("elsewhere"));

        // once: a ~/Diptych made again later is left alone
        Files.createDirectories(loc.legacy().resolve("new"));
        assertThat(LegacyMigration.runOnce(loc)).isEmpty();
        assertThat(loc.legacy().resolve("new")).isDirectory();
    }

    @Test
    void nothingToMigrateIsRecordedToo() {
        Locations loc = locations();
        assertThat(LegacyMigration.runOnce(loc)).isEmpty();
        assertThat(loc.config().resolve(LegacyMigration.MARKER)).exists();
    }

    @Test
    void aDocumentsFolderThatIsTheOldFolderIsNotMovedIntoItself() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("Diptych/demo"));
        Locations loc = new Locations(home, home.resolve("cfg"), home.resolve("logs"), home.resolve("Diptych"));
        assertThat(LegacyMigration.runOnce(loc)).isEmpty();
        assertThat(legacy).isDirectory();
    }
}
