package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diptych.export.Fixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.diptych.DiptychException;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes under the folder the user chose only: no link followed on the way, no entry leaving a bundle. */
class ExportPathsTest {
    @TempDir
    Path tmp;

    @Test
    void aSymlinkedPostsFolderInTheCheckoutIsRefusedWithOneLineAndNothingLandsOutside() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path out = tmp.resolve("site");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(out.resolve("ru"));
        Files.createSymbolicLink(out.resolve("ru/_posts"), elsewhere);

        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, out)))
                .isInstanceOf(DiptychException.class)
                .hasMessageContaining("ru/_posts")
                .hasMessageContaining("symbolic link")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        // nothing of the other languages either: the paths are all checked before the first write
        assertThat(out.resolve("en")).doesNotExist();
    }

    @Test
    void aPostFileThatIsASymlinkIsRefused() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path out = tmp.resolve("site");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "mine");
        Files.createDirectories(out.resolve(path("en")).getParent());
        Files.createSymbolicLink(out.resolve(path("en")), secret);

        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, out)))
                .isInstanceOf(DiptychException.class).hasMessageContaining("symbolic link");
        assertThat(Files.readString(secret)).isEqualTo("mine");
    }

    @Test
    void anOriginalThatIsASymlinkIsNeverCopiedIntoAnExport() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path secret = Files.writeString(tmp.resolve("secret.md"), "---\ntitle: secret\n---\n\nprivate words\n");
        try (Project p = Project.open(proj, false)) {
            Path original = p.versionDir(ID, "ru").resolve(ID + ".md");
            assertThat(original).exists();
            Files.delete(original);
            Files.createSymbolicLink(original, secret);
        }
        Path out = tmp.resolve("site");
        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, out)))
                .isInstanceOf(DiptychException.class).hasMessageContaining("symbolic link");
        if (Files.exists(out)) {
            try (var walk = Files.walk(out)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).doesNotContain("private words");
                }
            }
        }
    }

    @Test
    void leftoverTempFilesOfACrashedExportAreRemovedButNotTheUsersFiles() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path out = tmp.resolve("site");
        Path posts = Files.createDirectories(out.resolve(path("ru")).getParent());
        String name = Path.of(path("ru")).getFileName().toString();
        Path crashed = Files.writeString(posts.resolve("." + name + ".18c3f00d2a1b.tmp"), "half a post");
        Path fresh = Files.writeString(posts.resolve("." + name + ".18c3f00d2a1c.tmp"), "being written now");
        Path usersTmp = Files.writeString(posts.resolve("." + name + ".draft.tmp"), "user's");
        Path usersOther = Files.writeString(posts.resolve(".notes.1234.tmp"), "user's");
        Path usersPost = Files.writeString(posts.resolve("2019-01-01-other.md"), "user's");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : List.of(crashed, usersTmp, usersOther, usersPost)) Files.setLastModifiedTime(p, old);

        export(proj, ExportOptions.posts(ID, out));

        assertThat(crashed).doesNotExist();
        assertThat(fresh).exists(); // may belong to an export running now
        assertThat(usersTmp).exists();
        assertThat(usersOther).exists();
        assertThat(usersPost).exists();
        assertThat(out.resolve(path("ru"))).exists();
    }

    @Test
    void bundleEntriesThatWouldLeaveTheBundleAreRefused() {
        assertThat(Exporter.entryName("2019-03-08-x.ru-en", "ru/post.md")).isEqualTo("2019-03-08-x.ru-en/ru/post.md");
        for (String bad : List.of("ru/../../evil.md", "../evil", "ru/./x", "ru//x", "ru/a\\..\\b", "ru/CON")) {
            assertThatThrownBy(() -> Exporter.entryName("2019-03-08-x.ru-en", bad))
                    .as(bad).isInstanceOf(DiptychException.class).hasMessageContaining("bundle entry");
        }
    }
}
