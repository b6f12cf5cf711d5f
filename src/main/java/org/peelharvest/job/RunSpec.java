package org.peelharvest.job;

import java.nio.file.Path;
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
 * @param csv           how the CSV files are written (spreadsheet-safe by default)
 */
record RunSpec(String name, List<Path> inputs, Path output, double maxRejectRate, CsvStyle csv) {

    static final double DEFAULT_MAX_REJECT_RATE = 0.2;
    private static final String INPUT_SEPARATOR = "\n";

    RunSpec {
        inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        output = output.toAbsolutePath().normalize();
        if (maxRejectRate < 0 || maxRejectRate > 1) {
            throw new IllegalArgumentException("max-reject-rate must be between 0 and 1, not " + maxRejectRate);
        }
    }

    /** Name, inputs and output identify a job instance; run tells successive runs apart. */
    JobParameters toJobParameters(long run) {
        return new JobParametersBuilder()
                .addString("name", name)
                .addString("input", String.join(INPUT_SEPARATOR, inputs.stream().map(Path::toString).toList()))
                .addString("output", output.toString())
                .addLong("run", run)
                .addDouble("max-reject-rate", maxRejectRate, false)
                .addString("csv", csv.label(), false)
                .toJobParameters();
    }

    static RunSpec from(JobParameters parameters) {
        List<Path> inputs = Arrays.stream(parameters.getString("input", "").split(INPUT_SEPARATOR))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return new RunSpec(parameters.getString("name"), inputs, Path.of(parameters.getString("output")),
                parameters.getDouble("max-reject-rate", DEFAULT_MAX_REJECT_RATE),
                CsvStyle.fromLabel(parameters.getString("csv", "spreadsheet")).orElse(CsvStyle.SPREADSHEET));
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
