package org.diptych.glossary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.diptych.DiptychException;
import org.diptych.model.Languages;

/**
 * Reads glossaries from files.
 *
 * <ul>
 *   <li><b>CSV</b> ({@code .csv}, comma or semicolon) and <b>TSV</b> ({@code .tsv}, {@code .tab},
 *       {@code .txt}): UTF-8; the first line names a language per column ({@code ru,en,pt}; a column
 *       named {@code note}, {@code definition} or {@code comment} holds notes; other columns are ignored
 *       with a warning). Each further line is one concept; a cell may hold synonyms separated by
 *       {@code |}. CSV cells may be quoted ({@code "a, b"}, {@code ""} for a quote).</li>
 *   <li><b>TBX</b> ({@code .tbx}, {@code .xml}): TBX 2 ({@code martif/…/termEntry/langSet/tig/term}) and
 *       TBX 3 ({@code conceptEntry/langSec/termSec/term}); {@code descrip type="definition"} and
 *       {@code note} become the note. Read with StAX, no DTD or external entity is loaded.</li>
 * </ul>
 * Lines or entries with terms in fewer than two languages are skipped with a warning.
 */
public final class GlossaryReader {
    /** What a file gave: the glossary and a warning per skipped line or column. */
    public record Result(Glossary glossary, List<String> warnings) {}

    private GlossaryReader() {}

    /**
     * Reads a glossary file, its kind chosen by extension.
     *
     * @throws DiptychException naming the file and the reason if it cannot be read
     */
    public static Result read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) throw new DiptychException(file + ": no such file");
        if (name.endsWith(".tbx") || name.endsWith(".xml")) return readTbx(file);
        if (name.endsWith(".csv")) return readDelimited(file, text(file), null);
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return readDelimited(file, text(file), '\t');
        }
        throw new DiptychException(file + ": unknown glossary format (use .csv, .tsv or .tbx)");
    }

    private static String text(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new DiptychException(file + ": not UTF-8 text; save the glossary as UTF-8", e);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    // ---------------------------------------------------------------- CSV and TSV

    /**
     * Reads delimited text. {@code delimiter} null means CSV: comma, or semicolon if the header line has
     * semicolons and no comma.
     */
    static Result readDelimited(Path file, String text, Character delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        char d;
        if (delimiter != null) {
            d = delimiter;
        } else {
            String first = text.lines().findFirst().orElse("");
            d = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        }
        parse(file, text, d, delimiter == null, rows, lines);
        if (rows.isEmpty()) throw new DiptychException(file + ": empty glossary");
        List<String> header = rows.get(0);
        List<String> warnings = new ArrayList<>();
        String[] langs = new String[header.size()];
        int noteCol = -1;
        int langCount = 0;
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip();
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.equals("note") || lower.equals("notes") || lower.equals("definition") || lower.equals("comment")) {
                noteCol = c;
                continue;
            }
            try {
                langs[c] = Languages.base(Languages.normalize(h));
                langCount++;
            } catch (IllegalArgumentException e) {
                warnings.add(file + ": line 1: column " + (c + 1) + " '" + h + "' is not a supported language; ignored");
            }
        }
        if (langCount < 2) {
            throw new DiptychException(file + ": the first line must name at least two languages (e.g. ru"
                    + d + "en" + d + "pt)");
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) continue;
            Map<String, List<String>> terms = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(row.size(), langs.length); c++) {
                if (langs[c] == null) continue;
                for (String t : row.get(c).split("\\|")) {
                    if (!t.isBlank()) terms.computeIfAbsent(langs[c], k -> new ArrayList<>()).add(t);
                }
            }
            if (terms.size() < 2) {
                warnings.add(file + ": line " + lines.get(r) + ": terms in fewer than two languages; skipped");
                continue;
            }
            String note = noteCol >= 0 && noteCol < row.size() ? row.get(noteCol) : null;
            entries.add(new GlossaryEntry(terms, note));
        }
        return new Result(new Glossary(entries), warnings);
    }

    /** Splits into rows of cells; with {@code quotes}, RFC 4180 quoting. Records each row's first line. */
    private static void parse(Path file, String text, char d, boolean quotes, List<List<String>> rows, List<Integer> lines) {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inQuotes) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    cell.append(ch);
                }
            } else if (quotes && ch == '"' && cell.toString().isBlank() && !quoted) {
                inQuotes = true;
                quoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (ch == d) {
                row.add(cell.toString());
                cell.setLength(0);
                quoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                rows.add(row);
                lines.add(rowLine);
                row = new ArrayList<>();
                cell.setLength(0);
                quoted = false;
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (inQuotes) throw new DiptychException(file + ": line " + quoteLine + ": quote not closed");
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
            lines.add(rowLine);
        }
    }

    // ---------------------------------------------------------------- TBX

    static Result readTbx(Path file) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<GlossaryEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean sawRoot = false;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            Map<String, List<String>> terms = null;
            String note = null;
            String lang = null;
            int entryLine = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!n.equals("martif") && !n.equals("tbx")) {
                            throw new DiptychException(file + ": not a TBX file (root element <" + n + ">)");
                        }
                    }
                    switch (n) {
                        case "termEntry", "conceptEntry" -> {
                            terms = new LinkedHashMap<>();
                            note = null;
                            entryLine = r.getLocation().getLineNumber();
                        }
                        case "langSet", "langSec" -> lang = xmlLang(r);
                        case "term" -> {
                            int line = r.getLocation().getLineNumber();
                            String t = r.getElementText();
                            if (terms == null || lang == null) continue;
                            try {
                                String base = Languages.base(Languages.normalize(lang));
                                if (!t.isBlank()) terms.computeIfAbsent(base, k -> new ArrayList<>()).add(t);
                            } catch (IllegalArgumentException e) {
                                warnings.add(file + ": line " + line + ": language '" + lang + "' is not supported; term ignored");
                            }
                        }
                        case "descrip", "note" -> {
                            String type = r.getAttributeValue(null, "type");
                            String t = r.getElementText();
                            if (terms != null && note == null && (n.equals("note") || "definition".equals(type))) note = t;
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if ((n.equals("termEntry") || n.equals("conceptEntry")) && terms != null) {
                        if (terms.size() >= 2) entries.add(new GlossaryEntry(terms, note));
                        else warnings.add(file + ": line " + entryLine + ": terms in fewer than two languages; skipped");
                        terms = null;
                    } else if (n.equals("langSet") || n.equals("langSec")) {
                        lang = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new DiptychException(file + ": not a well-formed TBX file" + (line > 0 ? " (line " + line + ")" : "")
                    + ": " + String.valueOf(e.getMessage()).lines().reduce((a, b) -> b).orElse("").strip(), e);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (!sawRoot) throw new DiptychException(file + ": empty file, not TBX");
        return new Result(new Glossary(entries), warnings);
    }

    private static String xmlLang(XMLStreamReader r) {
        String l = r.getAttributeValue(javax.xml.XMLConstants.XML_NS_URI, "lang");
        if (l == null) l = r.getAttributeValue(null, "lang");
        return l;
    }
}
