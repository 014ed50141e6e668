package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.diptych.cli.CliTestSupport.Result;
import org.diptych.formats.Posts;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.AtomicFiles;
import org.diptych.project.Project;
import org.diptych.project.VersionReplace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --replace}: review work kept, re-aligned at once, all or nothing, undoable. */
class ReplaceCommandTest {
    static final String ID = "2018-07-02-pension-age";
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void alignedAndReviewed() throws IOException {
        dir = tmp.resolve("proj");
        assertThat(CliTestSupport.run("new", dir.toString(), "--languages", "ru,en").code()).isZero();
        assertThat(importing(file("ru.md", Posts.RU)).code()).isZero();
        assertThat(importing(file("en.md", Posts.EN)).code()).isZero();
        Result a = CliTestSupport.run("align", "--project", dir.toString(), "--statement", ID, "--source-lang", "ru",
                "--target-lang", "en", "--no-tm");
        assertThat(a.code()).as(a.err()).isZero();
        // the reviewer confirms every bead
        try (Project p = Project.open(dir, true)) {
            Alignment al = p.loadAlignment(ID, "ru", "en").orElseThrow();
            List<Bead> all = new ArrayList<>();
            for (Bead b : al.beads()) all.add(b.withStatus(BeadStatus.CONFIRMED, "lead", Instant.EPOCH));
            p.saveAlignment(al.withBeads(all));
        }
    }

    @AfterEach
    void diskBack() {
        AtomicFiles.Faults.clear();
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    Result importing(Path f, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "--project", dir.toString(), "--statement", ID));
        args.addAll(List.of(extra));
        args.add(f.toString());
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    /** The English post corrected: one paragraph reworded, one dropped, one added. */
    static String corrected() {
        return Posts.EN
                .replace("- Hold a nationwide referendum, e.g. in September.\n", "")
                .replace("Index pensions at least in line with inflation.", "Index pensions at least in line with prices.")
                .replace("Signed: ", "We call on every trade union to join the campaign.\n\nSigned: ");
    }

    Alignment stored() {
        try (Project p = Project.open(dir, false)) {
            Alignment a = p.loadAlignment(ID, "ru", "en").orElseThrow();
            a.validate(p.loadVersion(ID, "ru").orElseThrow(), p.loadVersion(ID, "en").orElseThrow());
            return a;
        }
    }

    /** The project's files and contents, without backups (which grow) and the lock file (its last holder). */
    String state() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.startsWith(Project.BACKUPS) || rel.equals(".diptych.lock")) continue;
                sb.append(rel).append(Files.isRegularFile(p) ? " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) : "/").append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void replaceKeepsConfirmedBeadsOfUnchangedParagraphsAndRealignsTheRestAtOnce() throws IOException {
        int before = stored().beads().size();
        String untouched = state();
        Result refused = importing(file("en-corrected.md", corrected()), "--replace");
        // two English paragraphs changed or went: their confirmed beads no longer apply, said before anything happens
        assertThat(refused.code()).isEqualTo(Main.FAILURE);
        assertThat(refused.err().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("leaves 2 confirmed beads without their paragraphs").contains("--force")
                .contains("nothing was changed");
        assertThat(state()).isEqualTo(untouched);

        Result r = importing(file("en-corrected.md", corrected()), "--replace", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("replaced the en version").contains("6 paragraphs unchanged, 2 new, 2 gone")
                .contains("ru-en re-aligned: " + (before - 2) + " of " + before + " confirmed beads kept");
        Alignment a = stored(); // valid for the new versions: every paragraph in a bead, in order
        DocumentVersion en;
        try (Project p = Project.open(dir, false)) {
            en = p.loadVersion(ID, "en").orElseThrow();
        }
        Paragraph added = en.paragraphs().stream().filter(x -> x.text().contains("trade union")).findFirst().orElseThrow();
        Paragraph reworded = en.paragraphs().stream().filter(x -> x.text().contains("line with prices")).findFirst().orElseThrow();
        assertThat(a.beads().stream().filter(b -> b.target().contains(added.id()))).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BeadStatus.AUTO));
        assertThat(a.beads().stream().filter(b -> b.target().contains(reworded.id()))).singleElement()
                .satisfies(b -> assertThat(b.isConfirmed()).isFalse());
        assertThat(a.beads().stream().filter(Bead::isConfirmed).count()).isEqualTo(before - 2);
        assertThat(a.beads().stream().filter(Bead::isConfirmed)).allSatisfy(b -> assertThat(b.reviewer()).isEqualTo("lead"));
        // unchanged paragraphs keep their ids; new ones get ids never used before
        assertThat(en.paragraphs().get(0).id()).isEqualTo("p1");
        assertThat(Integer.parseInt(added.id().substring(1))).isGreaterThan(en.paragraphs().size());
        // a plain align now finds a consistent alignment
        Result al = CliTestSupport.run("align", "--project", dir.toString(), "--statement", ID, "--source-lang", "ru",
                "--target-lang", "en", "--no-tm");
        assertThat(al.out()).contains("exists").contains((before - 2) + " confirmed");

        // the replace can be undone: the previous version, alignment and original come back
        try (Project p = Project.open(dir, true)) {
            assertThat(VersionReplace.restorePrevious(p, ID, "en")).isTrue();
        }
        assertThat(state()).isEqualTo(untouched);
    }

    @Test
    void replaceByAnUnrelatedFileSaysAllConfirmedBeadsWouldGo() throws IOException {
        Result r = importing(file("wrong.md", "---\ntitle: Another post\n---\n\nA different text about the weather.\n\n"
                + "It rained all week in the city.\n"), "--replace", "--lang", "en");
        assertThat(r.code()).isEqualTo(Main.FAILURE);
        // every confirmed bead with an English paragraph; a confirmed "no counterpart" bead of a Russian one still holds
        long withEnglish = stored().beads().stream().filter(b -> !b.target().isEmpty()).count();
        assertThat(r.err()).contains("leaves " + withEnglish + " confirmed beads").contains("0 paragraphs unchanged");
    }

    @Test
    void sameFileAgainKeepsEverything() throws IOException {
        Alignment a0 = stored();
        Result r = importing(file("en.md", Posts.EN), "--replace");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(stored().beads()).isEqualTo(a0.beads());
    }

    @Test
    void fullDiskAtAnyMomentLeavesTheProjectBeforeOrAfter() throws IOException {
        Path f = file("en-corrected.md", corrected());
        String before = state();
        String after = null;
        int failed = 0, levels = 0;
        // free space from nothing to enough, in steps (each step is one whole import --replace)
        for (long budget : new long[] {0, 1, 40, 700, 3000, 6000, 9000, 12000, 16000, 24000, 48000, 1 << 20}) {
            if (after != null) break;
            levels++;
            AtomicFiles.Faults.failAfterBytes(budget);
            Result r = importing(f, "--replace", "--force");
            AtomicFiles.Faults.clear();
            if (r.code() == 0) {
                after = state();
            } else {
                failed++;
                assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
                assertThat(r.err()).contains("No space left on device").contains("nothing was changed");
                assertThat(state()).as("budget " + budget).isEqualTo(before);
            }
        }
        assertThat(after).as("the replace succeeds with enough space").isNotNull().isNotEqualTo(before);
        assertThat(failed).isGreaterThan(3);
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(x -> x.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(levels).isGreaterThan(failed);
    }

    @Test
    void anAlignmentSavedButNotFedIsFedByTheNextPlainAlign() throws Exception {
        // the set-up aligned with --no-tm: as if align was killed after saving the alignment, before the feed
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(dir.resolve("tm"))) {
            assertThat(tm.stats().units()).isZero();
        }
        Result again = CliTestSupport.run("align", "--project", dir.toString(), "--statement", ID, "--source-lang", "ru",
                "--target-lang", "en");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("kept it").contains("Translation memory: ");
        long units;
        try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(dir.resolve("tm"))) {
            units = tm.stats().units();
        }
        assertThat(units).isPositive();
        // idempotent: once more changes nothing
        Result third = CliTestSupport.run("align", "--project", dir.toString(), "--statement", ID, "--source-lang", "ru",
                "--target-lang", "en");
        assertThat(third.out()).contains("0 approved and 0 draft units written");
    }

    @Test
    void formatAndLanguageMistakesAreUsageErrors() throws IOException {
        Path f = file("x.md", Posts.EN);
        assertThat(importing(f, "--format", "bogus").code()).isEqualTo(Main.USAGE);
        assertThat(importing(f, "--lang", "xx").code()).isEqualTo(Main.USAGE);
        Result r = importing(f, "--lang", "x\u001b[31mred");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).doesNotContain("\u001b");
        Result id = CliTestSupport.run("import", "--project", dir.toString(), "--statement", "bad\u001b]0;x\u0007id", f.toString());
        assertThat(id.code()).isEqualTo(Main.FAILURE);
        assertThat(id.err()).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(Map.of()).isEmpty();
    }

    Result undoing(String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "--undo-replace", "--project", dir.toString(), "--statement", ID));
        args.addAll(List.of(extra));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @Test
    void undoReplaceBringsBackTheVersionAndTheConfirmedAlignmentAsOneChange() throws IOException {
        String untouched = state();
        Alignment reviewed = stored();
        assertThat(undoing("--lang", "en").err()).contains("never replaced").contains("nothing was changed");
        assertThat(importing(file("en-corrected.md", corrected()), "--replace", "--force").code()).isZero();
        String replaced = state();

        // a full disk during the undo: the project stays as the replace left it, and the undo can be tried again
        for (long budget : new long[] {0, 30, 2000}) {
            AtomicFiles.Faults.failAfterBytes(budget);
            Result r = undoing("--lang", "en");
            AtomicFiles.Faults.clear();
            assertThat(r.code()).isEqualTo(Main.FAILURE);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains("nothing was changed");
            assertThat(state()).isEqualTo(replaced);
        }

        Result u = undoing("--lang", "en");
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(u.out()).contains("restored the en version of " + ID);
        assertThat(state()).isEqualTo(untouched);
        // every bead back with its status, reviewer and time
        assertThat(stored().beads()).isEqualTo(reviewed.beads());
        assertThat(stored().beads()).allSatisfy(b -> assertThat(b.isConfirmed()).isTrue());
        // undone once: a second undo has nothing left to undo
        Result again = undoing("--lang", "en");
        assertThat(again.code()).isEqualTo(Main.FAILURE);
        assertThat(again.err()).contains("never replaced");
        assertThat(state()).isEqualTo(untouched);

        // two replaces are undone one after the other
        assertThat(importing(file("en-corrected.md", corrected()), "--replace", "--force").code()).isZero();
        String second = state();
        assertThat(importing(file("en-corrected2.md", corrected().replace("line with prices", "line with the prices")),
                "--replace", "--force").code()).isZero();
        assertThat(state()).isNotEqualTo(second);
        assertThat(undoing("--lang", "en").code()).isZero();
        assertThat(state()).isEqualTo(second);
        assertThat(undoing("--lang", "en").code()).isZero();
        assertThat(state()).isEqualTo(untouched);
    }

    @Test
    void undoReplaceIsRefusedWhenTheVersionChangedSince() throws IOException {
        assertThat(importing(file("en-corrected.md", corrected()), "--replace", "--force").code()).isZero();
        // a review step after the replace: one bead rejected
        try (Project p = Project.open(dir, true)) {
            Alignment al = p.loadAlignment(ID, "ru", "en").orElseThrow();
            List<Bead> beads = new ArrayList<>(al.beads());
            beads.set(0, beads.get(0).withStatus(BeadStatus.REJECTED, "lead", Instant.EPOCH));
            p.saveAlignment(al.withBeads(beads));
        }
        String reviewedAfter = state();
        Result r = undoing("--lang", "en");
        assertThat(r.code()).isEqualTo(Main.FAILURE);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("align.ru-en.json").contains("changed since the en version of " + ID + " was replaced")
                .contains("not undone");
        assertThat(state()).isEqualTo(reviewedAfter);

        // usage: --lang is needed, no FILE, no --replace; a language the statement lacks is one line
        assertThat(undoing().code()).as("no --lang").isEqualTo(Main.USAGE);
        assertThat(undoing("--lang", "en", "--replace").code()).isEqualTo(Main.USAGE);
        assertThat(undoing("--lang", "en", file("x.md", Posts.EN).toString()).code()).isEqualTo(Main.USAGE);
        assertThat(CliTestSupport.run("import", "--project", dir.toString(), "--statement", ID).code())
                .as("import without FILE").isEqualTo(Main.USAGE);
        assertThat(undoing("--lang", "pt").err()).contains("has no pt version");
        assertThat(state()).isEqualTo(reviewedAfter);
    }
}
