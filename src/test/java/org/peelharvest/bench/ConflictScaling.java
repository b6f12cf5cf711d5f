package org.peelharvest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.RunInfo;
import org.peelharvest.publish.StagingArea;

/**
 * Conflict detection and de-duplication over many copies of one report (issue 11): {@code k}
 * copies of the Derbyshire 2016 effectiveness report, half from its HTML page and half from its
 * PDF (which disagree on some fields, so every PDF copy is a conflict row or more), each under a
 * URL and a digest of its own as re-harvests give them, staged in a work area, then published:
 * reading the staged copies back, comparing each with the primary, writing the release. The
 * time for each {@code k} shows whether that stays linear in the copies.
 */
final class ConflictScaling {

    private static final Path SAMPLE = Path.of("input/sample/derbyshire-2016-effectiveness");
    private static final RunInfo RUN = new RunInfo("benchmark", "conflict-scaling", 1, 1, null, null);

    private ConflictScaling() {
    }

    /** The seconds that staging and publishing {@code k} copies took, for each {@code k}, after one warm-up. */
    static Map<Integer, Double> measure(Path folder, List<Integer> copies) throws IOException {
        List<Report> originals = originals();
        stageAndPublish(folder.resolve("warm-up"), originals, copies.get(0));
        Map<Integer, Double> seconds = new LinkedHashMap<>();
        for (int k : copies) {
            seconds.put(k, stageAndPublish(folder.resolve("k" + k), originals, k));
        }
        return seconds;
    }

    static double stageAndPublish(Path folder, List<Report> originals, int k) throws IOException {
        Benchmark.deleteTree(folder);
        StagingArea staging = new StagingArea(folder.resolve("work"));
        staging.create();
        long started = System.nanoTime();
        for (int i = 0; i < k; i++) {
            staging.put(copy(originals.get(i % originals.size()), i));
        }
        new DatasetPublisher().publish(folder.resolve("out"), staging.staged().reports(), staging.staged().rejects(), RUN);
        double seconds = (System.nanoTime() - started) / 1e9;
        Benchmark.deleteTree(folder);
        return seconds;
    }

    /** The report as read from its HTML page and from its PDF. */
    static List<Report> originals() throws IOException {
        DocumentExtractor extractor = new DocumentExtractor();
        List<Report> reports = new ArrayList<>();
        for (String extension : List.of(".html", ".pdf")) {
            Path file = Path.of(SAMPLE + extension);
            reports.add(extractor.extract(new SourceDocument(file.toUri().toString(), Files.readAllBytes(file))));
        }
        return reports;
    }

    /** Copy {@code i}: the same report from another address, with bytes of its own (so another digest). */
    private static Report copy(Report report, int i) {
        Source source = report.source();
        String url = source.url().replace("derbyshire-2016-effectiveness", "copy-" + i + "/derbyshire-2016-effectiveness");
        Source copied = new Source(url, source.format(), SourceDocument.sha256((source.sha256() + i)
                .getBytes(StandardCharsets.UTF_8)));
        return new Report(report.force(), report.cycle(), report.pillar(), report.headlineQuestion(), report.judgment(),
                report.judgmentSource(), report.lastUpdated(), report.summary(), report.questions(), copied);
    }
}
