package org.diptych.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;

/** Small statements written for the tests, and projects built from them in temporary folders. */
public final class Fixtures {
    public static final String STATEMENT = "2024-03-08-solidarity";

    private Fixtures() {}

    public static DocumentVersion english() {
        return new DocumentVersion("en", null, "markdown", "UTF-8",
                new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: Solidarity with the strikers\n---",
                        java.util.Map.of("title", "Solidarity with the strikers")),
                List.of(
                        new Paragraph("p1", BlockKind.HEADING, 2, "## Solidarity with the strikers", "Solidarity with the strikers"),
                        Paragraph.plain("p2", "The dock workers of the port have been on strike for three weeks."),
                        Paragraph.plain("p3", "Their demands are simple: a fair wage and safe working conditions."),
                        new Paragraph("p4", BlockKind.PARAGRAPH, 0, "We call on **all unions** to support them.", "We call on all unions to support them."),
                        Paragraph.plain("p5", "Collections are organised in every district."),
                        new Paragraph("p6", BlockKind.PARAGRAPH, 0, "Read more [on our site](https://example.org/strike).", "Read more on our site."),
                        Paragraph.plain("p7", "Signed: the editorial board.")));
    }

    /** The Russian post as a file, as a translator would have written it. */
    public static final String RUSSIAN_ORIGINAL = "## Солидарность с бастующими\n\nДокеры порта бастуют уже три недели.\n\n"
            + "Их требования просты: справедливая зарплата.\n\nИ безопасные условия труда.\n\n"
            + "Мы призываем **все профсоюзы** поддержать их.\n\nПримечание переводчика: речь идёт о порте Сантуса.\n\n"
            + "Сборы средств идут во всех районах.\n\nПодписано: редакция.\n";

    public static DocumentVersion russian() {
        return new DocumentVersion("ru", "solidarity.ru.md", "markdown", "UTF-8", FrontMatter.NONE,
                List.of(
                        new Paragraph("p1", BlockKind.HEADING, 2, "## Солидарность с бастующими", "Солидарность с бастующими"),
                        Paragraph.plain("p2", "Докеры порта бастуют уже три недели."),
                        Paragraph.plain("p3", "Их требования просты: справедливая зарплата."),
                        Paragraph.plain("p4", "И безопасные условия труда."),
                        new Paragraph("p5", BlockKind.PARAGRAPH, 0, "Мы призываем **все профсоюзы** поддержать их.", "Мы призываем все профсоюзы поддержать их."),
                        Paragraph.plain("p6", "Примечание переводчика: речь идёт о порте Сантуса."),
                        Paragraph.plain("p7", "Сборы средств идут во всех районах."),
                        Paragraph.plain("p8", "Подписано: редакция.")));
    }

    public static DocumentVersion portuguese() {
        return new DocumentVersion("pt", null, "markdown", "UTF-8", FrontMatter.NONE,
                List.of(
                        Paragraph.plain("p1", "Solidariedade com os grevistas"),
                        Paragraph.plain("p2", "Os estivadores do porto estão em greve há três semanas."),
                        Paragraph.plain("p3", "As reivindicações são simples: salário justo e condições seguras de trabalho."),
                        Paragraph.plain("p4", "Apelamos a todos os sindicatos que os apoiem."),
                        Paragraph.plain("p5", "Há coletas em todos os bairros."),
                        Paragraph.plain("p6", "Assinado: a redação.")));
    }

    /** en→ru: 1:1, 1:1, 1:2, 1:1, 0:1 (translator's note), 1:1, 1:0 (link line), 1:1. */
    public static Alignment englishRussian() {
        return new Alignment(STATEMENT, "en", "ru", List.of(
                Bead.auto(List.of("p1"), List.of("p1"), 0.97),
                Bead.auto(List.of("p2"), List.of("p2"), 0.91),
                Bead.auto(List.of("p3"), List.of("p3", "p4"), 0.42),
                Bead.auto(List.of("p4"), List.of("p5"), 0.88),
                Bead.auto(List.of(), List.of("p6"), 0.30),
                Bead.auto(List.of("p5"), List.of("p7"), 0.75),
                Bead.auto(List.of("p6"), List.of(), 0.35),
                Bead.auto(List.of("p7"), List.of("p8"), 0.93)), java.time.Instant.parse("2024-03-09T10:00:00Z"));
    }

    public static ReviewState englishRussianState() {
        return new ReviewState(englishRussian(), english(), russian(), List.of(), List.of());
    }

    /**
     * Creates a project in {@code dir} with the test statement in en, ru and pt and the en→ru alignment,
     * and closes it (the lock is released).
     */
    public static Path project(Path dir) {
        try (Project p = Project.create(dir, "Test project", List.of("en", "ru", "pt"))) {
            p.saveVersion(STATEMENT, english(), null);
            p.saveVersion(STATEMENT, russian(), RUSSIAN_ORIGINAL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.saveVersion(STATEMENT, portuguese(), null);
            p.saveAlignment(englishRussian());
        }
        return dir;
    }

    /** Random versions with {@code n} source paragraphs and a random valid alignment of them. */
    public static ReviewState random(Random rnd, int n) {
        List<Paragraph> src = new ArrayList<>();
        List<Paragraph> tgt = new ArrayList<>();
        List<Bead> beads = new ArrayList<>();
        int s = 0, t = 0;
        while (s < n) {
            int ns = rnd.nextInt(3), nt = rnd.nextInt(3);
            if (ns + nt == 0) ns = 1;
            List<String> si = new ArrayList<>(), ti = new ArrayList<>();
            for (int k = 0; k < ns; k++) {
                s++;
                src.add(Paragraph.plain("p" + s, "Paragraph " + s + " of the source."));
                si.add("p" + s);
            }
            for (int k = 0; k < nt; k++) {
                t++;
                tgt.add(Paragraph.plain("p" + t, "Абзац " + t + " перевода."));
                ti.add("p" + t);
            }
            beads.add(Bead.auto(si, ti, Math.round(rnd.nextDouble() * 100) / 100.0));
        }
        DocumentVersion sv = new DocumentVersion("en", null, "markdown", "UTF-8", null, src);
        DocumentVersion tv = new DocumentVersion("ru", null, "markdown", "UTF-8", null, tgt);
        return new ReviewState(new Alignment("random", "en", "ru", beads, java.time.Instant.EPOCH), sv, tv,
                List.of(), List.of());
    }
}
