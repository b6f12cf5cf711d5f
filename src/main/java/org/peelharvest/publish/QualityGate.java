package org.peelharvest.publish;

import java.util.Locale;
import java.util.Set;
import org.peelharvest.model.RejectReason;

/**
 * The quality gate of a run, judged on the counts of the release it publishes, before
 * {@code latest} is pointed at it: a release that fails it is published for inspection but never
 * becomes {@code latest} (issue 10). The one definition of the gate; the command line's exit code
 * 3 and {@code run.json} both read its {@link Verdict}.
 *
 * @param maxRejectRate  the share of rejected documents above which the gate fails (0 to 1)
 * @param maxWarningRate the share of published reports without questions above which it fails (0 to 1)
 */
public record QualityGate(double maxRejectRate, double maxWarningRate) {

    /**
     * What the gate found.
     *
     * @param rejectRate           rejected documents over documents read, the site's own pages counted on neither side
     * @param withoutQuestionsRate published reports with a {@code no-questions} warning over published reports
     * @param problem              why the gate failed, one sentence; empty when it passed
     */
    public record Verdict(double rejectRate, double maxRejectRate, double withoutQuestionsRate, double maxWarningRate,
                          String problem) {

        public boolean passed() {
            return problem.isEmpty();
        }
    }

    public Verdict judge(Release release) {
        int sitePages = release.sitePages();
        double rejectRate = (double) (release.rejects() - sitePages) / Math.max(1, release.documents() - sitePages);
        int withoutQuestions = release.warnings(org.peelharvest.model.Warning.Code.NO_QUESTIONS);
        double withoutQuestionsRate = (double) withoutQuestions / Math.max(1, release.reports());
        return new Verdict(rejectRate, maxRejectRate, withoutQuestionsRate, maxWarningRate,
                problem(release, rejectRate, withoutQuestions, withoutQuestionsRate));
    }

    private String problem(Release release, double rejectRate, int withoutQuestions, double withoutQuestionsRate) {
        if (release.reports() == 0) {
            return "no report was extracted from " + release.documents() + " document(s)";
        }
        if (rejectRate > maxRejectRate) {
            return String.format(Locale.ROOT, "%.0f%% of the documents were rejected, more than the %.0f%% allowed"
                    + " (--max-reject-rate %s)", rejectRate * 100, maxRejectRate * 100, maxRejectRate);
        }
        // A site redesign that hides every question list still publishes grades: notice it the day it happens.
        if (withoutQuestionsRate > maxWarningRate) {
            return String.format(Locale.ROOT, "%d of %d published reports (%.0f%%) have no questions, more than the"
                            + " %.0f%% allowed (--max-warning-rate %s)", withoutQuestions, release.reports(),
                    withoutQuestionsRate * 100, maxWarningRate * 100, maxWarningRate);
        }
        return "";
    }
}
