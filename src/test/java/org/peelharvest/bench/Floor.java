package org.peelharvest.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

/**
 * The floor (issue 11, (a)): a bare loop that only parses every file, HTML with jsoup and PDF
 * with PDFBox's text extraction, on every core; nothing is kept. Prints its own time and the
 * characters it read, so that the work cannot be optimised away. With
 * {@code -Dfloor.overprints=off} PDFBox's check for glyphs drawn over themselves is off: the
 * lower floor the benchmark also shows, since extraction does that check its own, cheaper way
 * ({@code extract/pdf/Overprints}).
 */
public final class Floor {

    private static final boolean OVERPRINTS_OFF = "off".equals(System.getProperty("floor.overprints"));

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String folder : args) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("complete"))
                        .sorted().forEach(files::add);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(cores);
        List<Future<Long>> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(threads.submit(() -> parse(file)));
        }
        long characters = 0;
        for (Future<Long> result : parsed) {
            characters += result.get();
        }
        threads.shutdown();
        System.out.printf(Locale.ROOT, "floor: %d files, %d characters, %d ms on %d threads%n", files.size(), characters,
                (System.nanoTime() - started) / 1_000_000, cores);
    }

    private static long parse(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (file.toString().endsWith(".pdf")) {
                // One PDDocument and one stripper a document, as the extractor has.
                try (PDDocument document = Loader.loadPDF(content)) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setSuppressDuplicateOverlappingText(!OVERPRINTS_OFF);
                    return stripper.getText(document).length();
                }
            }
            return Jsoup.parse(new ByteArrayInputStream(content), null, file.toUri().toString()).text().length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
