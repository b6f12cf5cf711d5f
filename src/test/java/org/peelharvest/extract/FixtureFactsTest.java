package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.peelharvest.fixtures.Facts;
import org.peelharvest.fixtures.FactsCheck;
import org.peelharvest.fixtures.FactsTally;
import org.peelharvest.model.SourceDocument;

/**
 * Every committed fixture document ({@code <spec>.<style>.html|pdf}) gives the facts written by hand
 * for its spec ({@code fixtures/facts/<spec>.yaml}): not the golden files, which record what the
 * extractor gave, but what a person reads in the document. A document's outcome is compared as its list
 * of reports ({@code DocumentExtractor.extractAll}, each report validated): one for a page, three for the
 * 2018/19 PDF of all three pillars, whose facts file lists them under {@code reports:}. A spec without a
 * facts file is skipped.
 */
class FixtureFactsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    /** Honest losses allowed: a reject where a report was expected. Wrong values are never allowed. */
    private static final double MAX_REJECTED_SHARE = 0.05;

    @Test
    void everyFixtureDocumentGivesTheFactsOfItsSpec() throws IOException {
        FactsTally tally = new FactsTally();
        Set<String> withoutFacts = new TreeSet<>();
        for (Path document : documents()) {
            String name = document.getFileName().toString();
            String spec = name.substring(0, name.indexOf('.'));
            Optional<Facts> facts = Facts.forSpec(spec);
            if (facts.isEmpty()) {
                withoutFacts.add(spec);
                continue;
            }
            SourceDocument source = new SourceDocument("fixtures/" + name, Files.readAllBytes(document));
            tally.add(name, style(name), FactsCheck.check(facts.get(), source));
        }
        withoutFacts.forEach(spec -> System.out.println("skipped (no facts file in " + Facts.DIRECTORY + "): " + spec));
        System.out.println("fixture facts: " + tally.figures("documents give"));
        tally.failures().forEach(line -> System.out.println("  " + line));
        System.out.println("by rendering:");
        tally.groupFigures().forEach(line -> System.out.println("  " + line));

        assertThat(tally.count(FactsCheck.Verdict.WRONG)).as("documents giving a wrong value:%n%s",
                String.join("\n", tally.failures())).isZero();
        assertThat(tally.count(FactsCheck.Verdict.REJECTED)).as("documents rejected where a report was expected")
                .isLessThanOrEqualTo((int) Math.floor(MAX_REJECTED_SHARE * tally.total()));
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().matches("[^.]+\\..*(html|pdf)")).sorted().toList();
        }
    }

    /** "semantic.html", "pdf" …: what the name says after the spec. */
    private static String style(String name) {
        return name.substring(name.indexOf('.') + 1);
    }
}
