package org.diptych.tm;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychVersion;

/**
 * Writes TMX 1.4b, streaming: a header, then one {@code <tu>} per call, then the closing tags. Units are
 * written with every attribute, prop, note and the segment XML exactly as the TM keeps them.
 */
final class TmxWriter implements Closeable {
    private final Writer w;
    private boolean closed;

    /**
     * Starts the document with Diptych's header.
     *
     * @param headerProps extra header props ({@code type → value}), written in order
     */
    TmxWriter(OutputStream out, Map<String, String> headerProps) throws IOException {
        this(out, null, props(headerProps));
    }

    /**
     * Starts the document.
     *
     * @param headerAttributes the header's attributes in order (those TMX requires and that are missing are
     *                         added with Diptych's values); {@code null} for Diptych's header
     * @param headerMeta       the header's props and notes, written in order
     */
    TmxWriter(OutputStream out, Map<String, String> headerAttributes, List<TmMeta> headerMeta) throws IOException {
        this.w = new Utf8Writer(out, 1 << 16);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<tmx version=\"1.4\">\n");
        Map<String, String> attrs = new LinkedHashMap<>();
        if (headerAttributes != null) attrs.putAll(headerAttributes);
        for (Map.Entry<String, String> e : diptychHeader().entrySet()) attrs.putIfAbsent(e.getKey(), e.getValue());
        w.write("<header");
        attrs(attrs);
        if (headerMeta.isEmpty()) {
            w.write("/>\n");
        } else {
            w.write(">\n");
            meta(headerMeta, "  ");
            w.write("</header>\n");
        }
        w.write("<body>\n");
    }

    /** The attributes of the header Diptych writes (TMX 1.4b requires all but creationdate). */
    static Map<String, String> diptychHeader() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("creationtool", "Diptych");
        a.put("creationtoolversion", DiptychVersion.get());
        a.put("segtype", "paragraph");
        a.put("o-tmf", "Diptych");
        a.put("adminlang", "en");
        a.put("srclang", "*all*");
        a.put("datatype", "plaintext");
        a.put("creationdate", TmUnit.formatDate(Instant.now()));
        return a;
    }

    private static List<TmMeta> props(Map<String, String> headerProps) {
        List<TmMeta> m = new ArrayList<>();
        for (Map.Entry<String, String> e : headerProps.entrySet()) m.add(TmMeta.prop(e.getKey(), e.getValue()));
        return m;
    }

    void write(TmUnit u) throws IOException {
        w.write("<tu");
        attrs(u.attributes());
        w.write(">\n");
        meta(u.meta(), "  ");
        for (TmVariant v : u.variants()) {
            w.write("  <tuv xml:lang=\"");
            w.write(Xml.escapeAttr(v.lang()));
            w.write('"');
            attrs(v.attributes());
            w.write(">\n");
            meta(v.meta(), "    ");
            w.write("    <seg>");
            w.write(v.segXml());
            w.write("</seg>\n  </tuv>\n");
        }
        w.write("</tu>\n");
    }

    private void attrs(Map<String, String> attributes) throws IOException {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            w.write(' ');
            w.write(e.getKey());
            w.write("=\"");
            w.write(Xml.escapeAttr(e.getValue()));
            w.write('"');
        }
    }

    private void meta(List<TmMeta> meta, String indent) throws IOException {
        for (TmMeta m : meta) {
            String name = m.kind() == TmMeta.Kind.PROP ? "prop" : "note";
            w.write(indent);
            w.write('<');
            w.write(name);
            attrs(m.attributes());
            w.write('>');
            w.write(Xml.escape(m.text()));
            w.write("</");
            w.write(name);
            w.write(">\n");
        }
    }

    /** Writes the closing tags and flushes; the underlying stream stays open for the caller to sync. */
    void finish() throws IOException {
        if (!closed) {
            w.write("</body>\n</tmx>\n");
            w.flush();
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
