package org.peelharvest.job;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import org.peelharvest.model.Reject;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.Release;
import org.peelharvest.publish.StagingArea;

/**
 * Publishes the staged outcomes of the run as one release and leaves the counts in the job's
 * execution context for the summary and the quality gate. The counts come from the staging area,
 * so they cover every document of the job instance, across restarts. Runs again whole on a restart: the
 * staging area is kept until the job has completed.
 */
class PublishTasklet implements Tasklet {

    static final String EXTRACTED = "published.extracted";
    static final String REPORTS = "published.reports";
    static final String REJECTS = "published.rejects";
    static final String REJECT_REASONS = "published.reject-reasons";

    private final StagingArea staging;
    private final DatasetPublisher publisher;
    private final RunSpec spec;

    PublishTasklet(StagingArea staging, DatasetPublisher publisher, RunSpec spec) {
        this.staging = staging;
        this.publisher = publisher;
        this.spec = spec;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!staging.exists()) {
            // Publishing an empty staging area would replace a good release with an empty one.
            throw new IllegalStateException("the staged outcomes of this run are gone (" + staging.root() + ")");
        }
        List<Reject> rejects = staging.rejects();
        Release release = publisher.publish(spec.output(), staging.reports(), rejects);
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putInt(EXTRACTED, staging.extractedCount());
        job.putInt(REPORTS, release.reports());
        job.putInt(REJECTS, release.rejects());
        job.putString(REJECT_REASONS, reasons(rejects));
        contribution.incrementWriteCount(release.reports());
        return RepeatStatus.FINISHED;
    }

    /** "corrupt-pdf 1, empty-file 2": the rejects counted by reason, in reason order. */
    private static String reasons(List<Reject> rejects) {
        Map<String, Integer> counts = new TreeMap<>();
        rejects.forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
