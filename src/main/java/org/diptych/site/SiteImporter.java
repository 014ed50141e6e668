package org.diptych.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.diptych.formats.Importer;
import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;
import org.diptych.project.Manifest;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan.Action;
import org.diptych.site.ImportPlan.PlannedStatement;
import org.diptych.site.ImportPlan.PlannedVersion;
import org.diptych.tm.TmFeeder;
import org.diptych.tm.TranslationMemory;

/**
 * Carries out an {@link ImportPlan}: imports the new and changed versions (originals byte for byte, each
 * version atomically through {@link Importer#importInto}), aligns every pair of a statement that gained or
 * changed a version (in a pool of two threads; beads a reviewer confirmed are kept), feeds the TM with the
 * pairs as drafts, and stores the inferred site profiles of languages that have none. The site is only read.
 *
 * <p>Cancelling stops between two versions or two alignments: what was done stays (every version and every
 * alignment is written whole), and running the import again carries on, since unchanged versions are skipped.
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

    public static Report run(Project project, ImportPlan plan, boolean setProfiles, Progress progress) {
        Progress pr = progress == null ? Progress.NONE : progress;
        if (!project.writable()) throw new DiptychException(project.dir() + ": project is open read-only");
        List<String> langs = project.manifest().languages();
        long total = plan.versionCount() + 2L * plan.pairedCount() + 1;
        long done = 0;
        int imported = 0, replaced = 0, unchanged = 0;
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> touched = new LinkedHashMap<>();
        for (PlannedStatement s : plan.statements()) {
            for (PlannedVersion v : s.versions()) {
                pr.checkCancelled();
                pr.update(done++, total, "Importing " + v.path());
                if (v.action() == Action.UNCHANGED) {
                    unchanged++;
                    continue;
                }
                Path file = plan.site().resolve(v.path());
                var r = Importer.importInto(project, s.id(), file, new ImportOptions(v.lang(), null, "markdown"), true);
                for (String w : r.warnings()) if (!w.contains("was aligned; re-align")) warnings.add(w);
                touched.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(v.lang());
                if (v.action() == Action.NEW) imported++;
                else replaced++;
            }
        }

        // pairs to align: source is the statement's first language in the project's order
        record Job(String id, DocumentVersion a, DocumentVersion b, Alignment previous, Lexicon lexicon) {}
        List<Job> jobs = new ArrayList<>();
        Map<String, Lexicon> lexicons = new HashMap<>();
        int kept = 0;
        for (PlannedStatement s : plan.statements()) {
            if (s.versions().size() < 2) continue;
            List<String> ls = new ArrayList<>(s.versions().stream().map(PlannedVersion::lang).toList());
            ls.sort((x, y) -> Integer.compare(order(langs, x), order(langs, y)));
            String src = ls.get(0);
            for (String tgt : ls.subList(1, ls.size())) {
                Alignment previous = project.loadAlignment(s.id(), src, tgt).orElse(null);
                List<String> t = touched.getOrDefault(s.id(), List.of());
                if (previous != null && !t.contains(src) && !t.contains(tgt)) {
                    kept++;
                    continue;
                }
                Lexicon lex = lexicons.computeIfAbsent(src + "\n" + tgt, k -> ProjectLexicon.learn(project, src, tgt));
                jobs.add(new Job(s.id(), project.loadVersion(s.id(), src).orElseThrow(),
                        project.loadVersion(s.id(), tgt).orElseThrow(), previous, lex));
            }
        }
        int aligned = 0, units = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), r -> {
            Thread th = new Thread(r, "site-align");
            th.setDaemon(true);
            return th;
        });
        List<String> profiles = new ArrayList<>();
        try (TranslationMemory tm = jobs.isEmpty() ? null : TranslationMemory.open(project.tmDir())) {
            List<Future<Alignment>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> {
                    if (pr.isCancelled()) return null;
                    Alignment a = new Aligner(j.lexicon()).align(j.id(), j.a(), j.b(), j.previous(), Progress.NONE);
                    a.validate(j.a(), j.b());
                    return a;
                }));
            }
            Map<Lexicon, SentenceAligner> sentence = new HashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                pr.checkCancelled();
                Job j = jobs.get(i);
                pr.update(done, total, "Aligning " + j.id() + " " + j.a().lang() + "-" + j.b().lang());
                Alignment a;
                try {
                    a = futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Progress.Cancelled();
                } catch (ExecutionException e) {
                    warnings.add(j.id() + " " + j.a().lang() + "-" + j.b().lang() + ": not aligned (" + e.getCause().getMessage() + ")");
                    continue;
                }
                if (a == null) throw new Progress.Cancelled();
                project.saveAlignment(a);
                aligned++;
                done += 2;
                SentenceAligner sa = j.lexicon() == null ? new SentenceAligner()
                        : sentence.computeIfAbsent(j.lexicon(), SentenceAligner::new);
                TmFeeder.FeedReport r = new TmFeeder(tm, sa.pairer(), true).feed(j.id(), j.a(), j.b(), a, null);
                units += r.approved() + r.draft();
            }
        } finally {
            pool.shutdownNow();
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

    private static int order(List<String> langs, String l) {
        int i = langs.indexOf(l);
        return i < 0 ? langs.size() : i;
    }
}
