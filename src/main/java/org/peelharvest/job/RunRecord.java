package org.peelharvest.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.peelharvest.publish.Build;
import org.peelharvest.publish.RunInfo;
import org.peelharvest.publish.RunJson;

/**
 * The record every run leaves, whatever its end (success, quality gate failed, failed):
 * {@code <output>/runs/<start>.json} beside the releases of a job that makes releases, or
 * {@code runs/<start>.json} in the {@link StateFolder} of the folder {@code extract} publishes into
 * (which publishing replaces whole). It holds the fields of {@code run.json}, and the error when the run
 * failed; {@code <start>} is the name of the run's release (the UTC time the job started), or the
 * time the command started for a run that makes no release.
 */
final class RunRecord {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunRecord() {
    }

    /** The folder a run of {@code spec} leaves its record in. */
    static Path folder(JobDefinition spec) {
        return spec.releases() ? spec.output().resolve("runs")
                : new StateFolder(spec.output()).runs();
    }

    /**
     * Leaves the record of a run that ended with {@code exitCode}; {@code outcome} is null when
     * the job never started. A record that cannot be written is said on {@code err}, and the run's
     * exit code stands.
     */
    static void leave(JobDefinition spec, Invocation invocation, Outcome outcome, int exitCode, String error,
                      PrintStream err) {
        RunInfo run = new RunInfo(Build.current(), spec.name(), outcome == null ? 0 : outcome.run(),
                outcome == null ? 0 : outcome.instance(), invocation.started(),
                outcome == null ? null : outcome.release(),
                invocation.settings(spec), spec.inputs());
        Path published = outcome == null || outcome.folder().isEmpty() ? null : Path.of(outcome.folder());
        try {
            RunJson.writeRecord(fileFor(spec, invocation, outcome == null ? null : outcome.release()), run, published,
                    outcome == null ? 0 : outcome.documents(), outcome == null ? 0 : outcome.rejected(), exitCode, error);
        } catch (IOException | RuntimeException e) {
            err.println("peel-harvest: the record of this run could not be written in " + folder(spec) + ": " + e.getMessage());
        }
    }

    /**
     * A new file, named as the run's release is (so that a record, its release and its row in
     * {@code status} are found by one time), or after the time the command started when the run
     * makes no release; a second of the same name gets {@code -2}.
     */
    private static Path fileFor(JobDefinition spec, Invocation invocation, String release) {
        Path folder = folder(spec);
        String name = release != null && !release.isEmpty() ? release : NAME.format(invocation.started());
        Path file = folder.resolve(name + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(name + "-" + n + ".json");
        }
        return file;
    }
}
