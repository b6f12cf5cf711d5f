package org.peelharvest.job;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import org.peelharvest.model.Reject;
import org.peelharvest.publish.Build;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.Release;
import org.peelharvest.publish.RunInfo;
import org.peelharvest.publish.StagingArea;

/**
 * Publishes the staged outcomes of the run as one release, judged by the run's quality gate
 * before {@code latest} is pointed at it, and leaves the counts and the gate's verdict in the
 * job's execution context for the summary and the exit code. The counts come from the staging area,
 * so they cover every document of the job instance, across restarts. Runs again whole on a restart: the
 * staging area is kept until the job has completed.
 */
class PublishTasklet implements Tasklet {

    static final String FOLDER = "published.folder";
    static final String DOCUMENTS = "published.documents";
    static final String EXTRACTED = "published.extracted";
    static final String FROM_CACHE = "published.from-cache";
    static final String REPORTS = "published.reports";
    static final String REJECTS = "published.rejects";
    static final String REJECT_REASONS = "published.reject-reasons";
    static final String WARNINGS = "published.warnings";
    static final String WARNING_CODES = "published.warning-codes";
    static final String QUALITY_PROBLEM = "published.quality-problem";

    private final StagingArea staging;
    private final DatasetPublisher publisher;
    private final JobDefinition spec;
    private final Invocation invocation;

    PublishTasklet(StagingArea staging, DatasetPublisher publisher, JobDefinition spec, Invocation invocation) {
        this.staging = staging;
        this.publisher = publisher;
        this.spec = spec;
        this.invocation = invocation;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!staging.exists()) {
            // Publishing an empty staging area would replace a good release with an empty one.
            throw new IllegalStateException("the staged outcomes of this run are gone (" + staging.root() + ")");
        }
        StagingArea.Staged staged = staging.staged();
        if (staged.notDone() > 0) {
            // A release without them would say nothing of their absence; the next run reads them again.
            throw new IllegalStateException(staged.notDone() + " of the documents listed have no staged outcome (the work area "
                    + staging.root() + " was cut short or damaged); run the same command again to read them");
        }
        List<Reject> rejects = staged.rejects();
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        DatasetPublisher counting = staged.documentsRead().map(publisher::reading).orElse(publisher);
        Release release = counting.publish(spec.output(), staged.reports(), rejects, runInfo(execution));
        ExecutionContext job = execution.getExecutionContext();
        job.putString(FOLDER, release.folder().toString());
        job.putInt(DOCUMENTS, release.documents());
        job.putInt(EXTRACTED, staged.extractedCount());
        job.putInt(FROM_CACHE, staged.fromCacheCount());
        job.putInt(REPORTS, release.reports());
        job.putInt(REJECTS, release.rejects());
        job.putString(REJECT_REASONS, reasons(rejects));
        job.putInt(WARNINGS, release.warnings());
        job.putString(WARNING_CODES, codes(release));
        job.putString(QUALITY_PROBLEM, release.verdict() == null ? "" : release.verdict().problem());
        contribution.incrementWriteCount(release.reports());
        return RepeatStatus.FINISHED;
    }

    private RunInfo runInfo(JobExecution execution) {
        Instant started = execution.getStartTime() == null ? null
                : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        return new RunInfo(Build.current(), spec.name(), execution.getJobParameters().getLong(JobDefinition.RUN, 0L),
                execution.getJobInstance().getInstanceId(), started,
                execution.getJobParameters().getString(JobDefinition.RELEASE), invocation.settings(spec),
                spec.inputs());
    }

    /** "no-questions 1, no-last-updated 2": the warnings counted by code, in the order of the codes. */
    private static String codes(Release release) {
        return String.join(", ", release.warningsByCode().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().label() + " " + e.getValue()).toList());
    }

    /** "corrupt-pdf 1, empty-file 2": the rejects counted by reason, in reason order. */
    private static String reasons(List<Reject> rejects) {
        Map<String, Integer> counts = new TreeMap<>();
        rejects.forEach(r -> counts.merge(r.reason().code(), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
