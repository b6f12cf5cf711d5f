package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.QualityGate;
import org.peelharvest.publish.RunSettings;

/**
 * How a run was asked for: the command, the job file (its name and SHA-256), the folder its
 * paths are relative to, and when it was started. It reaches the publish step as properties of
 * the run's application, and makes the settings {@code run.json} records.
 *
 * @param jobFile       the job file, absolute; null for {@code extract}
 * @param jobFileSha256 the SHA-256 of the job file as it was read when the run started; null without one
 * @param base          the folder the recorded paths are relative to: the job file's, else the working directory
 */
public record Invocation(String command, Path jobFile, String jobFileSha256, Path base, Instant started) {

    private static final String COMMAND = "peel.run.command";
    private static final String JOB_FILE = "peel.run.job-file";
    private static final String JOB_FILE_SHA256 = "peel.run.job-file-sha256";
    private static final String BASE = "peel.run.base";

    public static Invocation ofRun(Path jobFile) {
        Path file = jobFile.toAbsolutePath().normalize();
        return new Invocation("run", file, digestOf(file), file.getParent(), Instant.now());
    }

    public static Invocation ofExtract() {
        return new Invocation("extract", null, null, Path.of("").toAbsolutePath(), Instant.now());
    }

    /** {@code overrides} with this invocation added, for the run's application. */
    Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(overrides);
        properties.put(COMMAND, command);
        properties.put(BASE, base.toString());
        if (jobFile != null) {
            properties.put(JOB_FILE, jobFile.toString());
            properties.put(JOB_FILE_SHA256, jobFileSha256 == null ? "" : jobFileSha256);
        }
        return properties;
    }

    /** The invocation the run's application was started for; a bare context (a test's) is an {@code extract}. */
    static Invocation from(Environment environment) {
        String jobFile = environment.getProperty(JOB_FILE, "");
        String sha256 = environment.getProperty(JOB_FILE_SHA256, "");
        return new Invocation(environment.getProperty(COMMAND, "extract"), jobFile.isEmpty() ? null : Path.of(jobFile),
                sha256.isEmpty() ? null : sha256, Path.of(environment.getProperty(BASE, "")).toAbsolutePath(), null);
    }

    RunSettings settings(JobDefinition spec) {
        HarvestDefinition plan = spec.harvest();
        RunSettings.Harvest harvest = plan == null ? null : new RunSettings.Harvest(plan.seeds(), plan.allow(),
                relative(plan.snapshotRoot()), plan.rate(), plan.userAgent());
        return new RunSettings(command, jobFile == null ? null : jobFile.getFileName().toString(), jobFileSha256,
                spec.name(), spec.inputs().stream().map(this::relative).toList(), relative(spec.output()),
                new QualityGate(spec.maxRejectRate(), spec.maxWarningRate()), spec.csv().label(), harvest);
    }

    /** {@code path} relative to the base, with '/' between its names, as a job file would write it. */
    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.getRoot() == null || !absolute.getRoot().equals(base.getRoot())) {
            return absolute.toString();
        }
        Path relative = base.relativize(absolute);
        String text = String.join("/", java.util.stream.StreamSupport.stream(relative.spliterator(), false)
                .map(Path::toString).toList());
        return text.isEmpty() ? "." : text;
    }

    private static String digestOf(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) <= JobFile.MAX_BYTES
                    ? SourceDocument.sha256(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
