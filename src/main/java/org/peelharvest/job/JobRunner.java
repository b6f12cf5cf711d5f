package org.peelharvest.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import org.peelharvest.publish.StagingArea;

/**
 * Starts the extract job for a {@link RunSpec}, or restarts the last run of the same work when
 * that run failed, was stopped or died (kill -9, power cut): the restart resumes after the last
 * committed document and reuses what was already staged. A run that cannot be resumed (killed
 * before its job repository held a whole execution, or with its work area gone) is started
 * afresh with a message saying so; a job is never left blocked (issue 9, item 1).
 */
@Component
class JobRunner {

    private static final int INSTANCES_SEARCHED = 200;

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job extractJob;

    JobRunner(JobOperator operator, JobRepository repository, Job extractJob) {
        this.operator = operator;
        this.repository = repository;
        this.extractJob = extractJob;
    }

    /** Runs {@code spec}; the caller holds its output's {@link OutputLock}. */
    Outcome run(RunSpec spec, PrintStream out) throws Exception {
        spec.saveInputs();
        JobExecution execution = launch(spec, out);
        StagingArea staging = spec.stagingArea(execution);
        Outcome outcome = Outcome.of(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            // Only once the repository records the run as complete: until then a restart needs it.
            spec.deleteInputs();
            staging.delete();
            return outcome;
        }
        // Failed before publishing: the summary counts what was done all the same (issue 9, item 13).
        return staging.exists() ? outcome.countingStaged(staging.extractedCount(), staging.rejects().size()) : outcome;
    }

    private JobExecution launch(RunSpec spec, PrintStream out) throws Exception {
        JobExecution last = lastExecutionOf(spec);
        long run = last == null ? 1 : last.getJobParameters().getLong("run", 0L);
        if (last != null && isUnfinished(last)) {
            JobExecution resumed = resume(spec, last, run, out);
            if (resumed != null) {
                return resumed;
            }
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED && spec.stagingArea(last).exists()) {
            // Killed after its run was recorded complete, before its work area was deleted: nothing there is needed.
            spec.stagingArea(last).delete();
        }
        if (last == null && repository.getJobInstances(extractJob.getName(), 0, 1).isEmpty()) {
            discardOrphanedWork(spec, out);
        }
        return start(spec, last == null ? 1 : run + 1, out);
    }

    /** The restarted execution, or null when the run cannot be resumed and was abandoned. */
    private JobExecution resume(RunSpec spec, JobExecution last, long run, PrintStream out) {
        try {
            if (last.getStatus().isRunning()) {
                // We hold the output lock, so the process that was running it is gone.
                last = operator.recover(last);
            }
            if (!spec.stagingArea(last).exists() && extractionBegan(last)) {
                out.println("run " + run + " of " + spec.name() + " cannot be resumed: its work area is gone; starting afresh");
                operator.abandon(last);
                return null;
            }
            out.println("resuming run " + run + " of " + spec.name() + " where it stopped (" + last.getStatus() + ")");
            return operator.restart(last);
        } catch (Exception e) {
            // What a kill can leave half-written in the job repository: an execution with no context …
            out.println("run " + run + " of " + spec.name() + " cannot be resumed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); starting afresh");
            abandonQuietly(spec, last);
            return null;
        }
    }

    /**
     * Starts run {@code run}, or a later number when a killed start left the job instance of that
     * number without any execution: Spring Batch can neither restart nor start such an instance
     * ("Cannot find any job execution for job instance"), so it is removed, or else passed over.
     */
    private JobExecution start(RunSpec spec, long run, PrintStream out) throws Exception {
        RunSpec starting = spec.startingAt(Instant.now());
        for (long number = run; ; number++) {
            JobInstance orphan = repository.getJobInstance(extractJob.getName(), starting.toJobParameters(number));
            if (orphan == null) {
                return operator.start(extractJob, starting.toJobParameters(number));
            }
            if (repository.getLastJobExecution(orphan) == null) {
                out.println("run " + number + " of " + spec.name() + " was killed as it started (job instance "
                        + orphan.getInstanceId() + " has no execution); starting it afresh");
                if (removed(orphan)) {
                    return operator.start(extractJob, starting.toJobParameters(number));
                }
            }
        }
    }

    /** Whether any run of this job instance reached the extract step, which makes the work area (killed in harvest, none did). */
    private boolean extractionBegan(JobExecution last) {
        return repository.getJobExecutions(last.getJobInstance()).stream()
                .flatMap(execution -> execution.getStepExecutions().stream())
                .anyMatch(step -> step.getStepName().equals("extractStep"));
    }

    private boolean removed(JobInstance orphan) {
        try {
            repository.deleteJobInstance(orphan);
            return repository.getJobInstance(orphan.getInstanceId()) == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void abandonQuietly(RunSpec spec, JobExecution execution) {
        try {
            if (execution.getStatus().isRunning()) {
                operator.recover(execution);
            }
            operator.abandon(execution);
            spec.stagingArea(execution).delete();
        } catch (Exception e) {
            // Left as it is: the next run is a new job instance, which never looks at this one again.
        }
    }

    /**
     * A job repository that knows no run at all is new (the default one is made per output, or it
     * was deleted), so the work areas beside the output belong to runs it can never resume; left,
     * one would be taken for the staged work of the new instance that is given its number.
     */
    private static void discardOrphanedWork(RunSpec spec, PrintStream out) throws IOException {
        // The parent of every RunSpec#stagingArea of this output.
        Path work = spec.output().resolveSibling("." + spec.output().getFileName() + ".work");
        if (!Files.isDirectory(work)) {
            return;
        }
        List<Path> areas;
        try (Stream<Path> entries = Files.list(work)) {
            // The work areas are folders; the run's own input list (inputs-<sha256>.json) stays.
            areas = entries.filter(Files::isDirectory).toList();
        }
        if (!areas.isEmpty()) {
            out.println("the job repository knows no earlier run: discarding the work areas in " + work);
            for (Path area : areas) {
                new StagingArea(area).delete();
            }
        }
    }

    private JobExecution lastExecutionOf(RunSpec spec) {
        List<JobInstance> instances = repository.getJobInstances(extractJob.getName(), 0, INSTANCES_SEARCHED);
        for (JobInstance instance : instances) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution != null && spec.sameWorkAs(execution.getJobParameters())) {
                return execution;
            }
        }
        return null;
    }

    private static boolean isUnfinished(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED || status.isRunning();
    }
}
