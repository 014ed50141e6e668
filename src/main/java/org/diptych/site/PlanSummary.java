package org.diptych.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text a dry run prints and the Open site dialog shows. */
public final class PlanSummary {
    private PlanSummary() {}

    /** The plan as lines of text: counts, pairings, ambiguous posts, other languages, skipped files, profiles. */
    public static String describe(ImportPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Site ").append(plan.site()).append(plan.config().file() == null ? " (no config file)"
                : " (" + (plan.config().hugo() ? "Hugo" : "Jekyll") + ", " + plan.config().file() + ")").append('\n');
        Map<String, Integer> perLang = new LinkedHashMap<>();
        plan.statements().forEach(s -> s.versions().forEach(v -> perLang.merge(v.lang(), 1, Integer::sum)));
        sb.append("  ").append(plan.statements().size()).append(" statements, ").append(plan.pairedCount())
                .append(" with translations; versions per language: ").append(perLang).append('\n');
        sb.append("  ").append(plan.count(ImportPlan.Action.NEW)).append(" new, ").append(plan.count(ImportPlan.Action.CHANGED))
                .append(" changed, ").append(plan.count(ImportPlan.Action.UNCHANGED)).append(" unchanged versions\n");
        Map<String, Integer> rules = new LinkedHashMap<>();
        plan.statements().forEach(s -> { if (s.versions().size() > 1) rules.merge(s.pairedBy(), 1, Integer::sum); });
        if (!rules.isEmpty()) sb.append("  paired by: ").append(rules).append('\n');
        if (!plan.ambiguous().isEmpty()) {
            sb.append("  ").append(plan.ambiguous().size()).append(" ambiguous pairings (not imported):\n");
            for (ImportPlan.Ambiguity a : plan.ambiguous()) {
                sb.append("    ").append(String.join(", ", a.paths())).append(": ").append(a.reason()).append('\n');
            }
        }
        if (!plan.otherLanguages().isEmpty()) {
            sb.append("  ").append(plan.otherLanguageCount()).append(" posts in languages outside the project (not imported):\n");
            plan.otherLanguages().forEach((l, files) -> sb.append("    ").append(l).append(": ").append(files.size())
                    .append(" (").append(String.join(", ", files.subList(0, Math.min(5, files.size()))))
                    .append(files.size() > 5 ? ", …" : "").append(")\n"));
        }
        if (!plan.skippedCounts().isEmpty()) {
            sb.append("  skipped:\n");
            plan.skippedCounts().forEach((reason, n) -> {
                List<String> ex = plan.skipped().stream().filter(s -> s.reason().equals(reason)).map(ImportPlan.Skipped::path).limit(4).toList();
                sb.append("    ").append(n).append(" × ").append(reason)
                        .append(ex.isEmpty() ? "" : " (" + String.join(", ", ex) + (n > ex.size() ? ", …" : "") + ")").append('\n');
            });
        }
        sb.append("  site profiles inferred (confirm them; change with 'diptych site'):\n");
        plan.profiles().forEach((l, ip) -> sb.append("    ").append(l).append(": url ").append(ip.profile().urlPattern())
                .append(", path ").append(ip.profile().pathPattern()).append(", links ").append(ip.profile().linkStyle())
                .append(" — ").append(ip.covered()).append(" of ").append(ip.posts()).append(" posts at that path; ")
                .append(ip.basis()).append('\n'));
        for (String n : plan.notes()) sb.append("  note: ").append(n).append('\n');
        return sb.toString();
    }
}
