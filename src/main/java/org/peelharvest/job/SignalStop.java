package org.peelharvest.job;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (a service manager, {@code kill}) and SIGINT (Ctrl-C) stop a run between documents, as a
 * person asks: the job is stopped through Spring Batch ({@link JobOperator#stop(JobExecution)}), its
 * workers end after the chunk they are in, the job repository records it {@code STOPPED}, and the
 * command ends as a process killed by that signal ends (exit 143 or 130), with its record under
 * {@code runs/} saying {@code stopped by signal}; the next run resumes it.
 *
 * <p>The JVM's own answer to these signals is to run its shutdown hooks and exit: Spring Boot's
 * hook closed the job repository's connection pool under the running job, which then failed with
 * "HikariDataSource … has been closed" and left a record of exit 1 and no documents (issue 17,
 * item 8). Handling the signals instead keeps the application open until the job has stopped and
 * its record is written. A second signal ends the process at once, as {@code kill -9} would: a
 * run is resumable from any moment.
 */
public final class SignalStop implements JobExecutionListener, AutoCloseable {

    /** A signal that stops a run, and the exit code of a process it ends (128 + its number). */
    public enum StopSignal {
        TERM(143), INT(130);

        public final int exitCode;

        StopSignal(int exitCode) {
            this.exitCode = exitCode;
        }

        public String label() {
            return "SIG" + name();
        }
    }

    private final Map<StopSignal, SignalHandler> previous = new EnumMap<>(StopSignal.class);
    private volatile StopSignal received;
    private volatile JobExecution running;
    private volatile JobOperator operator;

    private SignalStop() {
    }

    /** Handles SIGTERM and SIGINT until closed; where the JVM allows no handler ({@code -Xrs}), its own answer stands. */
    public static SignalStop install() {
        SignalStop stop = new SignalStop();
        for (StopSignal signal : StopSignal.values()) {
            try {
                stop.previous.put(signal, Signal.handle(new Signal(signal.name()), s -> stop.received(signal)));
            } catch (IllegalArgumentException e) {
                // Reserved by the JVM here: the signal ends the process as it would have.
            }
        }
        return stop;
    }

    /** The signal that stopped the run, or null. */
    public StopSignal received() {
        return received;
    }

    /** The operator that stops a job; until it is known, a signal is kept and acted on when the job starts. */
    void stopWith(JobOperator jobOperator) {
        this.operator = jobOperator;
    }

    private void received(StopSignal signal) {
        if (received != null) {
            Runtime.getRuntime().halt(signal.exitCode);
        }
        received = signal;
        stopRunningJob();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running = execution;
        if (received != null) {
            stopRunningJob();
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        running = null;
    }

    private synchronized void stopRunningJob() {
        JobExecution execution = running;
        JobOperator jobOperator = operator;
        if (execution == null || jobOperator == null || !execution.isRunning()) {
            return;
        }
        try {
            // Kept with the run, so that whoever lists it later (status) knows how it ended and its exit code.
            execution.getExecutionContext().putString(Outcome.STOPPED_BY, received.label());
            jobOperator.stop(execution);
        } catch (Exception e) {
            // Already ending: it stops, fails or completes on its own, and says which.
        }
    }

    /** The JVM's own answers again. */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(new Signal(signal.name()), handler);
            } catch (IllegalArgumentException e) {
                // The JVM's own answer could not be put back: this one stays, and the command is ending.
            }
        });
    }
}
