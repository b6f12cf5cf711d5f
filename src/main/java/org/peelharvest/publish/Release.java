package org.peelharvest.publish;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.peelharvest.model.Warning;

/**
 * What a publish wrote: the folder, the row counts of its tables, and its warnings counted by
 * code (every code, in the order of the codes, zero where there is none).
 *
 * @param sitePages the rejects that are the site's own pages (force overviews, year indexes)
 * @param verdict   the quality gate's verdict on this release; null when it was judged by none
 */
public record Release(Path folder, int documents, int reports, int questions, int areasForImprovement,
                      int causesOfConcern, int recommendations, int conflicts, int rejects, int sitePages,
                      Map<Warning.Code, Integer> warningsByCode, QualityGate.Verdict verdict) {

    public Release {
        Map<Warning.Code, Integer> every = new EnumMap<>(Warning.Code.class);
        for (Warning.Code code : Warning.Code.values()) {
            every.put(code, warningsByCode.getOrDefault(code, 0));
        }
        warningsByCode = Collections.unmodifiableMap(every);
    }

    /** The rows of {@code warnings.csv}. */
    public int warnings() {
        return warningsByCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The reports with a warning of this code (a report has at most one of each). */
    public int warnings(Warning.Code code) {
        return warningsByCode.get(code);
    }

    /** Whether it may become {@code latest}: it passed its quality gate, or had none. */
    public boolean passedItsGate() {
        return verdict == null || verdict.passed();
    }

    Release in(Path target) {
        return new Release(target, documents, reports, questions, areasForImprovement, causesOfConcern,
                recommendations, conflicts, rejects, sitePages, warningsByCode, verdict);
    }

    Release judgedBy(QualityGate gate) {
        Release counted = new Release(folder, documents, reports, questions, areasForImprovement, causesOfConcern,
                recommendations, conflicts, rejects, sitePages, warningsByCode, null);
        return gate == null ? counted : new Release(folder, documents, reports, questions, areasForImprovement,
                causesOfConcern, recommendations, conflicts, rejects, sitePages, warningsByCode, gate.judge(counted));
    }
}
