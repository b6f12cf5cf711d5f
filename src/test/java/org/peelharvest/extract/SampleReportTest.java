package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.peelharvest.model.Judgment;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * The acceptance values of the Derbyshire 2016 effectiveness report (issue 2), read from the
 * HTML page and from the PDF alone; the texts are those of shared/corpus/00_….
 */
class SampleReportTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"derbyshire-2016-effectiveness.html", "derbyshire-2016-effectiveness.pdf"})
    void derbyshire2016EffectivenessIsReadExactlyFromEitherFormat(String file) throws IOException {
        Path path = Path.of("input/sample").resolve(file);
        Report report = extractor.extract(new SourceDocument(path.toUri().toString(), Files.readAllBytes(path)));

        assertThat(report.reportId()).isEqualTo("2016-derbyshire-effectiveness");
        assertThat(report.force().name()).isEqualTo("Derbyshire Constabulary");
        assertThat(report.cycle().label()).isEqualTo("2016");
        assertThat(report.judgment()).isEqualTo(Judgment.GOOD);
        assertThat(report.lastUpdated()).isEqualTo(LocalDate.of(2017, 3, 2));
        assertThat(report.headlineQuestion())
                .isEqualTo("How effective is the force at keeping people safe and reducing crime?");
        assertThat(report.questions()).extracting(Question::judgment).containsExactly(
                Judgment.GOOD, Judgment.GOOD, Judgment.GOOD, Judgment.OUTSTANDING, Judgment.UNGRADED);
        assertThat(report.questions()).extracting(q -> q.areasForImprovement().size()).containsExactly(1, 2, 1, 0, 0);
        assertThat(report.questions().get(1).areaTexts()).containsExactly(
                "The force should ensure that the quality of investigations handed over between units is consistently high.",
                "The force should ensure that it is fully compliant with the Code of Practice for Victims of Crime.");
        assertThat(report.questions().get(2).areaTexts()).containsExactly(
                "The force should ensure that staff understand domestic abuse in its broadest sense, and that it does "
                        + "not necessarily involve physical violence. They should identify and respond to domestic "
                        + "abuse accordingly.");
        assertThat(report.questions().get(4).question()).isEqualTo("How effective are the force\u2019s specialist capabilities?");
    }
}
