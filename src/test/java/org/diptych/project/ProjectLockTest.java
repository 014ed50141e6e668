package org.diptych.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.diptych.DiptychException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
    @TempDir
    Path tmp;

    /** Holds a project lock in a separate JVM until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Project p = Project.open(Path.of(args[0]), true)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    private Process startHolder(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(proc.getInputStream())).readLine();
        assertThat(line).isEqualTo("locked");
        return proc;
    }

    @Test
    void secondProcessIsRefusedWhileFirstHoldsTheLock() throws Exception {
        Path dir = tmp.resolve("proj");
        Project.create(dir, null, List.of("ru", "en")).close();
        Process holder = startHolder(dir);
        try {
            assertThatThrownBy(() -> Project.open(dir, true))
                    .isInstanceOf(DiptychException.class)
                    .hasMessageContaining("open in another Diptych process")
                    .hasMessageContaining("pid " + holder.pid());
            // reading is still allowed
            try (Project ro = Project.open(dir, false)) {
                assertThat(ro.writable()).isFalse();
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // the holder died without cleaning up: its lock file is stale and is taken over
        assertThat(dir.resolve(ProjectLock.FILE)).exists();
        try (Project p = Project.open(dir, true)) {
            assertThat(p.writable()).isTrue();
            assertThat(Files.readString(dir.resolve(ProjectLock.FILE))).startsWith(ProcessHandle.current().pid() + " ");
        }
        // never deleted (another process may be opening it), only stale once closed
        assertThat(dir.resolve(ProjectLock.FILE)).exists();
        Project.open(dir, true).close();
    }

    @Test
    void sameProcessCannotOpenTwiceForWriting() {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, null, List.of("ru"))) {
            assertThatThrownBy(() -> Project.open(dir, true)).isInstanceOf(DiptychException.class);
        }
        Project.open(dir, true).close();
        assertThat(new File(dir.toFile(), ProjectLock.FILE)).exists();
        Project.open(dir, true).close();
    }
}
