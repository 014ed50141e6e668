package org.diptych.tm;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
     * Starts the document.
     *
     * @param headerProps extra header props ({@code type → value}), written in order
     */
    TmxWriter(OutputStream out, Map<String, String> headerProps) throws IOException {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<tmx version=\"1.4\">\n");
        w.write("<header creationtool=\"Diptych\" creationtoolversion=\"" + Xml.escapeAttr(DiptychVersion.get())
                + "\" segtype=\"paragraph\" o-tmf=\"Diptych\" adminlang=\"en\" srclang=\"*all*\" datatype=\"plaintext\""
                + " creationdate=\"" + TmUnit.formatDate(Instant.now()) + "\"");
        if (headerProps.isEmpty()) {
            w.write("/>\n");
        } else {
            w.write(">\n");
            for (Map.Entry<String, String> e : headerProps.entrySet()) {
                w.write("  <prop type=\"" + Xml.escapeAttr(e.getKey()) + "\">" + Xml.escape(e.getValue()) + "</prop>\n");
            }
            w.write("</header>\n");
        }
        w.write("<body>\n");
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
