package org.diptych.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;

/**
 * Finds the character set of a text file and decodes it. In order:
 * <ol>
 * <li>a byte order mark (UTF-8, UTF-16LE, UTF-16BE);</li>
 * <li>UTF-16 without a mark, recognised by its zero bytes;</li>
 * <li>valid UTF-8 (which includes plain ASCII);</li>
 * <li>for HTML, a charset the page declares in a {@code <meta>} element;</li>
 * <li>the single-byte Cyrillic code pages windows-1251 and KOI8-R, told apart by how well the decoded letters
 *     fit Russian letter frequencies (see {@link #russianScore(String)});</li>
 * <li>otherwise windows-1252 (Western European: Portuguese or English with accented letters).</li>
 * </ol>
 * The result says which rule decided, so the user can override it with {@code --encoding} when it is wrong.
 */
public final class EncodingDetector {
    /**
     * A chosen character set.
     *
     * @param charset    the character set
     * @param reason     why it was chosen, for the user
     * @param bomLength  bytes of byte order mark to skip before decoding
     */
    public record Result(Charset charset, String reason, int bomLength) {}

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    public static final Charset KOI8_R = Charset.forName("KOI8-R");
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * Relative frequencies (per mille) of the 33 Russian letters а..я, ё in ordinary prose, from counts over
     * Russian newspaper text; used only to rank candidate decodings, so rough values are enough.
     */
    private static final double[] RU_FREQ = {
        /* а */ 80.1, /* б */ 15.9, /* в */ 45.4, /* г */ 17.0, /* д */ 29.8, /* е */ 84.5, /* ж */ 9.4,
        /* з */ 16.5, /* и */ 73.5, /* й */ 12.1, /* к */ 34.9, /* л */ 44.0, /* м */ 32.1, /* н */ 67.0,
        /* о */ 109.7, /* п */ 28.1, /* р */ 47.3, /* с */ 54.7, /* т */ 62.6, /* у */ 26.2, /* ф */ 2.6,
        /* х */ 9.7, /* ц */ 4.8, /* ч */ 14.4, /* ш */ 7.3, /* щ */ 3.6, /* ъ */ 0.4, /* ы */ 19.0,
        /* ь */ 17.4, /* э */ 3.2, /* ю */ 6.4, /* я */ 20.1
    };
    private static final double RU_FREQ_YO = 0.4;

    private EncodingDetector() {}

    /**
     * Detects the character set of {@code bytes}.
     *
     * @param html whether the bytes are an HTML page (then a declared {@code <meta charset>} is honoured when the
     *             bytes are not UTF-8)
     */
    public static Result detect(byte[] bytes, boolean html) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Result(StandardCharsets.UTF_8, "UTF-8 byte order mark", 3);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Result(StandardCharsets.UTF_16LE, "UTF-16LE byte order mark", 2);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Result(StandardCharsets.UTF_16BE, "UTF-16BE byte order mark", 2);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new Result(utf16, "no byte order mark, but zero bytes in every other position", 0);
        }
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new Result(StandardCharsets.UTF_8, "ASCII only, read as UTF-8", 0);
        if (isValid(bytes, StandardCharsets.UTF_8)) return new Result(StandardCharsets.UTF_8, "valid UTF-8", 0);
        if (html) {
            Matcher m = META_CHARSET.matcher(new String(bytes, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1));
            if (m.find()) {
                try {
                    Charset declared = Charset.forName(m.group(1));
                    if (!declared.equals(StandardCharsets.UTF_8)) {
                        return new Result(declared, "declared in the page's <meta> charset", 0);
                    }
                } catch (IllegalArgumentException ignored) {
                    // an unknown declared charset: fall through to the heuristics
                }
            }
        }
        if (looksCyrillic(bytes)) {
            double s1251 = russianScore(new String(bytes, WINDOWS_1251));
            double sKoi = russianScore(new String(bytes, KOI8_R));
            String scores = String.format(Locale.ROOT, "(score %.2f vs %.2f)", Math.max(s1251, sKoi), Math.min(s1251, sKoi));
            return s1251 >= sKoi
                    ? new Result(WINDOWS_1251, "not UTF-8; Russian letter frequencies fit windows-1251 better than KOI8-R " + scores, 0)
                    : new Result(KOI8_R, "not UTF-8; Russian letter frequencies fit KOI8-R better than windows-1251 " + scores, 0);
        }
        return new Result(WINDOWS_1252, "not UTF-8; isolated accented letters, read as windows-1252", 0);
    }

    /**
     * The character set the user named (with {@code --encoding}); a byte order mark of that same encoding is
     * skipped.
     *
     * @throws DiptychException if the name is not a character set Java knows
     */
    public static Result forced(String name, byte[] bytes) {
        Charset cs;
        try {
            cs = Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DiptychException("unknown encoding '" + name + "' (use e.g. UTF-8, UTF-16, windows-1251, KOI8-R, windows-1252)");
        }
        int bom = 0;
        Result detected = detect(bytes, false);
        if (detected.bomLength() > 0 && (detected.charset().equals(cs)
                || (cs.equals(StandardCharsets.UTF_16) && detected.charset().name().startsWith("UTF-16")))) {
            bom = detected.bomLength();
            cs = detected.charset();
        }
        return new Result(cs, "given with --encoding", bom);
    }

    /**
     * Decodes the bytes (after the byte order mark). Multi-byte encodings are decoded strictly; single-byte ones
     * map every byte.
     *
     * @throws DiptychException naming {@code fileName} if the bytes are not valid in the chosen encoding
     */
    public static String decode(byte[] bytes, Result encoding, String fileName) {
        CharsetDecoder dec = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, encoding.bomLength(), bytes.length - encoding.bomLength());
        try {
            CharBuffer out = dec.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            throw new DiptychException(fileName + ": not valid " + encoding.charset().name() + " (bad byte at offset "
                    + at + "); give the right one with --encoding");
        }
    }

    static boolean isValid(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-16 without a BOM: in text of mostly Latin or Cyrillic letters one byte of almost every pair is zero… */
    private static Charset utf16WithoutBom(byte[] b) {
        int pairs = b.length / 2;
        if (pairs < 2) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            if (b[i] == 0) zeroEven++;
            if (b[i + 1] == 0) zeroOdd++;
        }
        // …for Latin text; Cyrillic code units are 0x04xx, so the high byte is 0x04 instead of zero.
        int fourEven = 0, fourOdd = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            if (b[i] == 0x04) fourEven++;
            if (b[i + 1] == 0x04) fourOdd++;
        }
        if (zeroOdd + fourOdd > 0.6 * pairs && zeroEven < 0.05 * pairs) return StandardCharsets.UTF_16LE;
        if (zeroEven + fourEven > 0.6 * pairs && zeroOdd < 0.05 * pairs) return StandardCharsets.UTF_16BE;
        return null;
    }

    /**
     * Cyrillic single-byte text has its letters in runs of high bytes (whole words), while Western European text
     * has a few accented letters among ASCII ones, alone or in pairs ("ção"). True if runs of high bytes are
     * 2.5 bytes long on average, or if high bytes are at least half of all letters.
     */
    static boolean looksCyrillic(byte[] b) {
        int high = 0, runs = 0, asciiLetters = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 0) {
                if ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z')) asciiLetters++;
                continue;
            }
            high++;
            if (i == 0 || b[i - 1] >= 0) runs++;
        }
        if (high == 0) return false;
        return (double) high / runs >= 2.5 || high * 2 >= high + asciiLetters;
    }

    /**
     * How Russian a decoded text looks: the mean log frequency of its Cyrillic letters (case folded) minus a
     * penalty for capitals inside words. Decoding with the wrong one of windows-1251 and KOI8-R permutes the
     * letters and swaps upper and lower case, which both lower the score. Higher is better; text without
     * Cyrillic letters scores {@code -Infinity}.
     */
    static double russianScore(String s) {
        double sum = 0;
        int letters = 0, capsInside = 0;
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            double f;
            if (lower >= 'а' && lower <= 'я') {
                f = RU_FREQ[lower - 'а'];
            } else if (lower == 'ё') {
                f = RU_FREQ_YO;
            } else {
                prev = c;
                continue;
            }
            letters++;
            sum += Math.log(f / 1000.0);
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) capsInside++;
            prev = c;
        }
        if (letters == 0) return Double.NEGATIVE_INFINITY;
        return sum / letters - 5.0 * capsInside / letters;
    }
}
