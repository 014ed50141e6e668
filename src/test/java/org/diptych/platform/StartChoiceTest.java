package org.diptych.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.platform.StartChoice.Kind;

class StartChoiceTest {
    @TempDir
    Path tmp;

    private Path project(String name) throws Exception {
        Path p = Files.createDirectories(tmp.resolve(name));
        Files.writeString(p.resolve("diptych.json"), "{}");
        return p;
    }

    @Test
    void firstStartOpensTheSampleLaterStartsTheMostRecentProject() throws Exception {
        Path sample = project("sample");
        Path recent = project("recent");
        assertThat(StartChoice.decide(List.of(), List.of(), true, sample)).isEqualTo(new StartChoice(Kind.SAMPLE, sample));
        assertThat(StartChoice.decide(List.of(), List.of(recent), false, sample)).isEqualTo(new StartChoice(Kind.PROJECT, recent));
        // later start without a recent project: the welcome page, not the sample again
        assertThat(StartChoice.decide(List.of(), List.of(), false, sample).kind()).isEqualTo(Kind.WELCOME);
        // a recent project that was deleted is skipped
        assertThat(StartChoice.decide(List.of(), List.of(tmp.resolve("gone"), recent), false, sample).project()).isEqualTo(recent);
        assertThat(StartChoice.decide(List.of(), List.of(tmp.resolve("gone")), false, sample).kind()).isEqualTo(Kind.WELCOME);
        // a build without a sample
        assertThat(StartChoice.decide(List.of(), List.of(), true, null).kind()).isEqualTo(Kind.WELCOME);
    }

    @Test
    void argumentsWin() throws Exception {
        Path recent = project("recent");
        Path sample = project("sample");
        assertThat(StartChoice.decide(List.of("/some/project"), List.of(recent), true, sample))
                .isEqualTo(new StartChoice(Kind.PROJECT, Path.of("/some/project")));
        assertThat(StartChoice.decide(List.of("--sample", sample.toString()), List.of(recent), false, null))
                .isEqualTo(new StartChoice(Kind.SAMPLE, sample));
    }
}
