package org.diptych.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCopyTest {
    @TempDir
    Path tmp;

    @Test
    void bundledSampleIsCopiedOnceAndTheUsersCopyIsKept() throws Exception {
        Path bundled = Path.of("sample-projects/demo");
        Path mine = tmp.resolve("Diptych/demo");
        assertThat(ProjectCopy.installIfAbsent(bundled, mine)).isEqualTo(mine);
        try (Project p = Project.open(mine, true)) {
            assertThat(p.statementIds()).containsExactlyElementsOf(Project.open(bundled, false).statementIds());
            p.saveManifest(p.manifest().withLanguages(List.of("ru", "en")));
        }
        assertThat(mine.resolve(Project.BACKUPS)).exists();
        ProjectCopy.installIfAbsent(bundled, mine); // second start: the user's work stays
        assertThat(Project.open(mine, false).manifest().languages()).containsExactly("ru", "en");
        assertThat(Files.exists(tmp.resolve("Diptych/demo.partial"))).isFalse();
    }
}
