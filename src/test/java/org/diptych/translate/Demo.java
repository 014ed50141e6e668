package org.diptych.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.project.Project;

/**
 * The bundled sample project {@code sample-projects/demo}, copied into a temporary folder (the original is
 * never touched). Its statement {@value #HEAT} has 18 Russian paragraphs and only the first 12 in Portuguese.
 */
public final class Demo {
    public static final String HEAT = "2024-07-19-heat";

    private Demo() {}

    /** Copies the demo project to {@code dir}. */
    public static Path copy(Path dir) {
        Path src = Path.of("sample-projects", "demo");
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * The heat statement's ru→pt alignment as an aligner gives it: the twelve Portuguese paragraphs 1:1 with
     * the first twelve Russian ones, the last six Russian paragraphs without counterpart (1:0).
     */
    public static Alignment heatRuPt(Project p) {
        DocumentVersion ru = p.loadVersion(HEAT, "ru").orElseThrow();
        DocumentVersion pt = p.loadVersion(HEAT, "pt").orElseThrow();
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < ru.paragraphs().size(); i++) {
            List<String> t = i < pt.paragraphs().size() ? List.of(pt.paragraphs().get(i).id()) : List.of();
            beads.add(Bead.auto(List.of(ru.paragraphs().get(i).id()), t, 0.9));
        }
        Alignment a = new Alignment(HEAT, "ru", "pt", beads, Instant.parse("2024-07-20T10:00:00Z"));
        a.validate(ru, pt);
        return a;
    }
}
