package org.diptych.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux launcher of the app image ({@code src/packaging/linux/launcher}, put over jpackage's
 * {@code bin/Diptych} and {@code bin/diptych} by the installer profile): it starts the image's runtime with
 * what the launcher's {@code lib/app/<name>.cfg} says, as jpackage's launcher does. Run here on a made-up
 * image whose {@code lib/runtime/bin/java} writes down the arguments it was given.
 */
class LinuxLauncherScriptTest {
    private static final Path SCRIPT = Path.of("src/packaging/linux/launcher");

    @TempDir
    Path dir;
    private Path image;
    private Path record;

    @BeforeEach
    void image() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "a Linux launcher");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash");
        image = dir.resolve("Дiptych image");
        record = dir.resolve("args.txt");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app/lib"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        for (String name : List.of("Diptych", "diptych")) {
            Files.copy(SCRIPT, image.resolve("bin/" + name));
            executable(image.resolve("bin/" + name));
        }
        Path java = image.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$RECORD\"\n");
        executable(java);
        Files.writeString(image.resolve("lib/app/Diptych.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/diptych.jar",
                "app.mainclass=org.diptych.ui.Launcher",
                "app.classpath=$APPDIR/lib/a-1.jar",
                "app.classpath=$APPDIR/lib/b-2.jar",
                "",
                "[JavaOptions]",
                "java-options=-Djpackage.app-version=0.1.0",
                "java-options=-Xmx2g",
                "java-options=-Ddiptych.sample=$APPDIR/sample/demo",
                "java-options=-XX:SharedArchiveFile=$APPDIR/diptych.jsa",
                "java-options=-Dpaths=$ROOTDIR|$BINDIR",
                "") + "\n");
        Files.writeString(image.resolve("lib/app/diptych.cfg"), String.join("\r\n",
                "[Application]",
                "app.classpath=$APPDIR/diptych.jar",
                "app.mainclass=org.diptych.cli.Main",
                "[JavaOptions]",
                "java-options=-Xmx2g",
                "[ArgOptions]",
                "arguments=--help"));
    }

    @Test
    void startsTheRuntimeWithTheOptionsClassPathAndMainClassOfItsCfgAndPassesTheArgumentsAsGiven() throws Exception {
        List<String> args = run(image.resolve("bin/Diptych"), "/home/ana/Мои проекты/демо", "--sample", "");
        String app = image.toRealPath().resolve("lib/app").toString();
        String root = image.toRealPath().toString();
        assertThat(args).containsExactly(
                "-Djpackage.app-version=0.1.0",
                "-Xmx2g",
                "-Ddiptych.sample=" + app + "/sample/demo",
                "-XX:SharedArchiveFile=" + app + "/diptych.jsa",
                "-Dpaths=" + root + "|" + root + "/bin",
                "-Djpackage.app-path=" + root + "/bin/Diptych",
                "-cp", app + "/diptych.jar:" + app + "/lib/a-1.jar:" + app + "/lib/b-2.jar",
                "org.diptych.ui.Launcher",
                "/home/ana/Мои проекты/демо", "--sample", "");
    }

    @Test
    void eachLauncherReadsItsOwnCfgAndTheCfgsDefaultArgumentsStandInOnlyForNone() throws Exception {
        String app = image.toRealPath().resolve("lib/app").toString();
        List<String> none = run(image.resolve("bin/diptych"));
        assertThat(none).containsSubsequence("-cp", app + "/diptych.jar", "org.diptych.cli.Main", "--help");
        assertThat(none.get(none.size() - 1)).isEqualTo("--help"); // the cfg's Windows line ends are dropped
        List<String> some = run(image.resolve("bin/diptych"), "export", "--project", "x");
        assertThat(some.subList(some.size() - 4, some.size())).containsExactly("org.diptych.cli.Main", "export", "--project", "x");
    }

    @Test
    void startedThroughASymbolicLinkItFindsTheImageTheLinkPointsInto() throws Exception {
        Path link = dir.resolve("elsewhere/diptych");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, image.resolve("bin/diptych"));
        List<String> args = run(link, "--version");
        String app = image.toRealPath().resolve("lib/app").toString();
        assertThat(args).containsSubsequence("-cp", app + "/diptych.jar", "org.diptych.cli.Main", "--version");
    }

    @Test
    void aLauncherWithoutItsCfgSaysSoInOneLine() throws Exception {
        Files.delete(image.resolve("lib/app/Diptych.cfg"));
        Process p = start(image.resolve("bin/Diptych"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err.strip()).isEqualTo("Diptych: no launcher settings " + image.toRealPath().resolve("lib/app/Diptych.cfg"));
        assertThat(record).doesNotExist();
    }

    private List<String> run(Path launcher, String... args) throws Exception {
        Process p = start(launcher, args);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        Files.delete(record);
        return lines;
    }

    private Process start(Path launcher, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().put("RECORD", record.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
