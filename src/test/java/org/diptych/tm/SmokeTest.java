package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path tmp;

    @Test
    void importAndLookup() throws Exception {
        Path f = new Tmx().tu("1", "en-US", "Everyone has the right to freedom of thought.", "ru-RU", "Каждый человек имеет право на свободу мысли.")
                .tu("2", "en", "The committee met on 12 May 2019 to discuss the budget.", "ru", "Комитет собрался 12 мая 2019 года, чтобы обсудить бюджет.", "pt-BR", "O comitê se reuniu em 12 de maio de 2019 para discutir o orçamento.")
                .write(tmp.resolve("a.tmx"));
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            ImportReport r = tm.importTmx(f, Progress.NONE);
            System.out.println(r);
            List<TmMatch> m = tm.lookup("The committee met on 14 May 2019 to discuss the budget.", "en", "ru", 3);
            m.forEach(x -> System.out.println(x.score() + " " + x.kind() + " " + x.description() + " " + x.target().text() + " " + x.diff()));
            assertThat(m).isNotEmpty();
            m = tm.lookup("Comitê se reuniu em 12 de maio de 2019 para discutir o orçamento", "pt", "en", 3);
            m.forEach(x -> System.out.println(x.score() + " " + x.kind() + " " + x.description() + " " + x.target().text()));
            tm.concordance("права", "ru", 5).forEach(h -> System.out.println(h.marked("[", "]")));
            System.out.println(tm.stats());
        }
        try (TranslationMemory tm = TranslationMemory.open(tmp.resolve("tm"))) {
            System.out.println("rebuilt " + tm.wasRebuilt() + " " + tm.stats());
            tm.exportTmx(tmp.resolve("out.tmx"), false);
            System.out.println(java.nio.file.Files.readString(tmp.resolve("out.tmx")));
        }
    }
}
