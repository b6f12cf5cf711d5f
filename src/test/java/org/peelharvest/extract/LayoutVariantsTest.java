package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.peelharvest.fixtures.Facts;
import org.peelharvest.fixtures.FactsCheck;
import org.peelharvest.fixtures.FactsTally;
import org.peelharvest.fixtures.LayoutVariants;
import org.peelharvest.fixtures.LayoutVariants.Variant;
import org.peelharvest.fixtures.PageSpec;
import org.peelharvest.model.SourceDocument;

/**
 * Every spec with a facts file, made into layout variants the extractor was not written against
 * (other title forms, reordered headers, furniture, markup, inspectorate-style and browser-printed
 * PDFs): each variant must give the spec's facts, or at worst be rejected (at most 5%). A variant
 * that is not passing is written under {@code target/variants-failing/<spec>/} to be opened. Every
 * spec, report or not, with a facts file or not, has at least twenty variants.
 */
class LayoutVariantsTest {

    private static final long SEED = 20250611L;
    private static final Path FAILING = Path.of("target/variants-failing");
    private static final double MAX_REJECTED_SHARE = 0.05;
    private static final int MIN_VARIANTS = 20;

    @Test
    void everySpecHasAtLeastTwentyVariants() throws IOException {
        Map<String, Integer> tooFew = new TreeMap<>();
        for (Path file : LayoutVariants.specFiles()) {
            String spec = file.getFileName().toString().replace(".txt", "");
            int count = LayoutVariants.of(PageSpec.read(file), spec, SEED).size();
            if (count < MIN_VARIANTS) {
                tooFew.put(spec, count);
            }
        }
        assertThat(LayoutVariants.specFiles()).isNotEmpty();
        assertThat(tooFew).as("specs with fewer than %d layout variants", MIN_VARIANTS).isEmpty();
    }

    @Test
    void everyLayoutVariantOfASpecGivesItsFacts() throws IOException {
        forgetEarlierFailures();
        FactsTally tally = new FactsTally();
        for (Path file : LayoutVariants.specFiles()) {
            String spec = file.getFileName().toString().replace(".txt", "");
            Optional<Facts> facts = Facts.forSpec(spec);
            if (facts.isEmpty()) {
                System.out.println("skipped (no facts file in " + Facts.DIRECTORY + "): " + spec);
                continue;
            }
            for (Variant variant : LayoutVariants.of(PageSpec.read(file), spec, SEED)) {
                FactsCheck.Result result = FactsCheck.check(facts.get(), new SourceDocument(variant.url(), variant.content()));
                tally.add(spec + " / " + variant.name(), variant.name(), result);
                if (result.verdict() != FactsCheck.Verdict.GIVES_FACTS) {
                    keep(spec, variant);
                }
            }
        }
        System.out.println("layout variants: " + tally.figures("give"));
        tally.failures().forEach(line -> System.out.println("  " + line));
        System.out.println("by variant:");
        tally.groupFigures().forEach(line -> System.out.println("  " + line));

        assertThat(tally.count(FactsCheck.Verdict.WRONG)).as("variants giving a wrong value (documents in %s):%n%s",
                FAILING, String.join("\n", tally.failures())).isZero();
        assertThat(tally.count(FactsCheck.Verdict.REJECTED)).as("variants rejected where a report was expected (documents in %s)",
                FAILING).isLessThanOrEqualTo((int) Math.floor(MAX_REJECTED_SHARE * tally.total()));
    }

    private static void keep(String spec, Variant variant) throws IOException {
        Path folder = FAILING.resolve(spec);
        Files.createDirectories(folder);
        Files.write(folder.resolve(variant.name() + "." + variant.fileExtension()), variant.content());
    }

    private static void forgetEarlierFailures() throws IOException {
        if (Files.isDirectory(FAILING)) {
            try (Stream<Path> files = Files.walk(FAILING)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
