package org.peelharvest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.peelharvest.extract.DocumentBlocks;
import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * The micro-benchmarks of issue 11 (JMH; {@code ./benchmark -jmh}): one HTML page's extraction,
 * one PDF's reading into blocks beside PDFBox's plain text extraction of the same PDF (the
 * pipeline's own cost a page, as a ratio), and conflict detection and de-duplication over
 * {@code k} copies of one report. Short by default (one fork, a few one-second iterations); the
 * command line of JMH can ask for more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class MicroBenchmarks {

    private static final Path HTML = Path.of("input/sample/derbyshire-2016-effectiveness.html");
    private static final Path PDF = Path.of("input/sample/derbyshire-2016-effectiveness.pdf");

    private final DocumentExtractor extractor = new DocumentExtractor();
    private SourceDocument html;
    private SourceDocument pdf;

    @Setup(Level.Trial)
    public void read() throws IOException {
        html = new SourceDocument(HTML.toUri().toString(), Files.readAllBytes(HTML));
        pdf = new SourceDocument(PDF.toUri().toString(), Files.readAllBytes(PDF));
    }

    /** One report page, from its bytes to its validated-ready report. */
    @Benchmark
    public Report htmlPageExtraction() {
        return extractor.extract(html);
    }

    /** One PDF read as the pipeline reads it: lines by position, then blocks. */
    @Benchmark
    public DocumentBlocks pdfReadingIntoBlocks() {
        return extractor.read(pdf);
    }

    /** The same PDF's text as PDFBox gives it plainly: the floor the reading above is compared with. */
    @Benchmark
    public String pdfPlainTextStripper() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Copies of one report staged and published with their conflicts; linear in {@code copies}. */
    @State(Scope.Benchmark)
    public static class Copies {

        @Param({"250", "500", "1000"})
        public int copies;

        List<Report> originals;
        Path folder;

        @Setup(Level.Trial)
        public void make() throws IOException {
            originals = ConflictScaling.originals();
            folder = Files.createTempDirectory(Path.of("target"), "jmh-copies-");
        }
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public void conflictsOverCopies(Copies state) throws IOException {
        ConflictScaling.stageAndPublish(state.folder, state.originals, state.copies);
    }
}
