package org.peelharvest.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.Warning;

/**
 * {@code run.json}, beside the datasets of a release: the build, the job and run, when it started
 * and published, how it ended (result, exit code, error), its quality gate, every setting it used,
 * the row counts, the warnings counted by code, and every input document with its SHA-256 and what
 * became of it. It is the one file of a release that differs between two runs of the same input.
 * The same fields make the record every run leaves under {@code runs/}, whatever its end.
 */
public final class RunJson {

    static final String FILE = "run.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** How a run ended, as {@code result} says it; the exit codes are the command line's (130 and 143: SIGINT, SIGTERM). */
    public static String result(int exitCode) {
        return switch (exitCode) {
            case 0 -> "succeeded";
            case 3 -> "quality-gate-failed";
            case 130, 143 -> "stopped";
            default -> "failed";
        };
    }

    /** One input document: the report it gave, or the reason it was rejected. */
    record Document(String url, String sha256, String reportId, String rejected) {
    }

    /** What an earlier {@code run.json} says, to recognise a release its own run already published. */
    record Written(String job, long instance, JsonNode counts, JsonNode gate) {

        boolean sameRunAs(RunInfo run) {
            return job.equals(run.job()) && instance == run.instance();
        }

        Release release(Path folder) {
            Map<Warning.Code, Integer> warnings = new EnumMap<>(Warning.Code.class);
            for (Warning.Code code : Warning.Code.values()) {
                warnings.put(code, counts.path("warnings_by_code").path(code.label()).asInt(0));
            }
            QualityGate.Verdict verdict = gate.isObject() ? new QualityGate.Verdict(gate.path("reject_rate").asDouble(),
                    gate.path("max_reject_rate").asDouble(), gate.path("without_questions_rate").asDouble(),
                    gate.path("max_warning_rate").asDouble(), gate.path("problem").asString("")) : null;
            return new Release(folder, count("documents"), count("reports"), count("questions"),
                    count("areas_for_improvement"), count("causes_of_concern"), count("recommendations"),
                    count("conflicts"), count("rejects"), count("site_pages"), warnings, verdict);
        }

        private int count(String name) {
            return counts.path(name).asInt(0);
        }
    }

    private RunJson() {
    }

    /** @param fromCache how many of the documents read came from the extraction cache, not parsed again (issue 18) */
    static void write(Path file, RunInfo run, Release release, List<Document> documents, int fromCache)
            throws IOException {
        Integer exitCode = release.verdict() == null ? null : release.verdict().passed() ? 0 : 3;
        Map<String, Object> json = head(run, Instant.now(), exitCode, null);
        json.put("quality_gate", gate(release.verdict()));
        json.put("settings", settings(run.settings()));
        Map<String, Object> counts = counts(release);
        counts.put("documents_from_cache", fromCache);
        json.put("counts", counts);
        json.put("inputs", documents.stream().sorted(Comparator.comparing(Document::url)).map(d -> {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("url", d.url());
            input.put("sha256", d.sha256());
            input.put("report_id", d.reportId());
            input.put("rejected", d.rejected());
            return input;
        }).toList());
        writeJson(file, json);
    }

    /**
     * The record of a run, whatever its end, as {@code file}: the {@code run.json} of the release
     * it published, with how the run ended; else (it failed or stopped before publishing) the same
     * fields, with what is known: its settings, the documents read and rejected, and the error.
     *
     * @param published the folder the run published, or null
     * @param documents documents read before the run ended (used only when it published nothing)
     * @param rejects   documents rejected before the run ended (likewise)
     */
    public static void writeRecord(Path file, RunInfo run, Path published, int documents, int rejects, int exitCode,
                                   String error) throws IOException {
        Files.createDirectories(file.getParent());
        JsonNode release = published == null ? null : readTree(published.resolve(FILE));
        Map<String, Object> json;
        if (release != null && release.path("job").asString("").equals(run.job())
                && release.path("job_instance").asLong(-1) == run.instance()) {
            json = JSON.convertValue(release, new tools.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {
            });
            json.put("exit_code", exitCode);
            json.put("result", result(exitCode));
            json.put("error", error == null || error.isEmpty() ? null : error);
        } else {
            json = head(run, null, exitCode, error == null || error.isEmpty() ? null : error);
            json.put("quality_gate", null);
            json.put("settings", settings(run.settings()));
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("documents", documents);
            counts.put("rejects", rejects);
            json.put("counts", counts);
            json.put("inputs", List.of());
        }
        writeJson(file, json);
    }

    private static Map<String, Object> head(RunInfo run, Instant published, Integer exitCode, String error) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("version", run.build().version());
        build.put("commit", run.build().commit());
        json.put("build", build);
        json.put("job", run.job());
        json.put("run", run.run() > 0 ? run.run() : null);
        json.put("job_instance", run.instance() > 0 ? run.instance() : null);
        json.put("release", run.release());
        json.put("started", run.started() == null ? null : run.started().toString());
        json.put("published", published == null ? null : published.toString());
        json.put("result", exitCode == null ? "succeeded" : result(exitCode));
        json.put("exit_code", exitCode);
        json.put("error", error);
        return json;
    }

    private static Map<String, Object> gate(QualityGate.Verdict verdict) {
        if (verdict == null) {
            return null;
        }
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("passed", verdict.passed());
        gate.put("problem", verdict.passed() ? null : verdict.problem());
        gate.put("reject_rate", verdict.rejectRate());
        gate.put("max_reject_rate", verdict.maxRejectRate());
        gate.put("without_questions_rate", verdict.withoutQuestionsRate());
        gate.put("max_warning_rate", verdict.maxWarningRate());
        return gate;
    }

    /** Named as in a job file, so that a person can read them back as one. */
    private static Map<String, Object> settings(RunSettings settings) {
        if (settings == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", settings.command());
        json.put("job_file", settings.jobFile());
        json.put("job_file_sha256", settings.jobFileSha256());
        json.put("name", settings.name());
        json.put("input", settings.input());
        json.put("output", settings.output());
        json.put("max-reject-rate", settings.gate().maxRejectRate());
        json.put("max-warning-rate", settings.gate().maxWarningRate());
        json.put("csv", settings.csv());
        RunSettings.Harvest harvest = settings.harvest();
        json.put("seed", harvest == null ? null : harvest.seed());
        json.put("allow", harvest == null ? null : harvest.allow());
        json.put("snapshot", harvest == null ? null : harvest.snapshot());
        json.put("rate", harvest == null ? null : harvest.rate());
        json.put("user-agent", harvest == null ? null : harvest.userAgent());
        return json;
    }

    private static Map<String, Object> counts(Release release) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("documents", release.documents());
        counts.put("reports", release.reports());
        counts.put("questions", release.questions());
        counts.put("areas_for_improvement", release.areasForImprovement());
        counts.put("causes_of_concern", release.causesOfConcern());
        counts.put("recommendations", release.recommendations());
        counts.put("conflicts", release.conflicts());
        counts.put("rejects", release.rejects());
        counts.put("site_pages", release.sitePages());
        counts.put("warnings", release.warnings());
        Map<String, Integer> byCode = new LinkedHashMap<>();
        release.warningsByCode().forEach((code, count) -> byCode.put(code.label(), count));
        counts.put("warnings_by_code", byCode);
        return counts;
    }

    private static void writeJson(Path file, Map<String, Object> json) throws IOException {
        WriteFailure.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /**
     * Why the run that published {@code release} says it must not be used: it failed its quality
     * gate. Empty when its {@code run.json} says it passed, or names no gate.
     */
    public static List<String> problems(Path release) {
        JsonNode json = readTree(release.resolve(FILE));
        if (json == null) {
            return List.of();
        }
        JsonNode gate = json.path("quality_gate");
        if (gate.isObject() && !gate.path("passed").asBoolean(true)) {
            return List.of(FILE + ": the run that published this release failed its quality gate ("
                    + gate.path("problem").asString("") + "); it was published for inspection, never as latest");
        }
        return List.of();
    }

    private static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    static Written read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode json = JSON.readTree(file.toFile());
        return new Written(json.path("job").asString(""), json.path("job_instance").asLong(-1), json.path("counts"),
                json.path("quality_gate"));
    }

    /**
     * Rejected documents larger than this are not read again to be hashed: a 1 TB sparse file or a
     * device must not hold up publishing (issue 9; the document limit itself is 50 MB by default).
     */
    private static final long MAX_HASHED_BYTES = 1L << 30;

    /**
     * The SHA-256 of a local document, read again; null for a URL that is not a readable regular
     * local file (a device such as /dev/zero never ends), or one too large to read again. A
     * relative URL (a file's path relative to its input) is looked up in each input in turn.
     */
    static String sha256Of(String url, List<Path> inputs) {
        try {
            URI uri = URI.create(url);
            if (uri.isAbsolute()) {
                return "file".equals(uri.getScheme()) ? sha256Of(Path.of(uri)) : null;
            }
            for (Path input : inputs) {
                Path file = Files.isDirectory(input) ? input.resolve(uri.getPath())
                        : input.getFileName() != null && input.getFileName().toString().equals(uri.getPath()) ? input
                        : null;
                if (file != null && Files.isRegularFile(file)) {
                    return sha256Of(file);
                }
            }
            return null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static String sha256Of(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_HASHED_BYTES) {
                return null;
            }
            return SourceDocument.sha256(file);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
