package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.CsvStyle;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.OutputMarker;
import org.peelharvest.publish.WriteFailure;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A job's settings, the one definition of them: read once from the job file ({@link JobFile#load})
 * or the command line ({@link Overrides}), every default here, every check in a compact constructor
 * (a value that cannot be used is an {@link IllegalArgumentException} naming it: bad usage, exit 2).
 * Before a run starts it is kept in its output's work area ({@link WorkArea}), named by its SHA-256,
 * and that digest is a job parameter, so a restart reads back the settings its run started with
 * (issue 12). The input paths, of any number and holding any characters, newlines included, travel
 * in that file only (issue 9, item 11); their digest is what identifies the job instance.
 *
 * @param name           the job's name, which also names its work area
 * @param inputs         files and folders to extract from, absolute
 * @param output         the folder the datasets are published into, absolute
 * @param maxRejectRate  the share of rejected documents above which the quality gate fails
 * @param maxWarningRate the share of published reports without questions above which the quality gate fails
 * @param csv            how the CSV files are written (plain by default: every data tool reads them; the workbook is for spreadsheets)
 * @param releases       whether each run publishes a new release under the output folder
 *                       ({@code <output>/<UTC timestamp>/}, {@code latest} naming the newest) rather
 *                       than into the output folder exactly
 * @param harvest        what to harvest first, into a new snapshot the run then extracts from; null
 *                       for a run of local files only
 */
public record JobDefinition(String name, List<Path> inputs, Path output, double maxRejectRate, double maxWarningRate,
                     CsvStyle csv, boolean releases, HarvestDefinition harvest) {

    public static final double DEFAULT_MAX_REJECT_RATE = 0.2;
    public static final double DEFAULT_MAX_WARNING_RATE = 0.2;
    /** The default CSV style as a job file and the help write it (a constant, so the help's text can hold it). */
    public static final String DEFAULT_CSV_LABEL = "plain";
    static final CsvStyle DEFAULT_CSV = CsvStyle.fromLabel(DEFAULT_CSV_LABEL).orElseThrow();
    /** The job's name in the job repository when {@code extract} is given no {@code --name}. */
    public static final String EXTRACT_NAME = "extract";
    /** The name a harvest without a job file gives its snapshots' folder. */
    public static final String HARVEST_NAME = "harvest";

    /** The job parameters: name, inputs and output identify a job instance; run tells its runs apart. */
    public static final String NAME = "name";
    static final String INPUTS_DIGEST = "inputs.sha256";
    public static final String OUTPUT = "output";
    public static final String RUN = "run";
    static final String RELEASE = "release";
    static final String DEFINITION_DIGEST = "definition.sha256";

    /**
     * Paths are written as they print, not as Jackson's default URIs, which end in '/' when the
     * folder exists: the digest of a definition must not change when its output is made.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule()
                    .addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addDeserializer(Path.class, new StdDeserializer<Path>(Path.class) {
                        @Override
                        public Path deserialize(JsonParser parser, DeserializationContext context) {
                            return Path.of(parser.getValueAsString());
                        }
                    }))
            .build();

    public JobDefinition {
        inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        output = output.toAbsolutePath().normalize();
        requireShare("max-reject-rate", maxRejectRate);
        requireShare("max-warning-rate", maxWarningRate);
    }

    /** A rate of the quality gate is a share, 0 to 1; written so that NaN is refused too. */
    static void requireShare(String name, Double rate) {
        if (rate != null && !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }

    /**
     * What the command line sets, each null where it says nothing; a value given wins over the job
     * file's. A rate that is no share is refused here, named as the option, so it is not blamed on
     * the job file.
     */
    public record Overrides(Double maxRejectRate, Double maxWarningRate, CsvStyle csv, HarvestDefinition.Overrides harvest) {

        public static final Overrides NONE = new Overrides(null, null, null, HarvestDefinition.Overrides.NONE);

        public Overrides {
            requireShare("--max-reject-rate", maxRejectRate);
            requireShare("--max-warning-rate", maxWarningRate);
        }

        public double maxRejectRate(Double fromFile) {
            return first(maxRejectRate, fromFile, DEFAULT_MAX_REJECT_RATE);
        }

        public double maxWarningRate(Double fromFile) {
            return first(maxWarningRate, fromFile, DEFAULT_MAX_WARNING_RATE);
        }

        public CsvStyle csv(CsvStyle fromFile) {
            return first(csv, fromFile, DEFAULT_CSV);
        }
    }

    static <T> T first(T given, T fromFile, T byDefault) {
        return given != null ? given : fromFile != null ? fromFile : byDefault;
    }

    /** This definition reading one more input (a harvest's new snapshot). */
    JobDefinition withInput(Path input) {
        List<Path> all = new ArrayList<>(inputs);
        all.add(input);
        return new JobDefinition(name, all, output, maxRejectRate, maxWarningRate, csv, releases, harvest);
    }

    /** The work area beside the output, where the definition and the staged outcomes are kept across restarts. */
    WorkArea workArea() {
        return new WorkArea(output);
    }

    /** Run {@code run} of this job, publishing into {@code release} (null when the run makes no release). */
    JobParameters toJobParameters(long run, String release) {
        JobParametersBuilder parameters = new JobParametersBuilder();
        if (release != null) {
            parameters.addString(RELEASE, release, false);
        }
        return parameters
                .addString(NAME, name)
                .addString(INPUTS_DIGEST, inputsDigest())
                .addString(OUTPUT, output.toString())
                .addLong(RUN, run)
                .addString(DEFINITION_DIGEST, digest(), false)
                .toJobParameters();
    }

    /**
     * The definition this process saved last, by its digest: a run's steps find it here rather than
     * parse its file once a step (the first parse, on the job's one thread before the documents are
     * listed, took 20-40 ms of every run; issue 18). The file is still what a restart reads.
     */
    private static volatile Saved lastSaved;

    private record Saved(String digest, JobDefinition definition) {
    }

    /** The definition a run was started with, read back from its output's work area (or as this process saved it). */
    static JobDefinition from(JobParameters parameters) {
        String digest = parameters.getString(DEFINITION_DIGEST);
        Path file = new WorkArea(Path.of(parameters.getString(OUTPUT))).definitionFile(digest);
        Saved saved = lastSaved;
        if (saved != null && saved.digest().equals(digest) && Files.isRegularFile(file)) {
            return saved.definition(); // the file is named by the digest of what it holds: the same definition
        }
        try {
            return JSON.readValue(file.toFile(), JobDefinition.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("the settings of this run are gone or broken (" + file + ")", e);
        }
    }

    /** Keeps this definition where a run's steps, and its restarts, find it by its digest. */
    void save() throws IOException {
        byte[] json = json();
        String digest = SourceDocument.sha256(json);
        workArea().save(digest, json);
        lastSaved = new Saved(digest, this);
    }

    /** True when {@code parameters} describe the same work (the run number aside). */
    boolean sameWorkAs(JobParameters parameters) {
        return name.equals(parameters.getString(NAME)) && inputsDigest().equals(parameters.getString(INPUTS_DIGEST))
                && output.toString().equals(parameters.getString(OUTPUT));
    }

    private byte[] json() {
        return JSON.writeValueAsBytes(this);
    }

    String digest() {
        return SourceDocument.sha256(json());
    }

    /** The SHA-256 of the input list, a JSON array of the paths in order: with the name and output, the job's identity. */
    String inputsDigest() {
        return SourceDocument.sha256(JSON.writeValueAsBytes(inputs.stream().map(Path::toString).toList()));
    }

    /**
     * Why this run cannot be done, found before any work (issue 9, item 12): an output that is a
     * file, or equal to an input, or inside one (each run would read the previous release), or an
     * input inside the output. Paths are compared as the file system resolves them (links followed).
     */
    Optional<String> usageProblem() {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return Optional.of("the output " + output + " is a file; it must be a folder (or not exist yet)");
        }
        Path realOutput = real(output);
        List<Path> read = new ArrayList<>(inputs);
        if (harvest != null) {
            read.add(harvest.snapshotRoot());
        }
        for (Path input : read) {
            Path realInput = real(input);
            if (realOutput.equals(realInput)) {
                return Optional.of("the output " + output + " is also an input; publish somewhere else");
            }
            if (realOutput.startsWith(realInput) && Files.isDirectory(input)) {
                return Optional.of("the output " + output + " is inside the input " + input
                        + ", so the next run would read this run's release; publish outside it");
            }
            if (realInput.startsWith(realOutput)) {
                return Optional.of("the input " + input + " is inside the output " + output
                        + ", which publishing replaces; read it from somewhere else");
            }
        }
        return foreignInOutput();
    }

    /** A folder that holds what the project did not write is never published into (nothing in it is touched). */
    private Optional<String> foreignInOutput() {
        try {
            return OutputMarker.foreignEntry(output, releases)
                    .map(entry -> DatasetPublisher.notOurs(output, entry, releases));
        } catch (IOException e) {
            return Optional.of("the output " + output + " cannot be read (" + WriteFailure.reasonOf(e)
                    + "); choose another folder");
        }
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
}
