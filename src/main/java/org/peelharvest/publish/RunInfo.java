package org.peelharvest.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Which run a release comes from, for its {@code run.json}, and what it must pass to become
 * {@code latest}.
 *
 * @param release  the release folder's name under the job's output (a UTC timestamp), or null when
 *                 the run publishes into its output folder exactly
 * @param settings the options and job-file settings the run used; null when publishing outside a
 *                 job (a library call, a test), which is judged by no quality gate
 * @param inputs   the run's input files and folders, absolute: a rejected local document, named by
 *                 its path relative to its input, is found there again to be hashed for {@code run.json}
 */
public record RunInfo(Build build, String job, long run, long instance, Instant started, String release,
                      RunSettings settings, List<Path> inputs) {

    public RunInfo {
        inputs = List.copyOf(inputs);
    }

    /** A run outside a job: no settings, no quality gate. */
    public RunInfo(String version, String job, long run, long instance, Instant started, String release) {
        this(new Build(version, null), job, run, instance, started, release, null, List.of());
    }

    public String version() {
        return build.version();
    }

    /** The gate the release must pass to become {@code latest}; null when there is none. */
    QualityGate gate() {
        return settings == null ? null : settings.gate();
    }
}
