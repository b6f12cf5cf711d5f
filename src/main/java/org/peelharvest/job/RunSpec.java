package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.CsvStyle;
import org.peelharvest.publish.StagingArea;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one run does, read once from the job file or the command line and passed around typed.
 * It travels to the steps as job parameters; {@link #from(JobParameters)} is the one place
 * that reads them back. The input paths, of any number and holding any characters (newlines
 * included), are kept in a file of the output's work area named by their SHA-256, and only that
 * digest is a job parameter (issue 9, item 11: a newline split a path in two, and 200 inputs
 * overflowed the parameter's column).
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
    static final String INPUTS_DIGEST = "inputs.sha256";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

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

    /**
     * This run's spec with its release folder named after the UTC time it starts at; a second run
     * started in the same second as an earlier one (a release is never overwritten) takes the next
     * free name, {@code 20261130T091500Z-2}, which sorts after it.
     */
    RunSpec startingAt(Instant start) {
        if (!releases) {
            return this;
        }
        String release = RELEASE_NAME.format(start);
        for (int n = 2; Files.exists(output.resolve(release)); n++) {
            release = RELEASE_NAME.format(start) + "-" + n;
        }
        return new RunSpec(name, inputs, output, maxRejectRate, maxWarningRate, csv, true, release, harvest);
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
                .addString(INPUTS_DIGEST, inputsDigest())
                .addString("output", output.toString())
                .addLong("run", run)
                .addDouble("max-reject-rate", maxRejectRate, false)
                .addDouble("max-warning-rate", maxWarningRate, false)
                .addString("csv", csv.label(), false)
                .toJobParameters();
    }

    static RunSpec from(JobParameters parameters) {
        Path output = Path.of(parameters.getString("output"));
        String release = parameters.getString("release");
        return new RunSpec(parameters.getString("name"), inputsOf(parameters, output), output,
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
        return name.equals(parameters.getString("name")) && inputsDigest().equals(parameters.getString(INPUTS_DIGEST))
                && output.toString().equals(parameters.getString("output"));
    }

    /** The input list as kept in the work area: a JSON array of the paths, in order. */
    private byte[] inputsJson() {
        return JSON.writeValueAsBytes(inputs.stream().map(Path::toString).toList());
    }

    String inputsDigest() {
        return SourceDocument.sha256(inputsJson());
    }

    /** Where the input list of this work is kept: the output's work area, named by its digest. */
    private static Path inputsFile(Path output, String digest) {
        return workRoot(output).resolve("inputs-" + digest + ".json");
    }

    /** Keeps the input list where the steps find it by its digest; written before every start and restart. */
    void saveInputs() throws IOException {
        Path file = inputsFile(output, inputsDigest());
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, inputsJson());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the input list once no run needs it: the run completed. */
    void deleteInputs() throws IOException {
        Files.deleteIfExists(inputsFile(output, inputsDigest()));
    }

    private static List<Path> inputsOf(JobParameters parameters, Path output) {
        String digest = parameters.getString(INPUTS_DIGEST);
        if (digest == null) {
            // A run recorded before the list was kept in the work area.
            return Arrays.stream(parameters.getString("input", "").split(INPUT_SEPARATOR))
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
        }
        Path file = inputsFile(output, digest);
        try {
            List<String> paths = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {
            });
            return paths.stream().map(Path::of).toList();
        } catch (JacksonException e) {
            throw new IllegalStateException("the input list of this run is gone or broken (" + file + ")", e);
        }
    }

    /**
     * Why this run cannot be done, found before any work (issue 9, item 12): an output that is a
     * file, or equal to an input, or inside one (each run would read the previous release), or an
     * input inside the output. Paths are compared as the file system resolves them (links followed).
     */
    java.util.Optional<String> usageProblem() {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return java.util.Optional.of("the output " + output + " is a file; it must be a folder (or not exist yet)");
        }
        Path realOutput = real(output);
        List<Path> read = new java.util.ArrayList<>(inputs);
        if (harvest != null) {
            read.add(harvest.snapshotRoot());
        }
        for (Path input : read) {
            Path realInput = real(input);
            if (realOutput.equals(realInput)) {
                return java.util.Optional.of("the output " + output + " is also an input; publish somewhere else");
            }
            if (realOutput.startsWith(realInput) && Files.isDirectory(input)) {
                return java.util.Optional.of("the output " + output + " is inside the input " + input
                        + ", so the next run would read this run's release; publish outside it");
            }
            if (realInput.startsWith(realOutput)) {
                return java.util.Optional.of("the input " + input + " is inside the output " + output
                        + ", which publishing replaces; read it from somewhere else");
            }
        }
        return java.util.Optional.empty();
    }

    /** The path with every link resolved, as far as it exists; the rest as written. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    private static Path workRoot(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".work");
    }

    /** Where a job instance keeps its staged outcomes across restarts: beside the output, hidden. */
    StagingArea stagingArea(JobExecution execution) {
        String instance = Long.toString(execution.getJobInstance().getInstanceId());
        return new StagingArea(workRoot(output).resolve(instance));
    }
}
