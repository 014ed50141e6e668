package org.diptych.tm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;

/**
 * Feeds a statement's alignment into the TM. After {@link #feed} the TM's units for that statement and
 * language pair are exactly what the alignment says now:
 *
 * <ul>
 *   <li>a CONFIRMED bead's paragraph pair (and, with a {@link SentencePairer}, its sentence pairs) is an
 *       approved unit;</li>
 *   <li>an AUTO bead's pairs are draft units if the feeder takes drafts, else not in the TM;</li>
 *   <li>a REJECTED bead's pairs are never in the TM (a unit fed earlier is deleted);</li>
 *   <li>beads with an empty side give nothing.</li>
 * </ul>
 *
 * Units are keyed by statement, languages and paragraph ids ({@code stmt|en|ru|p3,p4|p5}, sentence units
 * add {@code #n}), so editing a confirmed pair's text updates its unit in place: creation date, creator and
 * usage count are kept, change date and changer are set. Feeding an unchanged alignment changes nothing.
 *
 * <p>A segment's text is its paragraphs' plain text (what lookups match); the inline markdown of a markdown
 * version (links, emphasis, code spans) goes into the segment as TMX inline codes ({@link MarkdownCodes}),
 * sentence units taking the codes of their part of the paragraph, so that an inserted match keeps its
 * formatting. Block prefixes ({@code ### }, {@code - }) are no part of a segment.
 */
public final class TmFeeder {
    /** Counts of one feed: units put as approved or draft, deleted, left as they were. */
    public record FeedReport(int approved, int draft, int deleted, int unchanged) {}

    private final TranslationMemory tm;
    private final SentencePairer pairer;
    private final boolean drafts;

    /**
     * @param tm            the TM to feed
     * @param pairer        sentence pairing, or {@code null} for paragraph units only
     * @param includeDrafts feed AUTO beads as draft units
     */
    public TmFeeder(TranslationMemory tm, SentencePairer pairer, boolean includeDrafts) {
        this.tm = Objects.requireNonNull(tm);
        this.pairer = pairer;
        this.drafts = includeDrafts;
    }

    /** Feeds the alignment of two versions of a statement. */
    public FeedReport feed(Statement statement, Alignment alignment, String user) {
        DocumentVersion s = statement.version(alignment.sourceLang());
        DocumentVersion t = statement.version(alignment.targetLang());
        if (s == null || t == null) {
            throw new DiptychException("statement " + statement.id() + " has no " + (s == null ? alignment.sourceLang()
                    : alignment.targetLang()) + " version to feed into the TM");
        }
        return feed(statement.id(), s, t, alignment, user);
    }

    /**
     * Feeds an alignment; {@code user} is recorded as creator or changer when a bead names no reviewer.
     */
    public FeedReport feed(String statementId, DocumentVersion source, DocumentVersion target, Alignment alignment,
                           String user) {
        Pending p = prepare(statementId, source, target, alignment, user);
        tm.update(p.puts(), p.deletes());
        return p.report();
    }

    /** What a feed would put and delete, not applied yet: many of them go to the TM in one update. */
    public record Pending(List<TmUnit> puts, List<String> deletes, FeedReport report) {}

    /**
     * Works out the feed of an alignment ({@link #feed}) without changing the TM, so that the feeds of many
     * alignments (a site import) are applied in one {@link TranslationMemory#update}, one commit of the index.
     * The alignments of one batch must belong to different statements or language pairs.
     */
    public Pending prepare(String statementId, DocumentVersion source, DocumentVersion target, Alignment alignment,
                           String user) {
        String scope = statementId + "|" + source.lang() + "|" + target.lang();
        Map<String, TmUnit> wanted = new LinkedHashMap<>();
        for (Bead b : alignment.beads()) {
            if (b.source().isEmpty() || b.target().isEmpty() || b.status() == BeadStatus.REJECTED) continue;
            boolean draft = b.status() != BeadStatus.CONFIRMED;
            if (draft && !drafts) continue;
            String who = b.reviewer() != null ? b.reviewer() : user;
            String key = scope + "|" + String.join(",", b.source()) + "|" + String.join(",", b.target());
            MarkdownCodes.Coded src = coded(source, b.source());
            MarkdownCodes.Coded tgt = coded(target, b.target());
            if (src.text().isBlank() || tgt.text().isBlank()) continue;
            for (TmUnit u : units(key, statementId, source, target, src, tgt, b.source().get(0), b.target().get(0),
                    draft, who, b.note())) {
                wanted.put(u.id(), u);
            }
        }
        Map<String, TmUnit> existing = new LinkedHashMap<>();
        for (TmUnit u : tm.unitsInScope(scope)) existing.put(u.id(), u);
        String now = TmUnit.formatDate(Instant.now());
        List<TmUnit> puts = new ArrayList<>();
        int approved = 0;
        int draft = 0;
        int unchanged = 0;
        for (TmUnit w : wanted.values()) {
            TmUnit merged = merge(w, existing.remove(w.id()), now);
            if (merged == null) {
                unchanged++;
                continue;
            }
            puts.add(merged);
            if (w.isDraft()) draft++;
            else approved++;
        }
        List<String> deletes = new ArrayList<>(existing.keySet());
        return new Pending(puts, deletes, new FeedReport(approved, draft, deletes.size(), unchanged));
    }

    /**
     * Puts the units of one bead at once (a translator confirmed its target in the desk), keyed as
     * {@link #feed} keys them, so that a later feed finds them in place; creation date, creator and usage
     * count of a unit already there are kept. Sentence units come too when the feeder has a pairer. Other
     * units are not touched.
     *
     * @param draft put draft units (the translator is no reviewer) instead of approved ones
     * @param user  recorded as creator or changer
     * @return the units put (approved or draft) and left unchanged
     */
    public FeedReport feedBead(String statementId, DocumentVersion source, DocumentVersion target, Bead bead,
                               boolean draft, String user) {
        if (bead.source().isEmpty() || bead.target().isEmpty()) {
            throw new DiptychException("statement " + statementId + ": a bead with an empty side gives no TM unit");
        }
        String key = statementId + "|" + source.lang() + "|" + target.lang() + "|" + String.join(",", bead.source())
                + "|" + String.join(",", bead.target());
        MarkdownCodes.Coded src = coded(source, bead.source());
        MarkdownCodes.Coded tgt = coded(target, bead.target());
        if (src.text().isBlank() || tgt.text().isBlank()) {
            throw new DiptychException("statement " + statementId + ": an empty paragraph gives no TM unit");
        }
        List<TmUnit> wanted = units(key, statementId, source, target, src, tgt, bead.source().get(0),
                bead.target().get(0), draft, user, bead.note());
        String now = TmUnit.formatDate(Instant.now());
        List<TmUnit> puts = new ArrayList<>();
        int unchanged = 0;
        for (TmUnit w : wanted) {
            TmUnit merged = merge(w, tm.get(w.id()), now);
            if (merged == null) {
                unchanged++;
                continue;
            }
            puts.add(merged);
        }
        tm.update(puts, List.of());
        return new FeedReport(draft ? 0 : puts.size(), draft ? puts.size() : 0, 0, unchanged);
    }

    /**
     * The unit to put for a wanted unit {@code w} (whose {@code creationid} attribute, if any, names the
     * user), given the unit {@code old} already stored under its id or {@code null}: the creation data,
     * change data and usage of {@code old} are kept; if the result equals {@code old} there is nothing to
     * put and this returns {@code null}; otherwise the change date and changer are set (for a new unit, the
     * creation date and creator), and the attributes put in TMX order. Without a user (no reviewer named)
     * the creator/changer attribute is left out.
     */
    private static TmUnit merge(TmUnit w, TmUnit old, String now) {
        Map<String, String> a = new LinkedHashMap<>(w.attributes());
        String who = a.remove("creationid");
        boolean putWho = who != null && !who.isBlank();
        if (old != null) {
            for (String k : List.of("creationdate", "creationid", "changedate", "changeid", "usagecount", "lastusagedate")) {
                String v = old.attributes().get(k);
                if (v != null) a.put(k, v);
            }
            if (w.withAttributes(a).equals(old)) return null;
            a.put("changedate", now);
            if (putWho) a.put("changeid", who);
        } else {
            a.put("creationdate", now);
            if (putWho) a.put("creationid", who);
        }
        return w.withAttributes(order(a));
    }

    private static Map<String, String> order(Map<String, String> a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : List.of("srclang", "segtype", "creationdate", "creationid", "changedate", "changeid",
                "usagecount", "lastusagedate")) {
            if (a.containsKey(k)) out.put(k, a.get(k));
        }
        out.putAll(a);
        return out;
    }

    /**
     * The paragraph unit of a bead and, with a pairer, its sentence units; each segment carries the inline
     * markdown of its part of the paragraphs as TMX codes ({@link MarkdownCodes}).
     */
    private List<TmUnit> units(String key, String statementId, DocumentVersion source, DocumentVersion target,
                               MarkdownCodes.Coded src, MarkdownCodes.Coded tgt, String firstSource, String firstTarget,
                               boolean draft, String who, String note) {
        List<TmUnit> out = new ArrayList<>();
        out.add(unit(key, statementId, source, target, src, tgt, previous(source, firstSource),
                previous(target, firstTarget), draft, who, "paragraph", note));
        if (pairer == null) return out;
        List<SentencePairer.SentencePair> pairs = pairer.pair(src.text(), source.lang(), tgt.text(), target.lang());
        int[] sFrom = {0};
        int[] tFrom = {0};
        for (int i = 0; i < pairs.size(); i++) {
            SentencePairer.SentencePair p = pairs.get(i);
            if (p.source().isBlank() || p.target().isBlank()) continue;
            out.add(unit(key + "#" + (i + 1), statementId, source, target, src.sentence(p.source(), sFrom),
                    tgt.sentence(p.target(), tFrom), i == 0 ? null : pairs.get(i - 1).source(),
                    i == 0 ? null : pairs.get(i - 1).target(), draft, who, "sentence", null));
        }
        return out;
    }

    private static TmUnit unit(String key, String statementId, DocumentVersion source, DocumentVersion target,
                               MarkdownCodes.Coded srcText, MarkdownCodes.Coded tgtText, String srcPrev, String tgtPrev,
                               boolean draft, String who, String segtype, String note) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("srclang", source.lang());
        attrs.put("segtype", segtype);
        if (who != null) attrs.put("creationid", who);
        List<TmMeta> meta = new ArrayList<>();
        if (note != null && !note.isBlank()) meta.add(TmMeta.note(note));
        meta.add(TmMeta.prop(TmUnit.PROP_KEY, key));
        meta.add(TmMeta.prop(TmUnit.PROP_STATEMENT, statementId));
        if (draft) meta.add(TmMeta.prop(TmUnit.PROP_STATUS, TmUnit.DRAFT));
        List<TmVariant> vs = List.of(variant(source, srcText, srcPrev), variant(target, tgtText, tgtPrev));
        return new TmUnit(UnitIds.keyId(key), attrs, meta, vs);
    }

    private static TmVariant variant(DocumentVersion v, MarkdownCodes.Coded seg, String previous) {
        List<TmMeta> meta = new ArrayList<>();
        if (v.originalFile() != null) meta.add(TmMeta.prop(TmUnit.PROP_DOCUMENT, v.originalFile()));
        if (previous != null && !previous.isBlank()) {
            meta.add(TmMeta.prop(TmUnit.PROP_PREVIOUS, TranslationMemory.contextHash(previous)));
        }
        return seg.variant(v.lang(), meta);
    }

    /** The segment of paragraphs {@code ids}: their texts joined by {@code \n}, with their inline markdown. */
    private static MarkdownCodes.Coded coded(DocumentVersion v, List<String> ids) {
        for (String id : ids) {
            if (v.paragraph(id) == null) {
                throw new DiptychException("alignment names paragraph " + id + " which is not in the " + v.lang() + " version");
            }
        }
        return MarkdownCodes.encode(v, ids);
    }

    /** The text of the paragraph before {@code id}, or {@code null} for the first one. */
    private static String previous(DocumentVersion v, String id) {
        List<Paragraph> ps = v.paragraphs();
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).id().equals(id)) return ps.get(i - 1).text();
        }
        return null;
    }
}
