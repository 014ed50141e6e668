package org.diptych.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.align.Aligner;
import org.diptych.align.Lexicon;
import org.diptych.align.ProjectLexicon;
import org.diptych.align.SentenceAligner;
import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;
import org.diptych.project.Manifest;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan.Action;
import org.diptych.site.ImportPlan.PlannedStatement;
import org.diptych.site.ImportPlan.PlannedVersion;
import org.diptych.tm.TmFeeder;
import org.diptych.tm.TmUnit;
import org.diptych.tm.TranslationMemory;

/**
 * Carries out an {@link ImportPlan}: imports the new and changed versions (originals byte for byte) from what
 * the plan read, without reading the files again (new versions in batches, each batch one all-or-nothing
 * {@link org.diptych.project.Transaction} through {@link Importer#importNew}; a changed version alone through
 * {@link Importer#importInto}, which reconciles its alignments), aligns every pair of a statement that gained
 * or changed a version (in a pool of two threads; beads a reviewer confirmed are kept), feeds the TM with the
 * pairs as drafts in one update per batch of alignments, and stores the inferred site profiles of languages
 * that have none. The site is only read.
 *
 * <p>Cancelling stops between two versions or two alignments: the batches already stored stay (each is written
 * whole), the one under way is dropped, and running the import again carries on, since unchanged versions are
 * skipped and a pair without a stored alignment is aligned (and fed) again.
 */
public final class SiteImporter {
    /** What a run did. */
    public record Report(int imported, int replaced, int unchanged, int aligned, int alignmentsKept, int tmUnits,
                         List<String> profilesSet, List<String> warnings) {
        public String summary() {
            return "Imported " + imported + " new and " + replaced + " changed versions (" + unchanged + " unchanged, left as they were); aligned "
                    + aligned + " pairs (" + alignmentsKept + " alignments already up to date); " + tmUnits
                    + " draft units into the translation memory"
                    + (profilesSet.isEmpty() ? "" : "; site profiles set for " + String.join(", ", profilesSet));
        }
    }

    private SiteImporter() {}

    /** New versions stored in one transaction (all or nothing per batch), and at most this many bytes. */
    static final int BATCH_VERSIONS = 200;
    static final long BATCH_BYTES = 8L << 20;
    /** Alignments stored, and their TM units fed, in one step. */
    static final int BATCH_ALIGNMENTS = 500;

    public static Report run(Project project, ImportPlan plan, boolean setProfiles, Progress progress) {
        return run(project, plan, setProfiles, progress, BATCH_VERSIONS);
    }

    /** As {@link #run(Project, ImportPlan, boolean, Progress)} with at most {@code batchVersions} new versions per transaction. */
    static Report run(Project project, ImportPlan plan, boolean setProfiles, Progress progress, int batchVersions) {
        Progress pr = progress == null ? Progress.NONE : progress;
        if (!project.writable()) throw new DiptychException(project.dir() + ": project is open read-only");
        List<String> langs = project.manifest().languages();
        long pairs = 0;
        for (PlannedStatement s : plan.statements()) pairs += Math.max(0, s.versions().size() - 1);
        // progress: a step per version imported, two per pair aligned, one for the TM
        long total = plan.versionCount() + 2L * pairs + 1;
        long done = 0;
        int imported = 0, replaced = 0, unchanged = 0;
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> touched = new LinkedHashMap<>();
        Map<String, DocumentVersion> stored = new HashMap<>(); // id + lang -> the version as imported now
        List<Importer.NewVersion> batch = new ArrayList<>();
        List<Project.VersionFiles> moved = new ArrayList<>();
        long batchBytes = 0;
        for (PlannedStatement s : plan.statements()) {
            for (PlannedVersion v : s.versions()) {
                pr.checkCancelled();
                pr.update(done++, total, "Importing " + v.path());
                if (v.action() == Action.UNCHANGED) {
                    unchanged++;
                    if (v.moved()) {
                        // the same file, elsewhere in the site (or imported before versions remembered their path)
                        project.loadVersion(s.id(), v.lang()).ifPresent(old ->
                                moved.add(new Project.VersionFiles(s.id(), old.withSitePath(v.path()), null)));
                    }
                    continue;
                }
                Path file = plan.site().resolve(v.path());
                ImportResult read = withSitePath(v.parsed() != null ? v.parsed()
                        : Importer.importFile(file, new ImportOptions(v.lang(), null, "markdown")), v.path());
                touched.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(v.lang());
                if (v.action() == Action.NEW) {
                    batch.add(new Importer.NewVersion(s.id(), file, read));
                    batchBytes += read.original().length;
                    stored.put(s.id() + "\n" + read.lang(), read.version());
                    imported++;
                    if (batch.size() >= batchVersions || batchBytes >= BATCH_BYTES) {
                        warnings.addAll(Importer.importNew(project, batch));
                        batch.clear();
                        batchBytes = 0;
                    }
                } else {
                    var r = Importer.importInto(project, s.id(), file, read, true, false);
                    for (String w : r.warnings()) if (!w.contains("was aligned; re-align")) warnings.add(w);
                    stored.put(s.id() + "\n" + r.lang(), r.version());
                    replaced++;
                }
            }
        }
        warnings.addAll(Importer.importNew(project, batch));
        batch.clear();
        project.saveVersions(moved); // their site paths, all or nothing
        if (!moved.isEmpty()) {
            warnings.add(moved.size() + " unchanged version(s): the path of their file in the site recorded (export writes them back there)");
        }

        // pairs to align: source is the statement's first language in the project's order
        record Job(String id, DocumentVersion a, DocumentVersion b, Alignment previous, Lexicon lexicon) {}
        List<Job> jobs = new ArrayList<>();
        Map<String, Optional<Lexicon>> lexicons = new HashMap<>(); // learned once per pair of languages (may be none)
        int kept = 0;
        for (PlannedStatement s : plan.statements()) {
            if (s.versions().size() < 2) continue;
            List<String> ls = new ArrayList<>(s.versions().stream().map(PlannedVersion::lang).toList());
            ls.sort((x, y) -> Integer.compare(order(langs, x), order(langs, y)));
            String src = ls.get(0);
            for (String tgt : ls.subList(1, ls.size())) {
                List<String> t = touched.getOrDefault(s.id(), List.of());
                Alignment previous = project.loadAlignment(s.id(), src, tgt).orElse(null);
                if (previous != null && !t.contains(src) && !t.contains(tgt)) {
                    kept++;
                    done += 2;
                    continue;
                }
                Lexicon lex = lexicons.computeIfAbsent(src + "\n" + tgt, k -> Optional.ofNullable(ProjectLexicon.learn(project, src, tgt)))
                        .orElse(null);
                jobs.add(new Job(s.id(), version(project, stored, s.id(), src), version(project, stored, s.id(), tgt), previous, lex));
            }
        }
        int aligned = 0, units = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), r -> {
            Thread th = new Thread(r, "site-align");
            th.setDaemon(true);
            return th;
        });
        List<String> profiles = new ArrayList<>();
        try (TranslationMemory tm = jobs.isEmpty() ? null : TranslationMemory.open(project.tmDir());
             // the project's team TM, if it names one: approved units fed (confirmed beads kept) are pushed to it
             org.diptych.tm.solr.TeamTm team = tm == null ? null : org.diptych.tm.solr.TeamTm.forProject(project.dir(), tm,
                     org.diptych.platform.Locations.user().config())) {
            // each task aligns a pair and works out its TM units (the sentence pairing inside the beads is as
            // costly as the alignment); this thread stores them in order, a batch at a time
            record Done(Alignment alignment, TmFeeder.Pending feed) {}
            List<Future<Done>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> {
                    if (pr.isCancelled()) return null;
                    Alignment a = new Aligner(j.lexicon()).align(j.id(), j.a(), j.b(), j.previous(), Progress.NONE);
                    a.validate(j.a(), j.b());
                    SentenceAligner sa = new SentenceAligner(j.lexicon());
                    return new Done(a, new TmFeeder(tm, sa.pairer(), true).prepare(j.id(), j.a(), j.b(), a, null));
                }));
            }
            List<TmUnit> puts = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            List<Alignment> toSave = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                pr.checkCancelled();
                Job j = jobs.get(i);
                pr.update(done, total, "Aligning " + j.id() + " " + j.a().lang() + "-" + j.b().lang());
                Done d;
                try {
                    d = futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Progress.Cancelled();
                } catch (ExecutionException e) {
                    warnings.add(j.id() + " " + j.a().lang() + "-" + j.b().lang() + ": not aligned (" + e.getCause().getMessage() + ")");
                    continue;
                }
                if (d == null) throw new Progress.Cancelled();
                toSave.add(d.alignment());
                aligned++;
                done += 2;
                TmFeeder.Pending f = d.feed();
                puts.addAll(f.puts());
                deletes.addAll(f.deletes());
                units += f.report().approved() + f.report().draft();
                if (toSave.size() >= BATCH_ALIGNMENTS) {
                    store(project, tm, toSave, puts, deletes, pr, done, total);
                }
            }
            store(project, tm, toSave, puts, deletes, pr, done, total);
            if (team != null && (team.pushedCount() > 0 || team.waiting() > 0)) warnings.add(team.summary());
        } finally {
            pool.shutdownNow();
        }
        // the stored word model learns the new alignments' beads (only the statements that changed are trained)
        for (String pair : lexicons.keySet()) {
            String[] st = pair.split("\n", 2);
            ProjectLexicon.store(project, st[0], st[1]);
        }
        if (setProfiles) {
            Manifest m = project.manifest();
            for (var e : plan.profiles().entrySet()) {
                if (!m.sites().containsKey(e.getKey())) {
                    m = m.withSite(e.getKey(), e.getValue().profile());
                    profiles.add(e.getKey());
                }
            }
            if (!profiles.isEmpty()) project.saveManifest(m);
        }
        pr.update(total, total, "Done");
        return new Report(imported, replaced, unchanged, aligned, kept, units, profiles, warnings);
    }

    /**
     * The TM feed of a batch of alignments in one step (one journal step, one commit of the index), then the
     * alignments in one transaction. In that order: an import stopped in between has fed the TM but stored no
     * alignment, so the next run aligns those pairs again and feeds the same units again, which changes nothing.
     */
    private static void store(Project project, TranslationMemory tm, List<Alignment> alignments, List<TmUnit> puts,
                              List<String> deletes, Progress pr, long done, long total) {
        if (alignments.isEmpty()) return;
        pr.update(done, total, "Feeding the translation memory (" + puts.size() + " units) and storing "
                + alignments.size() + " alignments");
        tm.update(puts, deletes);
        project.saveAlignments(alignments);
        alignments.clear();
        puts.clear();
        deletes.clear();
    }

    /** What was read, remembering the file's path in the site (export writes the version back there). */
    static ImportResult withSitePath(ImportResult r, String sitePath) {
        return new ImportResult(r.version().withSitePath(sitePath), r.original(), r.encoding(), r.encodingReason(), r.lang(),
                r.langReason(), r.warnings());
    }

    private static DocumentVersion version(Project project, Map<String, DocumentVersion> stored, String id, String lang) {
        DocumentVersion v = stored.get(id + "\n" + lang);
        return v != null ? v : project.loadVersion(id, lang).orElseThrow();
    }

    private static int order(List<String> langs, String l) {
        int i = langs.indexOf(l);
        return i < 0 ? langs.size() : i;
    }
}
