package org.peelharvest.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import org.peelharvest.harvest.HarvestOutcome;

/**
 * The job's first step when it names seeds: harvests into a new snapshot (or resumes the one an
 * interrupted run left) and hands the snapshot to the extract step through the job's execution
 * context. A restarted job whose harvest had completed does not harvest again; one whose harvest
 * was interrupted resumes it without fetching what the snapshot holds. Ends the job with
 * {@link #NO_REPORTS} when nothing that looks like a report was found and the job names no input
 * of its own; a job that does goes on to publish its inputs, and its run still ends with the
 * quality gate failed (exit 3) saying the harvest found nothing (issue 17: a site whose robots.txt
 * cannot be read must not keep a job's local inputs from being published).
 */
class HarvestTasklet implements Tasklet {

    static final String SNAPSHOT = "harvest.snapshot";
    static final String FOUND_NOTHING = "harvest.found-nothing";
    static final String NO_REPORTS = "NO_REPORTS";

    private final JobDefinition spec;
    private final CommandOutput output;

    HarvestTasklet(JobDefinition spec, CommandOutput output) {
        this.spec = spec;
        this.output = output;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        HarvestDefinition plan = spec.harvest();
        if (plan == null) {
            return RepeatStatus.FINISHED;
        }
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        HarvestOutcome outcome = new HarvestRunner(output.forAPartOfTheJob()).harvest(plan,
                () -> step.isTerminateOnly() || step.getJobExecution().getStatus() == BatchStatus.STOPPING);
        if (outcome.ending() == HarvestOutcome.Ending.STOPPED) {
            // The step ends STOPPED (the framework stops a step asked to terminate once its tasklet returns).
            step.setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        // In the step's own context, saved with the step before it is recorded complete (the job's is saved later).
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putString(SNAPSHOT, outcome.snapshot().toString());
        if (outcome.ending() == HarvestOutcome.Ending.NO_REPORTS) {
            job.putString(FOUND_NOTHING, outcome.reason());
            if (spec.inputs().isEmpty()) {
                contribution.setExitStatus(new ExitStatus(NO_REPORTS));
            }
        }
        return RepeatStatus.FINISHED;
    }
}
