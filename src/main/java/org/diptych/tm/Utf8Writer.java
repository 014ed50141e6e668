package org.diptych.tm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer for the TMX files the TM writes (segments of imports, the record, exports): the
 * bytes {@code new OutputStreamWriter(out, UTF_8)} writes (an unpaired surrogate becomes {@code ?}), encoded
 * char by char into one byte array. The JDK's encoder took a third of an import's reading thread on
 * Cyrillic text (its slow path, through a char buffer and a small byte buffer per call).
 */
final class Utf8Writer extends Writer {
    private final OutputStream out;
    private final byte[] buf;
    private int len;
    /** A high surrogate written last, waiting for its low half. */
    private char high;
    private boolean closed;

    Utf8Writer(OutputStream out, int bufferBytes) {
        this.out = out;
        this.buf = new byte[Math.max(64, bufferBytes)];
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int n) throws IOException {
        int end = off + n;
        for (int i = off; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && high == 0) {
                if (len == buf.length) drain();
                buf[len++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void write(char[] cs, int off, int n) throws IOException {
        for (int i = off; i < off + n; i++) put(cs[i]);
    }

    private void put(char c) throws IOException {
        if (len + 4 > buf.length) drain();
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buf[len++] = '?';
        }
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[len++] = '?';
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        if (len > 0) out.write(buf, 0, len);
        len = 0;
    }

    /** Writes out what is buffered; a high surrogate still waiting for its low half stays. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Flushes (a high surrogate left alone is written as {@code ?}) and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (high != 0) {
            high = 0;
            if (len == buf.length) drain();
            buf[len++] = '?';
        }
        flush();
        out.close();
    }
}
