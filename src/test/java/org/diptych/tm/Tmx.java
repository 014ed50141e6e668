package org.diptych.tm;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small TMX files for tests. */
final class Tmx {
    private final StringBuilder sb = new StringBuilder();

    Tmx() {
        this("en");
    }

    Tmx(String srclang) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
        sb.append("<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\"")
                .append(" adminlang=\"en\"").append(srclang == null ? "" : " srclang=\"" + srclang + "\"")
                .append(" datatype=\"plaintext\"/>\n<body>\n");
    }

    /** A unit of alternating language and segment-XML arguments. */
    Tmx tu(String tuid, String... langSeg) {
        sb.append("<tu").append(tuid == null ? "" : " tuid=\"" + tuid + "\"").append(">\n");
        for (int i = 0; i < langSeg.length; i += 2) {
            sb.append("  <tuv xml:lang=\"").append(langSeg[i]).append("\"><seg>").append(langSeg[i + 1]).append("</seg></tuv>\n");
        }
        sb.append("</tu>\n");
        return this;
    }

    Tmx raw(String xml) {
        sb.append(xml).append('\n');
        return this;
    }

    String text() {
        return sb + "</body>\n</tmx>\n";
    }

    Path write(Path file) throws IOException {
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return file;
    }

    Path write(Path file, Charset cs) throws IOException {
        Files.write(file, text().getBytes(cs));
        return file;
    }
}
