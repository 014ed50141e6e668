package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The TMX files' UTF-8 writer writes the bytes the JDK's writer writes, for any text and any cutting into calls. */
class Utf8WriterTest {
    @Test
    void bytesAreTheJdkWritersOnGeneratedTexts() throws IOException {
        // ASCII, Latin-1, Cyrillic, three-byte chars, a surrogate pair, lone halves of one
        String[] pieces = {"a", "<", "é", "ж", "Ё", "€", "日", "😀", "\uD83D", "\uDE00", "\n", "&amp;"};
        Random r = new Random(23);
        for (int n = 0; n < 3000; n++) {
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            // a small buffer, so that the buffer fills in the middle of a character
            try (Writer a = new Utf8Writer(mine, 64); Writer b = new OutputStreamWriter(jdk, StandardCharsets.UTF_8)) {
                int calls = 1 + r.nextInt(6);
                for (int c = 0; c < calls; c++) {
                    StringBuilder sb = new StringBuilder();
                    int len = r.nextInt(40);
                    for (int k = 0; k < len; k++) sb.append(pieces[r.nextInt(pieces.length)]);
                    String s = sb.toString();
                    switch (r.nextInt(3)) {
                        case 0 -> {
                            a.write(s);
                            b.write(s);
                        }
                        case 1 -> {
                            int from = s.isEmpty() ? 0 : r.nextInt(s.length());
                            a.write(s, from, s.length() - from);
                            b.write(s, from, s.length() - from);
                        }
                        default -> {
                            for (char ch : s.toCharArray()) {
                                a.write(ch);
                                b.write(ch);
                            }
                        }
                    }
                }
            }
            assertThat(mine.toByteArray()).isEqualTo(jdk.toByteArray());
        }
    }

    @Test
    void cyrillicTextIsUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new Utf8Writer(out, 64)) {
            w.write("Профсоюз учителей провёл собрание в Казани.");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Профсоюз учителей провёл собрание в Казани.");
    }
}
