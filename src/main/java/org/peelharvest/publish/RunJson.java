package org.peelharvest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Warning;

/**
 * {@code run.json}, beside the datasets of a release: the project version, the job and run, when
 * it started and published, the row counts, the warnings counted by code, and every input document with its SHA-256 and what
 * became of it. It is the one file of a release that differs between two runs of the same input.
 */
final class RunJson {

    static final String FILE = "run.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One input document: the report it gave, or the reason it was rejected. */
    record Document(String url, String sha256, String reportId, String rejected) {
    }

    /** What an earlier {@code run.json} says, to recognise a release its own run already published. */
    record Written(String job, long instance, JsonNode counts) {

        boolean sameRunAs(RunInfo run) {
            return job.equals(run.job()) && instance == run.instance();
        }

        Release release(Path folder) {
            Map<Warning.Code, Integer> warnings = new EnumMap<>(Warning.Code.class);
            for (Warning.Code code : Warning.Code.values()) {
                warnings.put(code, counts.path("warnings_by_code").path(code.label()).asInt(0));
            }
            return new Release(folder, count("documents"), count("reports"), count("questions"),
                    count("areas_for_improvement"), count("causes_of_concern"), count("recommendations"),
                    count("conflicts"), count("rejects"), warnings);
        }

        private int count(String name) {
            return counts.path(name).asInt(0);
        }
    }

    private RunJson() {
    }

    static void write(Path file, RunInfo run, Release release, List<Document> documents) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project_version", run.version());
        json.put("job", run.job());
        json.put("run", run.run());
        json.put("job_instance", run.instance());
        json.put("release", run.release());
        json.put("started", run.started() == null ? null : run.started().toString());
        json.put("published", Instant.now().toString());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("documents", release.documents());
        counts.put("reports", release.reports());
        counts.put("questions", release.questions());
        counts.put("areas_for_improvement", release.areasForImprovement());
        counts.put("causes_of_concern", release.causesOfConcern());
        counts.put("recommendations", release.recommendations());
        counts.put("conflicts", release.conflicts());
        counts.put("rejects", release.rejects());
        counts.put("warnings", release.warnings());
        Map<String, Integer> byCode = new LinkedHashMap<>();
        release.warningsByCode().forEach((code, count) -> byCode.put(code.label(), count));
        counts.put("warnings_by_code", byCode);
        json.put("counts", counts);
        json.put("inputs", documents.stream().sorted(java.util.Comparator.comparing(Document::url)).map(d -> {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("url", d.url());
            input.put("sha256", d.sha256());
            input.put("report_id", d.reportId());
            input.put("rejected", d.rejected());
            return input;
        }).toList());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    static Written read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode json = JSON.readTree(file.toFile());
        return new Written(json.path("job").asString(""), json.path("job_instance").asLong(-1), json.path("counts"));
    }

    /**
     * Rejected documents larger than this are not read again to be hashed: a 1 TB sparse file or a
     * device must not hold up publishing (issue 9; the document limit itself is 50 MB by default).
     */
    private static final long MAX_HASHED_BYTES = 1L << 30;

    /**
     * The SHA-256 of a local document, read again; null for a URL that is not a readable regular
     * local file (a device such as /dev/zero never ends), or one too large to read again.
     */
    static String sha256Of(String url) {
        try {
            Path file = Path.of(URI.create(url));
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_HASHED_BYTES) {
                return null;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
