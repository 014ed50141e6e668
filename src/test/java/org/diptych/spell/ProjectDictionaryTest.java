package org.diptych.spell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.DiptychException;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's dictionary on disk: one file per base language, sorted, read back, a link refused. */
class ProjectDictionaryTest {
    @TempDir
    Path tmp;

    @Test
    void wordsAreWrittenSortedAndReadBack() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, "p", List.of("ru", "pt"))) {
            ProjectDictionary d = ProjectDictionary.load(p, "pt-BR");
            assertThat(d.add("Severotruba")).isTrue();
            assertThat(d.add("Krasnoborsk")).isTrue();
            assertThat(d.add("Severotruba")).isFalse();
            assertThat(d.add("  ")).isFalse();
        }
        Path file = dir.resolve("dictionary.pt.txt");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly("Krasnoborsk", "Severotruba");
        try (Project p = Project.open(dir, false)) {
            assertThat(ProjectDictionary.load(p, "pt").words()).containsExactly("Krasnoborsk", "Severotruba");
            assertThat(ProjectDictionary.load(p, "ru").words()).isEmpty();
        }
    }

    @Test
    void aDictionaryThatIsALinkOutOfTheProjectIsRefused() throws Exception {
        Path dir = tmp.resolve("q");
        Path outside = Files.writeString(tmp.resolve("elsewhere.txt"), "секрет\n");
        try (Project p = Project.create(dir, "q", List.of("ru", "en"))) {
            Files.createSymbolicLink(dir.resolve("dictionary.ru.txt"), outside);
            assertThatThrownBy(() -> ProjectDictionary.load(p, "ru")).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("symbolic link");
            ProjectDictionary en = ProjectDictionary.load(p, "en");
            en.add("Diptych");
            assertThat(Files.readString(dir.resolve("dictionary.en.txt"))).isEqualTo("Diptych\n");
        }
        assertThat(Files.readString(outside)).isEqualTo("секрет\n");
    }
}
