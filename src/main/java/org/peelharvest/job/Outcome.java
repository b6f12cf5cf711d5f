package org.peelharvest.job;

import java.time.Duration;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run achieved, read from its job execution, and the exit code that tells a scheduler:
 * 0 success, 1 the job failed, 3 the job completed but its quality gate failed.
 *
 * @param withoutQuestions published reports with a {@code no-questions} warning
 */
record Outcome(BatchStatus status, int extracted, int published, int rejected, int sitePages, String rejectReasons,
               int warnings, String warningCodes, int withoutQuestions, Duration took, double maxRejectRate,
               double maxWarningRate, String failure, String folder, String foundNothing) {

    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int QUALITY_GATE_FAILED = 3;

    static Outcome of(JobExecution execution, double maxRejectRate, double maxWarningRate) {
        ExecutionContext context = execution.getExecutionContext();
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        String failure = execution.getAllFailureExceptions().stream().findFirst().map(Outcome::rootCause).orElse("");
        return new Outcome(execution.getStatus(),
                context.getInt(PublishTasklet.EXTRACTED, 0),
                context.getInt(PublishTasklet.REPORTS, 0),
                context.getInt(PublishTasklet.REJECTS, 0),
                context.getInt(PublishTasklet.SITE_PAGES, 0),
                context.getString(PublishTasklet.REJECT_REASONS, ""),
                context.getInt(PublishTasklet.WARNINGS, 0),
                context.getString(PublishTasklet.WARNING_CODES, ""),
                context.getInt(PublishTasklet.WITHOUT_QUESTIONS, 0),
                took, maxRejectRate, maxWarningRate, failure, context.getString(PublishTasklet.FOLDER, ""),
                context.getString(HarvestTasklet.FOUND_NOTHING, ""));
    }

    /**
     * This outcome counting the documents staged when the job failed before it published (the
     * counts are written by publishing), so a failed run's summary says what was read.
     */
    Outcome countingStaged(int stagedExtracted, int stagedRejected) {
        if (extracted + rejected > 0) {
            return this;
        }
        return new Outcome(status, stagedExtracted, published, stagedRejected, sitePages, rejectReasons, warnings,
                warningCodes, withoutQuestions, took, maxRejectRate, maxWarningRate, failure, folder, foundNothing);
    }

    /** The innermost cause of {@code failure}, named with its type: what a person must fix. */
    static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** What a run that ended well did, on one line: all that {@code --quiet} prints on stdout. */
    String resultLine(String job) {
        return String.format(Locale.ROOT, "job %s: %d report(s) published from %d document(s), %d rejected, "
                + "%d warning(s)%s", job, published, documents(), rejected, warnings,
                folder.isEmpty() ? "" : ", in " + folder);
    }

    /** Every document ends as a report or a reject. */
    int documents() {
        return extracted + rejected;
    }

    int exitCode() {
        if (status != BatchStatus.COMPLETED) {
            return JOB_FAILED;
        }
        return qualityProblem().isEmpty() ? OK : QUALITY_GATE_FAILED;
    }

    /** Empty when the run passes its quality gate, else the reason it does not. */
    String qualityProblem() {
        if (!foundNothing.isEmpty()) {
            return foundNothing;
        }
        if (published == 0) {
            return "no report was extracted from " + documents() + " document(s)";
        }
        // Force overviews and year indexes are recognised for what they are; they count on neither side.
        double rate = (double) (rejected - sitePages) / Math.max(1, documents() - sitePages);
        if (rate > maxRejectRate) {
            return String.format(Locale.ROOT, "%.0f%% of the documents were rejected, more than the %.0f%% allowed"
                    + " (--max-reject-rate %s)", rate * 100, maxRejectRate * 100, maxRejectRate);
        }
        // A site redesign that hides every question list still publishes grades: notice it the day it happens.
        double withoutQuestionsRate = (double) withoutQuestions / published;
        if (withoutQuestionsRate > maxWarningRate) {
            return String.format(Locale.ROOT, "%d of %d published reports (%.0f%%) have no questions, more than the"
                            + " %.0f%% allowed (--max-warning-rate %s)", withoutQuestions, published,
                    withoutQuestionsRate * 100, maxWarningRate * 100, maxWarningRate);
        }
        return "";
    }

    /** Why the run did not end well, on one line for stderr (a scheduler's mail); empty when it did. */
    String problem() {
        if (status != BatchStatus.COMPLETED) {
            return "failed: " + failure.lines().findFirst().orElse(status.toString());
        }
        return qualityProblem().isEmpty() ? "" : "quality gate failed: " + qualityProblem();
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "documents read: %d%nreports extracted: %d (published %d, "
                        + "%d duplicate document(s) of a published report)%nrejected: %d%s%nwarnings: %d%s%n"
                        + "time taken: %.1f s%n",
                documents(), extracted, published, extracted - published, rejected,
                rejectReasons.isEmpty() ? "" : " (" + rejectReasons + ")", warnings,
                warningCodes.isEmpty() ? "" : " (" + warningCodes + ")", took.toMillis() / 1000.0));
        if (!folder.isEmpty()) {
            text.append("published to ").append(folder).append('\n');
        }
        if (status != BatchStatus.COMPLETED) {
            text.append("job ").append(status).append(": ").append(failure).append('\n');
        } else if (!qualityProblem().isEmpty()) {
            text.append("quality gate failed: ").append(qualityProblem()).append('\n');
        }
        return text.toString();
    }
}
