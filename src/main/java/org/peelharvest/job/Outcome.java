package org.peelharvest.job;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.DataAccessException;

import org.peelharvest.harvest.HarvestOutcome;
import org.peelharvest.publish.RefusedFolder;
import org.peelharvest.publish.WriteFailure;

/**
 * What a run achieved, read from its job execution, and the exit code that tells a scheduler:
 * 0 success, 1 the job failed, 3 the job completed but its quality gate failed. The gate itself
 * is judged when the release is published ({@link org.peelharvest.publish.QualityGate}), before
 * {@code latest} is pointed; this reads its verdict.
 *
 * @param gateProblem    why the published release failed its quality gate; empty when it passed
 * @param run            the run's number among the job's runs
 * @param instance       its job instance
 * @param release        the release folder's name, or null when the run publishes into its output
 * @param fromCache      how many documents read had their outcome from the extraction cache (issue 18)
 */
public record Outcome(BatchStatus status, int extracted, int published, int rejected, String rejectReasons,
               int warnings, String warningCodes, Duration took, String gateProblem, String failure,
               String folder, String foundNothing, long run, long instance, String release, int fromCache) {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    /** Bad usage: a value that cannot be used, named on one line (picocli's usage code). */
    public static final int USAGE = 2;
    public static final int QUALITY_GATE_FAILED = 3;
    /** What the record and the line on stderr of a run stopped by SIGTERM or SIGINT say. */
    static final String STOPPED_BY_SIGNAL = "stopped by signal";
    /**
     * What a run that ended before publishing had staged (documents extracted, rejected), in its job
     * execution's context, so that {@code status} counts what its summary counted.
     */
    static final String STAGED_EXTRACTED = "staged.extracted";
    static final String STAGED_REJECTED = "staged.rejected";
    /** The signal that stopped a run ("SIGTERM"), in its job execution's context. */
    static final String STOPPED_BY = "stopped.by";

    public static Outcome of(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        String signal = context.getString(STOPPED_BY, "");
        String failure = execution.getStatus() == BatchStatus.STOPPED && !signal.isEmpty()
                ? STOPPED_BY_SIGNAL + " (" + signal + ")" : causeOf(execution.getAllFailureExceptions());
        return new Outcome(execution.getStatus(),
                context.getInt(PublishTasklet.EXTRACTED, context.getInt(STAGED_EXTRACTED, 0)),
                context.getInt(PublishTasklet.REPORTS, 0),
                context.getInt(PublishTasklet.REJECTS, context.getInt(STAGED_REJECTED, 0)),
                context.getString(PublishTasklet.REJECT_REASONS, ""),
                context.getInt(PublishTasklet.WARNINGS, 0),
                context.getString(PublishTasklet.WARNING_CODES, ""),
                took, context.getString(PublishTasklet.QUALITY_PROBLEM, ""), failure,
                context.getString(PublishTasklet.FOLDER, ""),
                context.getString(HarvestTasklet.FOUND_NOTHING, ""),
                execution.getJobParameters().getLong(JobDefinition.RUN, 0L), execution.getJobInstance().getInstanceId(),
                execution.getJobParameters().getString(JobDefinition.RELEASE),
                context.getInt(PublishTasklet.FROM_CACHE, 0));
    }

    /**
     * This outcome counting the documents staged when the job failed before it published (the
     * counts are written by publishing), so a failed run's summary says what was read.
     */
    Outcome countingStaged(int stagedExtracted, int stagedRejected) {
        if (!folder.isEmpty()) {
            return this; // published: the counts are publishing's
        }
        return new Outcome(status, stagedExtracted, published, stagedRejected, rejectReasons, warnings, warningCodes,
                took, gateProblem, failure, folder, foundNothing, run, instance, release, fromCache);
    }

    /**
     * What a person must fix, of a run's failures (the job's own first, then its steps'): a file
     * that could not be written, named with the system's reason, wherever it is among them (a full
     * disk fails a partition, then the job as "Partition handler returned an unsuccessful step");
     * else the job repository failing to write; else the innermost cause of the first.
     */
    static String causeOf(List<Throwable> failures) {
        return failures.stream().map(Outcome::statedIn).filter(Objects::nonNull).findFirst()
                .map(Throwable::getMessage)
                .or(() -> failures.stream().map(Outcome::repositoryNotWritten).filter(Objects::nonNull).findFirst())
                .orElseGet(() -> failures.stream().findFirst().map(Outcome::innermost).orElse(""));
    }

    /**
     * The job repository's database failing to write its file (H2's own message names no file):
     * "no space left on device writing the job repository"; null when that is not the failure.
     */
    private static String repositoryNotWritten(Throwable failure) {
        boolean database = false;
        Throwable cause = failure;
        for (; cause.getCause() != null && cause.getCause() != cause; cause = cause.getCause()) {
            database |= cause instanceof java.sql.SQLException || cause instanceof DataAccessException;
        }
        return database && cause instanceof java.io.IOException io && io.getMessage() != null
                ? WriteFailure.reasonOf(io) + " writing the job repository" : null;
    }

    /** What a person must fix of {@code failure}, as {@link #causeOf} chooses it. */
    public static String rootCause(Throwable failure) {
        return causeOf(List.of(failure));
    }

    /** The innermost cause of {@code failure}, in words ({@link org.peelharvest.model.InWords}). */
    private static String innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return org.peelharvest.model.InWords.of(cause);
    }

    /**
     * Among {@code failure}'s causes, the one whose message says it all in a user's words: a file
     * that could not be written, or a folder publishing refused to touch; null for none.
     */
    private static Throwable statedIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WriteFailure || cause instanceof RefusedFolder) {
                return cause;
            }
        }
        return null;
    }

    /** Every document ends as a report or a reject. */
    public int documents() {
        return extracted + rejected;
    }

    public int exitCode() {
        if (status == BatchStatus.STOPPED && failure.startsWith(STOPPED_BY_SIGNAL)) {
            // As a process ended by that signal exits (128 + its number).
            return failure.contains("SIGINT") ? SignalStop.StopSignal.INT.exitCode : SignalStop.StopSignal.TERM.exitCode;
        }
        if (status != BatchStatus.COMPLETED) {
            return JOB_FAILED;
        }
        return qualityProblem().isEmpty() ? OK : QUALITY_GATE_FAILED;
    }

    /** A harvest's exit code: 3 when it found no report (a changed site); settings that cannot be used are bad usage before it. */
    public static int exitCode(HarvestOutcome harvest) {
        return switch (harvest.ending()) {
            case COMPLETE, PARTIAL -> OK;
            case NO_REPORTS -> QUALITY_GATE_FAILED;
            // The command that stopped it exits with its signal's code; a stop without one is a run that did not end.
            case STOPPED -> JOB_FAILED;
        };
    }

    /** Empty when the run passes its quality gate, else the reason it does not. */
    String qualityProblem() {
        return foundNothing.isEmpty() ? gateProblem : foundNothing;
    }

    /** This outcome of a run stopped by {@code signal} ({@code SIGTERM}): its failure says so. */
    Outcome stoppedBy(String signal) {
        return new Outcome(status, extracted, published, rejected, rejectReasons, warnings, warningCodes, took,
                gateProblem, STOPPED_BY_SIGNAL + " (" + signal + ")", folder, foundNothing, run, instance, release, fromCache);
    }

    /** Why the run did not end well, on one line for stderr (a scheduler's mail); empty when it did. */
    String problem() {
        if (status == BatchStatus.STOPPED && failure.startsWith(STOPPED_BY_SIGNAL)) {
            return failure + "; run the same command again to resume";
        }
        if (status != BatchStatus.COMPLETED) {
            return "failed: " + failure.lines().findFirst().orElse(status.toString());
        }
        return qualityProblem().isEmpty() ? "" : "quality gate failed: " + qualityProblem();
    }

    /** "published 4, 4 duplicate document(s) of a published report", or that a run that failed published nothing. */
    private String publishedOf() {
        if (folder.isEmpty()) {
            return "none published";
        }
        return "published " + published + ", " + (extracted - published) + " duplicate document(s) of a published report";
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "documents read: %d%s%nreports extracted: %d (%s)%nrejected: %d%s%n"
                        + "warnings: %d%s%ntime taken: %.2f s%n",
                documents(), fromCache == 0 ? "" : " (" + fromCache + " unchanged since an earlier run, not parsed again)",
                extracted, publishedOf(), rejected,
                rejectReasons.isEmpty() ? "" : " (" + rejectReasons + ")", warnings,
                warningCodes.isEmpty() ? "" : " (" + warningCodes + ")", took.toMillis() / 1000.0));
        if (!folder.isEmpty()) {
            text.append("published to ").append(folder);
            boolean movedLatest = release != null && !release.isEmpty() && status == BatchStatus.COMPLETED
                    && qualityProblem().isEmpty();
            // A job's releases are dated folders; the one its readers open is 'latest', moved only to a good one.
            text.append(movedLatest ? " (" + java.nio.file.Path.of(folder).resolveSibling("latest") + " now points to it)" : "")
                    .append('\n');
        }
        if (status != BatchStatus.COMPLETED) {
            text.append("job ").append(status).append(": ").append(failure).append('\n');
        } else if (!qualityProblem().isEmpty()) {
            text.append("quality gate failed: ").append(qualityProblem()).append('\n');
        }
        return text.toString();
    }
}
