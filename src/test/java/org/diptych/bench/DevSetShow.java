package org.diptych.bench;

import java.nio.file.Path;

/** Prints paragraphs [from, to] of a development-set text in full (development aid for the gold). */
public final class DevSetShow {
    public static void main(String[] args) throws Exception {
        DevSet.Doc d = DevSet.load(Path.of(args[0]), "xx");
        int from = Integer.parseInt(args[1]), to = Math.min(d.paragraphs().size() - 1, Integer.parseInt(args[2]));
        for (int i = from; i <= to; i++) System.out.println("[" + i + "] " + d.paragraphs().get(i).markup());
    }
}
