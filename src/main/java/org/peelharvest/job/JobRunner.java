package org.peelharvest.job;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import org.peelharvest.publish.StagingArea;

/**
 * Starts the extract job for a {@link JobDefinition}, or restarts the last run of the same work when
 * that run failed, was stopped or died (kill -9, power cut): the restart resumes after the last
 * committed document and reuses what was already staged. A run that cannot be resumed (killed
 * before its job repository held a whole execution, or with its work area gone) is started
 * afresh with a message saying so; a job is never left blocked (issue 9, item 1).
 */
@Component
class JobRunner {

    private static final int INSTANCES_SEARCHED = 200;
    private static final DateTimeFormatter RELEASE_NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job extractJob;

    JobRunner(JobOperator operator, JobRepository repository, Job extractJob,
              org.springframework.beans.factory.ObjectProvider<SignalStop> signalStop) {
        this.operator = operator;
        this.repository = repository;
        this.extractJob = extractJob;
        signalStop.ifAvailable(signals -> signals.stopWith(operator));
    }

    /** Runs {@code spec}; the caller holds its output's {@link OutputLock}. */
    Outcome run(JobDefinition spec, PrintStream out) throws Exception {
        spec.save();
        JobExecution execution = launch(spec, out);
        StagingArea staging = stagingArea(spec, execution);
        Outcome outcome = Outcome.of(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            // Only once the repository records the run as complete: until then a restart needs it.
            spec.workArea().deleteDefinition(spec.digest());
            spec.workArea().deleteDefinition(execution.getJobParameters().getString(JobDefinition.DEFINITION_DIGEST));
            staging.delete();
            return outcome;
        }
        // Failed or stopped before publishing: the summary counts what was done all the same, and so does status.
        if (!staging.exists()) {
            return outcome;
        }
        StagingArea.Staged staged = staging.staged();
        Outcome counted = outcome.countingStaged(staged.extractedCount(), staged.rejects().size());
        keepStagedCounts(execution, counted);
        return counted;
    }

    /** The staged counts of a run that did not publish, kept with the run for {@code status}; best effort. */
    private void keepStagedCounts(JobExecution execution, Outcome counted) {
        try {
            execution.getExecutionContext().putInt(Outcome.STAGED_EXTRACTED, counted.extracted());
            execution.getExecutionContext().putInt(Outcome.STAGED_REJECTED, counted.rejected());
            repository.updateExecutionContext(execution);
        } catch (RuntimeException e) {
            // A repository that cannot be written (a full disk) says so in the run's own failure; status shows 0.
        }
    }

    private JobExecution launch(JobDefinition spec, PrintStream out) throws Exception {
        JobExecution last = lastExecutionOf(spec);
        long run = last == null ? 1 : last.getJobParameters().getLong(JobDefinition.RUN, 0L);
        if (last != null && isUnfinished(last)) {
            JobExecution resumed = resume(spec, last, run, out);
            if (resumed != null) {
                return resumed;
            }
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED && stagingArea(spec, last).exists()) {
            // Killed after its run was recorded complete, before its work area was deleted: nothing there is needed.
            stagingArea(spec, last).delete();
        }
        if (last == null && repository.getJobInstances(extractJob.getName(), 0, 1).isEmpty()) {
            spec.workArea().discardOrphans(out);
        }
        return start(spec, last == null ? 1 : run + 1, out);
    }

    /** The restarted execution, or null when the run cannot be resumed and was abandoned. */
    private JobExecution resume(JobDefinition spec, JobExecution last, long run, PrintStream out) {
        try {
            if (last.getStatus().isRunning()) {
                // We hold the output lock, so the process that was running it is gone.
                last = operator.recover(last);
            }
            if (!stagingArea(spec, last).exists() && extractionBegan(last)) {
                out.println("run " + run + " of " + spec.name() + " cannot be resumed: its work area is gone; starting afresh");
                operator.abandon(last);
                return null;
            }
            out.println("resuming run " + run + " of " + spec.name() + " where it stopped (" + last.getStatus() + ")");
            return operator.restart(last);
        } catch (Exception e) {
            // What a kill can leave half-written in the job repository: an execution with no context …
            out.println("run " + run + " of " + spec.name() + " cannot be resumed ("
                    + org.peelharvest.model.InWords.of(e) + "); starting afresh");
            abandonQuietly(spec, last);
            return null;
        }
    }

    /**
     * Starts run {@code run}, or a later number when a killed start left the job instance of that
     * number without any execution: Spring Batch can neither restart nor start such an instance
     * ("Cannot find any job execution for job instance"), so it is removed, or else passed over.
     */
    private JobExecution start(JobDefinition spec, long run, PrintStream out) throws Exception {
        String release = spec.releases() ? releaseName(spec, Instant.now()) : null;
        for (long number = run; ; number++) {
            JobParameters parameters = spec.toJobParameters(number, release);
            JobInstance orphan = repository.getJobInstance(extractJob.getName(), parameters);
            if (orphan == null) {
                return operator.start(extractJob, parameters);
            }
            if (repository.getLastJobExecution(orphan) == null) {
                out.println("run " + number + " of " + spec.name() + " was killed as it started (job instance "
                        + orphan.getInstanceId() + " has no execution); starting it afresh");
                if (removed(orphan)) {
                    return operator.start(extractJob, parameters);
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

    private void abandonQuietly(JobDefinition spec, JobExecution execution) {
        try {
            if (execution.getStatus().isRunning()) {
                operator.recover(execution);
            }
            operator.abandon(execution);
            stagingArea(spec, execution).delete();
        } catch (Exception e) {
            // Left as it is: the next run is a new job instance, which never looks at this one again.
        }
    }

    /**
     * The release folder of a run started at {@code start}, named after that UTC time; a second run
     * started in the same second as an earlier one (a release is never overwritten) takes the next
     * free name, {@code 20261130T091500Z-2}, which sorts after it.
     */
    static String releaseName(JobDefinition spec, Instant start) {
        String release = RELEASE_NAME.format(start);
        for (int n = 2; Files.exists(spec.output().resolve(release)); n++) {
            release = RELEASE_NAME.format(start) + "-" + n;
        }
        return release;
    }

    /** The staging area of the job instance an execution belongs to; a restart finds the same one. */
    static StagingArea stagingArea(JobDefinition spec, JobExecution execution) {
        return spec.workArea().stagingArea(execution.getJobInstance().getInstanceId());
    }

    private JobExecution lastExecutionOf(JobDefinition spec) {
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
