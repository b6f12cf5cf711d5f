package org.peelharvest.job;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of a job, for the command line: its definition read (a value that cannot be used is bad
 * usage, exit 2), its output locked, the Spring Boot application started, the job run through
 * {@link JobRunner}, its summary printed and its record left under {@code runs/}. Data and the
 * summary go to stdout, problems to stderr; the cause of a failure is one line on stderr, in JSON
 * when asked.
 */
public final class JobLaunch {

    /** The setting ({@code --debug}) that prints a failure's stack trace beside its one line. */
    public static final String DEBUG = "peel.debug";
    /**
     * The setting ({@code --full}) that reads every document again rather than take what an earlier
     * run of the same build found from the output's extraction cache (issue 18).
     */
    public static final String FULL = "peel.cache.full";

    private JobLaunch() {
    }

    /** Whether a live process runs a job into {@code output} now (it holds the output's lock). */
    public static boolean runningFor(java.nio.file.Path output) {
        return OutputLock.heldByALiveProcess(output);
    }

    /** The state an earlier version kept beside the output, moved into its {@link StateFolder}; false when it could not be. */
    private static boolean adoptedEarlierState(JobDefinition spec, PrintStream out, ProblemLine problems) {
        StateFolder state = new StateFolder(spec.output());
        try {
            state.adoptEarlierLayout().forEach(moved -> out.println("moved " + moved + " into " + state.root()));
            return true;
        } catch (IOException e) {
            problems.println("peel-harvest: job " + spec.name() + " not started: the state of earlier runs could not be "
                    + "moved into " + state.root() + ": " + org.peelharvest.model.InWords.of(e));
            return false;
        }
    }

    /** Reads the job's definition; a value that cannot be used is an {@link IllegalArgumentException} naming it. */
    public interface DefinitionSource {
        JobDefinition get();
    }

    /**
     * @param settings the application's settings for this run (Spring properties)
     * @param quiet    nothing on stdout when the run goes well
     * @param jsonLog  problems on stderr as JSON lines
     * @return the exit code
     */
    public static int run(Invocation invocation, DefinitionSource definitionSource, Map<String, Object> settings,
                          boolean quiet, boolean jsonLog, PrintStream out, PrintStream err) {
        JobDefinition spec;
        try {
            spec = definitionSource.get();
        } catch (IllegalArgumentException e) {
            err.println("peel-harvest: " + e.getMessage());
            return Outcome.USAGE;
        }
        Optional<String> problem = spec.usageProblem().or(() -> RunLimits.problem(settings));
        if (problem.isPresent()) {
            err.println("peel-harvest: " + problem.get());
            return Outcome.USAGE;
        }
        CommandOutput output = CommandOutput.of(out, err, quiet, jsonLog);
        output.out().println("job " + spec.name() + ": " + spec.inputs().size() + " input(s) -> " + spec.output());
        ProblemLine problems = output.errLines();
        if (!adoptedEarlierState(spec, output.out(), problems)) {
            return Outcome.JOB_FAILED;
        }
        // Signals first: from here on SIGTERM and SIGINT stop the run rather than end the process.
        // Then the output's lock: a second run of the same output is refused before it opens anything.
        try (SignalStop signals = SignalStop.install();
             OutputLock ignored = OutputLock.acquire(spec.output());
             ConfigurableApplicationContext context = PeelHarvestApplication.start(spec, invocation.properties(settings),
                     output, signals)) {
            Outcome outcome = context.getBean(JobRunner.class).run(spec, output.out());
            SignalStop.StopSignal stopped = outcome.status() == BatchStatus.STOPPED ? signals.received() : null;
            outcome = stopped == null ? outcome : outcome.stoppedBy(stopped.label());
            int exitCode = stopped == null ? outcome.exitCode() : stopped.exitCode;
            output.out().print(outcome.summary());
            // Quiet and well: nothing at all, so cron sends no mail; the run's record under runs/ says what it did.
            if (!outcome.problem().isEmpty()) {
                problems.println("peel-harvest: job " + spec.name() + " " + outcome.problem());
            }
            RunRecord.leave(spec, invocation, outcome, exitCode, outcome.problem(), err);
            return exitCode;
        } catch (OutputLock.HeldException e) {
            problems.println("peel-harvest: job " + spec.name() + " not started: " + e.getMessage());
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "not started: " + e.getMessage(), err);
            return Outcome.JOB_FAILED;
        } catch (Exception e) {
            if (Boolean.parseBoolean(String.valueOf(settings.get(DEBUG)))) {
                e.printStackTrace(err);
            }
            problems.println("peel-harvest: job " + spec.name() + " failed: " + Outcome.rootCause(e));
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "failed: " + Outcome.rootCause(e), err);
            return Outcome.JOB_FAILED;
        }
    }
}
