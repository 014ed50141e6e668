package org.diptych.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing built from a project's data reaches outside it; no link inside it is followed. */
class SafePathsTest {
    @TempDir
    Path tmp;

    @Test
    void idsThatCannotBeAFolderOnEveryOsAreRefused() {
        for (String bad : List.of("2024-01-01-..", "2024-01-01-.", "2024-01-01-.hidden", "CON", "aux", "aux.md", "Nul",
                "com1", "lpt9.txt", "trailing.", "a..b", "x\u001bid", "a/b", "a\\b", "")) {
            assertThat(Statement.isValidId(bad)).as(bad).isFalse();
        }
        for (String good : List.of("2018-01-15-rcit", "2024-01-01-letter.v2", "contest", "aux-workers", "заявление")) {
            assertThat(Statement.isValidId(good)).as(good).isTrue();
        }
        assertThatThrownBy(() -> Statement.validateId("x\u001b[2Jid")).message().doesNotContain("\u001b");
    }

    @Test
    void relativePathsStayUnderTheRoot() {
        Path root = tmp.resolve("out");
        assertThat(SafePaths.under(root, "en/_posts/2024-01-01-a.md", "post path"))
                .isEqualTo(root.toAbsolutePath().resolve("en/_posts/2024-01-01-a.md"));
        for (String bad : List.of("../x.md", "en/../../x.md", "/etc/passwd", "C:/x", "en//x.md", "en/./x.md", "en/CON.md",
                "en\\..\\x.md", "en/x.md ")) {
            assertThatThrownBy(() -> SafePaths.under(root, bad, "post path")).as(bad).isInstanceOf(DiptychException.class);
        }
    }

    @Test
    void aSymlinkedLockFileIsRefusedAndItsTargetUntouched() throws IOException {
        Path dir = tmp.resolve("proj");
        Project.create(dir, null, List.of("ru", "en")).close();
        Path victim = Files.writeString(tmp.resolve("thesis.txt"), "my thesis");
        Files.delete(dir.resolve(ProjectLock.FILE));
        Files.createSymbolicLink(dir.resolve(ProjectLock.FILE), victim);
        assertThatThrownBy(() -> Project.open(dir, true)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("symbolic link");
        assertThat(victim).hasContent("my thesis");
    }

    @Test
    void symlinkedFoldersOfTheProjectAreNotWrittenThrough() throws IOException {
        Path dir = tmp.resolve("proj");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        try (Project p = Project.create(dir, null, List.of("ru", "en"))) {
            DocumentVersion v = version("ru", "ru.md");
            p.saveVersion("s1", v, "Текст.".getBytes(StandardCharsets.UTF_8));
            // backups/ a link: replacing a file would copy its old content out
            Files.createSymbolicLink(dir.resolve(Project.BACKUPS), outside);
            assertThatThrownBy(() -> p.saveVersion("s1", v, "Новый текст.".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(DiptychException.class).hasMessageContaining("symbolic link");
            // statements/<id>/<lang> a link
            Files.createDirectories(dir.resolve("statements/s2"));
            Files.createSymbolicLink(dir.resolve("statements/s2/en"), outside);
            assertThatThrownBy(() -> p.saveVersion("s2", version("en", "en.md"), "Text.".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(DiptychException.class).hasMessageContaining("symbolic link");
            assertThat(p.versionLanguages("s2")).isEmpty();
        }
        try (var s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void anOriginalNamedOutsideTheVersionFolderOrALinkIsRefused() throws IOException {
        Path dir = tmp.resolve("proj");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        try (Project p = Project.create(dir, null, List.of("ru"))) {
            p.saveVersion("s1", version("ru", "ru.md"), "Текст.".getBytes(StandardCharsets.UTF_8));
            Path vf = p.versionDir("s1", "ru").resolve(Project.VERSION_FILE);
            Files.writeString(vf, Files.readString(vf).replace("\"ru.md\"", "\"../../../../secret.txt\""));
            assertThatThrownBy(() -> p.originalFile("s1", "ru")).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("not a file of the version's folder");
            Files.writeString(vf, Files.readString(vf).replace("\"../../../../secret.txt\"", "\"linked.md\""));
            Files.createSymbolicLink(p.versionDir("s1", "ru").resolve("linked.md"), secret);
            assertThatThrownBy(() -> p.originalFile("s1", "ru")).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(secret).hasContent("secret");
    }

    @Test
    void leftoverTempFilesAreRemovedAndAnInterruptedChangeFinishedUnderTheLock() throws IOException {
        Path dir = tmp.resolve("proj");
        Project.create(dir, null, List.of("ru")).close();
        Path stray = Files.writeString(dir.resolve("statements/.version.json.4471829036.tmp"), "half");
        // a crash after the plan was written: the new file is complete, the rename not done
        Path target = dir.resolve("statements/s1/ru/version.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        Path tmpNew = Files.writeString(target.resolveSibling(".version.json.a1b2c3d4e5f6.tmp"), "new");
        Path gone = Files.writeString(target.resolveSibling("old.md"), "old original");
        Files.writeString(dir.resolve(Transaction.JOURNAL), "{\"moves\":[{\"tmp\":\"statements/s1/ru/" + tmpNew.getFileName()
                + "\",\"target\":\"statements/s1/ru/version.json\"}],\"deletes\":[\"statements/s1/ru/old.md\"]}");
        Project.open(dir, false).close(); // a reader changes nothing
        assertThat(stray).exists();
        assertThat(target).hasContent("old");
        Project.open(dir, true).close();
        assertThat(stray).doesNotExist();
        assertThat(target).hasContent("new");
        assertThat(gone).doesNotExist();
        assertThat(dir.resolve(Transaction.JOURNAL)).doesNotExist();
    }

    @Test
    void aPlanNamingAFileOutsideTheProjectIsNotFollowed() throws IOException {
        Path dir = tmp.resolve("proj");
        Project.create(dir, null, List.of("ru")).close();
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me");
        Files.writeString(dir.resolve(Transaction.JOURNAL), "{\"moves\":[],\"deletes\":[\"../victim.txt\"]}");
        assertThatThrownBy(() -> Project.open(dir, true)).isInstanceOf(DiptychException.class);
        assertThat(victim).hasContent("keep me");
    }

    /**
     * Tries the lock of a folder until it has held it {@code n} times (at most {@code 100 n} tries); while
     * holding it, owns a marker file. Prints how often it held the lock and how often the marker was taken.
     */
    public static final class Contender {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int n = Integer.parseInt(args[1]), held = 0, overlaps = 0;
            // a contender that only counts its tries can hold the lock a handful of times on a busy machine,
            // where the other processes happen to hold it at nearly every try; this one keeps trying
            for (int tries = 0; held < n && tries < 100 * n; tries++) {
                ProjectLock l;
                try {
                    l = ProjectLock.acquire(dir);
                } catch (DiptychException e) {
                    continue; // another holder: fine
                }
                try {
                    Files.createFile(dir.resolve("holder"));
                    held++;
                    Files.delete(dir.resolve("holder"));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    overlaps++;
                } finally {
                    l.close();
                }
            }
            System.out.println(held + " " + overlaps);
        }
    }

    @Test
    void neverTwoHoldersAtOnceAcrossProcesses() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lockdir"));
        int procs = 3, rounds = Integer.getInteger("diptych.lockStress", 200);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new java.util.ArrayList<>();
        for (int k = 0; k < procs; k++) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Contender.class.getName(),
                    dir.toString(), String.valueOf(rounds)).redirectErrorStream(true).start());
        }
        int held = 0;
        for (Process p : ps) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String[] f = out.split(" ");
            assertThat(f).as(out).hasSize(2);
            held += Integer.parseInt(f[0]);
            assertThat(Integer.parseInt(f[1])).as("overlapping holders").isZero();
        }
        // each contender keeps trying until it has held the lock `rounds` times: a lock that nobody can take
        // (or a contender that never got to try) shows here
        assertThat(held).as("holders recorded").isGreaterThanOrEqualTo(rounds);
    }

    static DocumentVersion version(String lang, String original) {
        return new DocumentVersion(lang, original, "text", "UTF-8", FrontMatter.NONE, List.of(Paragraph.plain("p1", "Текст.")));
    }
}
