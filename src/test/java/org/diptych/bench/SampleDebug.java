package org.diptych.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.model.Paragraph;

/** Development aid: aligns the sample posts and prints differences from their gold. */
public final class SampleDebug {
    public static void main(String[] args) throws Exception {
        Path gold = Path.of("sample-projects/gold"), posts = Path.of("sample-projects/posts");
        try (var files = Files.list(gold)) {
            for (Path g : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                String name = g.getFileName().toString();
                String id = name.substring(0, name.indexOf('.'));
                String[] langs = name.substring(id.length() + 1, name.length() - 4).split("-");
                List<Paragraph> a = Importer.importFile(posts.resolve(langs[0]).resolve(id + ".md"), ImportOptions.DEFAULTS.withLang(langs[0])).version().paragraphs();
                List<Paragraph> b = Importer.importFile(posts.resolve(langs[1]).resolve(id + ".md"), ImportOptions.DEFAULTS.withLang(langs[1])).version().paragraphs();
                List<AlignedBead> want = OwnStatements.goldFrom(Files.readString(g), name);
                List<AlignedBead> got = new Aligner().alignUnits(a, langs[0], b, langs[1], Progress.NONE);
                Set<String> w = new HashSet<>();
                for (AlignedBead x : want) w.add(Metrics.key(x));
                System.out.println("== " + name + " " + a.size() + "x" + b.size() + " " + Metrics.of(got, want));
                for (AlignedBead x : got) {
                    if (w.contains(Metrics.key(x)) && args.length == 0) continue;
                    System.out.printf("%s %s %.3f%n", w.contains(Metrics.key(x)) ? "  " : "XX", Metrics.key(x), x.confidence());
                    for (int i = x.sourceStart(); i < x.sourceEnd(); i++) System.out.println("   S" + i + " " + AlignDebug.cut(a.get(i).markup().replace('\n', ' ')));
                    for (int j = x.targetStart(); j < x.targetEnd(); j++) System.out.println("   T" + j + " " + AlignDebug.cut(b.get(j).markup().replace('\n', ' ')));
                }
                Set<String> p = new HashSet<>();
                for (AlignedBead x : got) p.add(Metrics.key(x));
                for (AlignedBead x : want) if (!p.contains(Metrics.key(x))) System.out.println("   missed gold " + Metrics.key(x));
            }
        }
    }
}
