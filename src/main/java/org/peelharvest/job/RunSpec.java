package org.peelharvest.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.peelharvest.publish.CsvStyle;
import org.peelharvest.publish.StagingArea;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one run does, read once from the job file or the command line and passed around typed.
 * It travels to the steps as job parameters; {@link #from(JobParameters)} is the one place
 * that reads them back.
 *
 * @param name          the job's name, which also names its work area
 * @param inputs        files and folders to extract from, absolute
 * @param output        the folder the release is published into, absolute
 * @param maxRejectRate the share of rejected documents above which the quality gate fails
 * @param maxWarningRate the share of published reports without questions above which the quality gate fails
 * @param csv           how the CSV files are written (spreadsheet-safe by default)
 * @param releases      whether each run publishes a new release under the output folder
 *                      ({@code <output>/<UTC timestamp>/}, {@code latest} naming the newest) rather
 *                      than into the output folder exactly
 * @param release       the release folder of this run, named when the run starts; null before, or
 *                      when the run does not make releases
 * @param harvest       what to harvest first, into a new snapshot the run then extracts from; null
 *                      for a run of local files only
 */
record RunSpec(String name, List<Path> inputs, Path output, double maxRejectRate, double maxWarningRate, CsvStyle csv,
               boolean releases, String release, JobFile.HarvestPlan harvest) {

    static final double DEFAULT_MAX_REJECT_RATE = 0.2;
    static final double DEFAULT_MAX_WARNING_RATE = 0.2;
    private static final DateTimeFormatter RELEASE_NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String INPUT_SEPARATOR = "\n";

    RunSpec {
        inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        output = output.toAbsolutePath().normalize();
        requireShare("max-reject-rate", maxRejectRate);
        requireShare("max-warning-rate", maxWarningRate);
    }

    /** A rate of the quality gate is a share, 0 to 1; written so that NaN is refused too. */
    private static void requireShare(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }

    /** This spec reading one more input (a harvest's new snapshot). */
    RunSpec withInput(Path input) {
        List<Path> all = new java.util.ArrayList<>(inputs);
        all.add(input);
        return new RunSpec(name, all, output, maxRejectRate, maxWarningRate, csv, releases, release, harvest);
    }

    /** This run's spec with its release folder named after the UTC time it starts at. */
    RunSpec startingAt(Instant start) {
        return releases ? new RunSpec(name, inputs, output, maxRejectRate, maxWarningRate, csv, true,
                RELEASE_NAME.format(start), harvest) : this;
    }

    /** Name, inputs and output identify a job instance; run tells successive runs apart. */
    JobParameters toJobParameters(long run) {
        JobParametersBuilder parameters = new JobParametersBuilder();
        if (release != null) {
            parameters.addString("release", release, false);
        }
        if (harvest != null) {
            parameters.addString("harvest.seeds", String.join(INPUT_SEPARATOR, harvest.seeds()), false)
                    .addString("harvest.allow", String.join(INPUT_SEPARATOR, harvest.allow()), false)
                    .addString("harvest.snapshot", harvest.snapshotRoot().toString(), false)
                    .addDouble("harvest.rate", harvest.rate(), false)
                    .addString("harvest.user-agent", harvest.userAgent(), false);
        }
        return parameters
                .addString("name", name)
                .addString("input", String.join(INPUT_SEPARATOR, inputs.stream().map(Path::toString).toList()))
                .addString("output", output.toString())
                .addLong("run", run)
                .addDouble("max-reject-rate", maxRejectRate, false)
                .addDouble("max-warning-rate", maxWarningRate, false)
                .addString("csv", csv.label(), false)
                .toJobParameters();
    }

    static RunSpec from(JobParameters parameters) {
        List<Path> inputs = Arrays.stream(parameters.getString("input", "").split(INPUT_SEPARATOR))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        String release = parameters.getString("release");
        return new RunSpec(parameters.getString("name"), inputs, Path.of(parameters.getString("output")),
                parameters.getDouble("max-reject-rate", DEFAULT_MAX_REJECT_RATE),
                parameters.getDouble("max-warning-rate", DEFAULT_MAX_WARNING_RATE),
                CsvStyle.fromLabel(parameters.getString("csv", "spreadsheet")).orElse(CsvStyle.SPREADSHEET),
                release != null, release, harvestOf(parameters));
    }

    private static JobFile.HarvestPlan harvestOf(JobParameters parameters) {
        String seeds = parameters.getString("harvest.seeds");
        if (seeds == null) {
            return null;
        }
        return new JobFile.HarvestPlan(List.of(seeds.split(INPUT_SEPARATOR)),
                List.of(parameters.getString("harvest.allow", seeds).split(INPUT_SEPARATOR)),
                Path.of(parameters.getString("harvest.snapshot")), parameters.getDouble("harvest.rate", 1.0),
                parameters.getString("harvest.user-agent", ""));
    }

    /** True when {@code parameters} describe the same work (the run number aside). */
    boolean sameWorkAs(JobParameters parameters) {
        RunSpec other = from(parameters);
        return other.name.equals(name) && other.inputs.equals(inputs) && other.output.equals(output);
    }

    /** Where a job instance keeps its staged outcomes across restarts: beside the output, hidden. */
    StagingArea stagingArea(JobExecution execution) {
        String instance = Long.toString(execution.getJobInstance().getInstanceId());
        return new StagingArea(output.resolveSibling("." + output.getFileName() + ".work").resolve(instance));
    }
}
