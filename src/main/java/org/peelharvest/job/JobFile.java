package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.peelharvest.harvest.HarvestLimits;
import org.peelharvest.publish.CsvStyle;

/**
 * A job file ({@code jobs/*.yaml}): the job's {@code name}, its {@code input} paths and its
 * {@code output} folder, with an optional {@code max-reject-rate}, {@code max-warning-rate} and
 * {@code csv} style; a job that harvests names its {@code seed} pages, the {@code allow}ed URL prefixes, its
 * {@code snapshot} folder, {@code rate}, {@code user-agent}, and how far it may grow
 * ({@code max-urls}, {@code max-links-per-page}, {@code max-duration}). Paths are relative to the
 * folder the job file is in, so a job runs the same from any working directory. Unknown keys
 * and missing paths are errors that name them.
 */
public record JobFile(String name, List<String> input, String output,
               @JsonProperty("max-reject-rate") Double maxRejectRate,
               @JsonProperty("max-warning-rate") Double maxWarningRate, String csv,
               List<String> seed, List<String> allow, String snapshot, Double rate,
               @JsonProperty("user-agent") String userAgent,
               @JsonProperty("max-urls") Integer maxUrls, @JsonProperty("max-links-per-page") Integer maxLinksPerPage,
               @JsonProperty("max-duration") String maxDuration) {

    /**
     * One value where a list is expected ({@code input: ../input/sample}) is a list of that value. A
     * key given twice is an error (issue 17: {@code output:} twice was read as the last one).
     */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /**
     * The job a job file describes, with the command line's {@code overrides} winning over its
     * values. Every problem of the file's keys is named on one line; a value that cannot be used is
     * named by its key, after the file.
     */
    public static JobDefinition load(Path file, JobDefinition.Overrides overrides) {
        if (!Files.isRegularFile(file)) {
            throw new BadJobException(file + ": no such job file");
        }
        JobFile job = parse(file);
        Path base = file.toAbsolutePath().getParent();
        KeyLines at = KeyLines.of(file);
        List<String> problems = new ArrayList<>();
        if (job.name == null) {
            problems.add("'name' is required: a name of letters, digits, '.', '_' or '-'");
        } else if (!job.name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add(at.line("name") + "'name' must be letters, digits, '.', '_' or '-' (starting with a letter "
                    + "or digit), not '" + job.name + "'");
        }
        boolean harvests = job.seed != null && !job.seed.isEmpty();
        if ((job.input == null || job.input.isEmpty()) && !harvests) {
            problems.add("'input' (a list of files or folders) or 'seed' (pages to harvest from) is required");
        }
        if (job.output == null || job.output.isBlank()) {
            problems.add(at.line("output") + "'output' is required: the folder to publish into");
        }
        List<Path> inputs = job.input == null ? List.of() : job.input.stream().map(base::resolve).toList();
        inputs.stream().filter(p -> !Files.exists(p))
                .forEach(p -> problems.add(at.line("input") + "input path does not exist: " + p.normalize()));
        CsvStyle csv = job.csv == null ? null : CsvStyle.fromLabel(job.csv).orElse(null);
        if (overrides.csv() == null && job.csv != null && csv == null) {
            problems.add(at.line("csv") + "'csv' is 'spreadsheet' or 'plain', not '" + job.csv + "'");
        }
        if (!problems.isEmpty()) {
            throw new BadJobException(file + (problems.get(0).startsWith("line ") ? " " : ": ") + String.join("; ", problems));
        }
        try {
            return new JobDefinition(job.name, inputs, base.resolve(job.output),
                    overrides.maxRejectRate(job.maxRejectRate), overrides.maxWarningRate(job.maxWarningRate),
                    overrides.csv(csv), true, job.harvestFrom(base, overrides.harvest()));
        } catch (IllegalArgumentException e) {
            throw new BadJobException(file + ": " + e.getMessage());
        }
    }

    /**
     * The harvest a job file describes (for {@code harvest JOB_FILE}), with the command line's
     * {@code overrides}; empty when neither names a seed. A value that cannot be used is an
     * {@link IllegalArgumentException} naming it.
     */
    public static Optional<HarvestDefinition> harvest(Path file, HarvestDefinition.Overrides overrides) {
        return Optional.ofNullable(parse(file).harvestFrom(file.toAbsolutePath().getParent(), overrides));
    }

    private HarvestDefinition harvestFrom(Path base, HarvestDefinition.Overrides overrides) {
        Path defaultSnapshot = HarvestDefinition.defaultSnapshotRoot(base.resolve("..").normalize(),
                name != null ? name : JobDefinition.HARVEST_NAME);
        return overrides.harvest(seed, allow, snapshot == null ? null : base.resolve(snapshot), rate, userAgent,
                new HarvestLimits.Given(maxUrls, maxLinksPerPage, maxDuration), defaultSnapshot);
    }

    /** The keys a job file may hold, as written in YAML: the record's components, by their JSON names. */
    static final List<String> KEYS = java.util.Arrays.stream(JobFile.class.getRecordComponents())
            .map(c -> c.getAccessor().getAnnotation(JsonProperty.class) != null
                    ? c.getAccessor().getAnnotation(JsonProperty.class).value() : c.getName())
            .toList();

    /** A job file is a few lines; anything near this size is a mistake or an attack, refused before it is parsed. */
    static final long MAX_BYTES = 1024 * 1024;

    /** Jackson's words for a key given twice ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}). */
    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate .*?\"([^\"]*)\"");

    private static JobFile parse(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadJobException(file + ": the job file is " + size + " bytes, more than the " + MAX_BYTES
                        + " a job file may be");
            }
            JobFile job = YAML.readValue(Files.readString(file), JobFile.class);
            if (job == null) {
                throw new BadJobException(file + ": the job file is empty");
            }
            return job;
        } catch (UnrecognizedPropertyException e) {
            // The parser has read past the key when it says so; the key's own line is where a person looks.
            String at = KeyLines.of(file).line(e.getPropertyName());
            throw new BadJobException(file + " " + (at.isEmpty() ? "line " + lineOf(e) + ": " : at) + "unknown key '"
                    + e.getPropertyName() + "' (known keys: " + String.join(", ", KEYS) + ")");
        } catch (MismatchedInputException e) {
            throw new BadJobException(file + " line " + lineOf(e) + ": " + KeyLines.expected(e));
        } catch (JacksonException e) {
            java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new BadJobException(file + " line " + lineOf(e) + ": the key '" + duplicate.group(1)
                        + "' is given twice; give it once");
            }
            throw new BadJobException(file + " line " + lineOf(e) + ": not YAML a job file can be read from ("
                    + firstLine(e.getOriginalMessage()) + "); see jobs/sample.yaml for the shape of one");
        } catch (IOException e) {
            throw new BadJobException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String lineOf(JacksonException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }

    /** The parser's own first line, which names the YAML problem ("mapping values are not allowed here"). */
    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    /** A job file or command line that cannot describe a run; exit code 2. */
    public static final class BadJobException extends IllegalArgumentException {
        public BadJobException(String message) {
            super(message);
        }
    }
}
