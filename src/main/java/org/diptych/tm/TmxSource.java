package org.diptych.tm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a TMX file as characters, deciding its encoding from the bytes rather than trusting the XML
 * declaration blindly: a byte order mark wins; a declaration that contradicts the bytes (UTF-16 declared
 * for a single-byte file, a legacy code page declared for a file that is valid UTF-8, UTF-8 declared for
 * bytes that are not UTF-8) gets a line-numbered warning and the encoding the bytes show is used. A
 * UTF-8 file with a few units in another encoding stays UTF-8 ({@link #mostlyUtf8}). Undecodable bytes
 * become U+FFFD, which the reader reports per unit (the unit is skipped, the others are intact).
 */
final class TmxSource {
    static final int SNIFF = 4 << 20;
    private static final Pattern DECL = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private TmxSource() {}

    /** The charset chosen for the file. */
    record Opened(Reader reader, Charset charset, java.util.function.LongSupplier bytesRead) {}

    static Opened open(Path file, TmxWarnings warnings) throws IOException {
        long[] count = new long[1];
        InputStream raw = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) count[0] += n;
                return n;
            }
        };
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            byte[] head = in.readNBytes(SNIFF);
            Charset cs;
            int skip = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                cs = StandardCharsets.UTF_8;
                skip = 3;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                cs = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                cs = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (head.length >= 4 && head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?') {
                cs = StandardCharsets.UTF_16BE;
            } else if (head.length >= 4 && head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0) {
                cs = StandardCharsets.UTF_16LE;
            } else {
                cs = null;
            }
            String declared = declared(head, skip, cs);
            if (cs != null) {
                if (declared != null && !sameFamily(declared, cs)) {
                    warnings.add(1, "the XML declaration says encoding \"" + declared + "\" but the file is "
                            + cs.name() + " (byte order mark); read as " + cs.name());
                }
            } else {
                cs = chooseSingleByteFamily(head, declared, warnings);
            }
            CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            InputStream rest = new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(head, skip, head.length - skip), in);
            return new Opened(new InputStreamReader(rest, dec), cs, () -> count[0]);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static String declared(byte[] head, int skip, Charset cs) {
        int n = Math.min(head.length, skip + 400);
        String start = new String(head, skip, n - skip, cs == null ? StandardCharsets.ISO_8859_1 : cs);
        Matcher m = DECL.matcher(start);
        return m.find() ? m.group(1) : null;
    }

    private static boolean sameFamily(String declared, Charset cs) {
        String d = declared.toUpperCase(Locale.ROOT).replace("_", "-");
        if (cs.name().startsWith("UTF-16")) return d.startsWith("UTF-16") || d.equals("UNICODE");
        return d.equals("UTF-8") || d.equals("UTF8");
    }

    private static Charset chooseSingleByteFamily(byte[] head, String declared, TmxWarnings warnings) {
        int badAt = firstInvalidUtf8(head);
        boolean validUtf8 = badAt < 0;
        boolean hasHigh = false;
        for (byte b : head) {
            if (b < 0) {
                hasHigh = true;
                break;
            }
        }
        String d = declared == null ? null : declared.toUpperCase(Locale.ROOT).replace("_", "-");
        if (d == null || d.equals("UTF-8") || d.equals("UTF8")) {
            if (validUtf8 || mostlyUtf8(head)) return StandardCharsets.UTF_8; // units that do not decode are reported
            Charset guess = guessLegacy(head);
            warnings.add(lineOf(head, badAt), (declared == null ? "no encoding declared (UTF-8 assumed)" : "the XML declaration says UTF-8")
                    + " but the bytes here are not UTF-8; read the file as " + guess.name());
            return guess;
        }
        if (d.startsWith("UTF-16") || d.startsWith("UTF-32") || d.equals("UNICODE")) {
            Charset used = validUtf8 ? StandardCharsets.UTF_8 : guessLegacy(head);
            warnings.add(1, "the XML declaration says encoding \"" + declared + "\" but the file has single-byte "
                    + "markup; read as " + used.name());
            return used;
        }
        Charset cs;
        try {
            cs = Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            Charset used = validUtf8 ? StandardCharsets.UTF_8 : guessLegacy(head);
            warnings.add(1, "unknown encoding \"" + declared + "\" in the XML declaration; read as " + used.name());
            return used;
        }
        if (hasHigh && validUtf8 && !cs.equals(StandardCharsets.UTF_8)) {
            warnings.add(1, "the XML declaration says encoding \"" + declared + "\" but the file is valid UTF-8; read as UTF-8");
            return StandardCharsets.UTF_8;
        }
        return cs;
    }

    /**
     * Cyrillic in windows-1251 is whole words of bytes 80–FF; accented Latin in windows-1252 is single
     * such bytes between ASCII letters. So: mostly runs of high bytes → windows-1251, else windows-1252.
     */
    private static Charset guessLegacy(byte[] head) {
        long high = 0;
        long inRuns = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] >= 0) continue;
            high++;
            if ((i > 0 && head[i - 1] < 0) || (i + 1 < head.length && head[i + 1] < 0)) inRuns++;
        }
        return inRuns * 2 > high ? Charset.forName("windows-1251") : Charset.forName("windows-1252");
    }

    /**
     * True if the bytes hold more well-formed UTF-8 multi-byte sequences than bytes that break UTF-8: a
     * UTF-8 file with a few units pasted in another encoding. Such a file is read as UTF-8 (its good units
     * intact) and only the units with undecodable bytes are lost, each reported; a file in a legacy code
     * page has (almost) no well-formed sequences.
     */
    static boolean mostlyUtf8(byte[] b) {
        long good = 0;
        long bad = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = n > 0 && i + n < b.length;
            for (int k = 1; ok && k <= n; k++) ok = (b[i + k] & 0xC0) == 0x80;
            if (ok) {
                good++;
                i += n + 1;
            } else {
                bad++;
                i++;
            }
        }
        return good > 0 && good > bad;
    }

    /** Offset of the first byte that breaks UTF-8, or -1 (a sequence cut by the end of the sample is fine). */
    static int firstInvalidUtf8(byte[] b) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = dec.decode(in, out, false);
            if (r.isError()) {
                return in.position() >= b.length - 3 && b.length >= SNIFF ? -1 : in.position();
            }
            if (r.isUnderflow()) return -1;
            out.clear();
        }
    }

    private static int lineOf(byte[] head, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < head.length; i++) {
            if (head[i] == '\n') line++;
        }
        return line;
    }
}
