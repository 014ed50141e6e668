package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.diptych.DiptychException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingDetectorTest {
    static final String RU = "Рабочие завода вышли на забастовку, требуя выплаты долгов по зарплате. "
            + "Администрация отказалась вести переговоры с профсоюзом.";
    static final String RU_SHORT = "Заявление профсоюза";
    static final String RU_CAPS = "ЗАЯВЛЕНИЕ ИСПОЛКОМА О ПОВЫШЕНИИ ПЕНСИОННОГО ВОЗРАСТА";
    static final String PT = "Os trabalhadores da fábrica entraram em greve, exigindo o pagamento dos salários atrasados. "
            + "A administração recusou-se a negociar com o sindicato e não publicou nenhuma declaração.";

    private static EncodingDetector.Result detect(String text, Charset cs) {
        return EncodingDetector.detect(text.getBytes(cs), false);
    }

    @Test
    void byteOrderMarks() {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, RU.getBytes(StandardCharsets.UTF_8));
        EncodingDetector.Result r = EncodingDetector.detect(utf8, false);
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(r.reason()).isEqualTo("UTF-8 byte order mark");
        assertThat(EncodingDetector.decode(utf8, r, "a.txt")).isEqualTo(RU);

        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, RU.getBytes(StandardCharsets.UTF_16LE));
        r = EncodingDetector.detect(le, false);
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(EncodingDetector.decode(le, r, "a.txt")).isEqualTo(RU);

        byte[] be = "\uFEFFStatement of the committee".getBytes(StandardCharsets.UTF_16BE);
        r = EncodingDetector.detect(be, false);
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(EncodingDetector.decode(be, r, "a.txt")).isEqualTo("Statement of the committee");
    }

    @Test
    void utf16WithoutBom() {
        assertThat(detect(RU, StandardCharsets.UTF_16LE).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detect(PT, StandardCharsets.UTF_16BE).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void utf8WithoutBomAndAscii() {
        assertThat(detect(RU, StandardCharsets.UTF_8)).isEqualTo(
                new EncodingDetector.Result(StandardCharsets.UTF_8, "valid UTF-8", 0));
        assertThat(detect(PT, StandardCharsets.UTF_8).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect("Plain statement.", StandardCharsets.US_ASCII).reason()).isEqualTo("ASCII only, read as UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {RU, RU_SHORT, RU_CAPS,
            "В. И. Ленин писал: \"Учиться, учиться и ещё раз учиться\". Это цитата, ёлки.", "Да"})
    void windows1251AndKoi8rAreToldApartByLetterFrequencies(String text) {
        EncodingDetector.Result w = detect(text, EncodingDetector.WINDOWS_1251);
        assertThat(w.charset()).isEqualTo(EncodingDetector.WINDOWS_1251);
        assertThat(w.reason()).startsWith("not UTF-8; Russian letter frequencies fit windows-1251 better than KOI8-R");
        assertThat(EncodingDetector.decode(text.getBytes(EncodingDetector.WINDOWS_1251), w, "a.txt")).isEqualTo(text);

        EncodingDetector.Result k = detect(text, EncodingDetector.KOI8_R);
        assertThat(k.charset()).isEqualTo(EncodingDetector.KOI8_R);
        assertThat(EncodingDetector.decode(text.getBytes(EncodingDetector.KOI8_R), k, "a.txt")).isEqualTo(text);
    }

    @Test
    void westernSingleByteTextIsWindows1252() {
        EncodingDetector.Result r = detect(PT, EncodingDetector.WINDOWS_1252);
        assertThat(r.charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
        assertThat(EncodingDetector.decode(PT.getBytes(EncodingDetector.WINDOWS_1252), r, "a.txt")).isEqualTo(PT);
    }

    @Test
    void htmlMetaCharsetIsHonouredWhenNotUtf8() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head>"
                + "<body><p>Да</p></body></html>";
        EncodingDetector.Result r = EncodingDetector.detect(html.getBytes(EncodingDetector.KOI8_R), true);
        assertThat(r.charset()).isEqualTo(EncodingDetector.KOI8_R);
        assertThat(r.reason()).isEqualTo("declared in the page's <meta> charset");
    }

    @Test
    void russianScorePrefersTheRightDecoding() {
        byte[] b = RU.getBytes(EncodingDetector.WINDOWS_1251);
        assertThat(EncodingDetector.russianScore(new String(b, EncodingDetector.WINDOWS_1251)))
                .isGreaterThan(EncodingDetector.russianScore(new String(b, EncodingDetector.KOI8_R)));
        assertThat(EncodingDetector.russianScore("no Cyrillic")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(EncodingDetector.looksCyrillic(RU.getBytes(EncodingDetector.WINDOWS_1251))).isTrue();
        assertThat(EncodingDetector.looksCyrillic(PT.getBytes(EncodingDetector.WINDOWS_1252))).isFalse();
    }

    @Test
    void forcedEncoding() {
        byte[] b = RU.getBytes(EncodingDetector.KOI8_R);
        EncodingDetector.Result r = EncodingDetector.forced("koi8-r", b);
        assertThat(r.charset()).isEqualTo(EncodingDetector.KOI8_R);
        assertThat(r.reason()).isEqualTo("given with --encoding");
        assertThat(EncodingDetector.decode(b, r, "a.txt")).isEqualTo(RU);

        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Texto".getBytes(StandardCharsets.UTF_8));
        assertThat(EncodingDetector.decode(bom, EncodingDetector.forced("UTF-8", bom), "a.txt")).isEqualTo("Texto");

        assertThatThrownBy(() -> EncodingDetector.forced("klingon-8", b))
                .isInstanceOf(DiptychException.class).hasMessageStartingWith("unknown encoding 'klingon-8'");
        assertThatThrownBy(() -> EncodingDetector.decode(b, EncodingDetector.forced("UTF-8", b), "ru.txt"))
                .isInstanceOf(DiptychException.class)
                .hasMessageStartingWith("ru.txt: not valid UTF-8 (bad byte at offset 0)");
    }

    @Test
    void allSupportedEncodingsRoundTripThroughDetection() {
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                EncodingDetector.WINDOWS_1251, EncodingDetector.KOI8_R)) {
            EncodingDetector.Result r = detect(RU, cs);
            assertThat(EncodingDetector.decode(RU.getBytes(cs), r, "a.txt")).as(cs.name()).isEqualTo(RU);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
