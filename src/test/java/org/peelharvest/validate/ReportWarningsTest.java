package org.peelharvest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/** What a published report lacks is recorded, from the report alone; the cases are in cases/report-warnings.csv. */
class ReportWarningsTest {

    private final ReportWarnings warnings = new ReportWarnings();

    @ParameterizedTest(name = "{0} {1}, questions [{2}], judgment {3}, updated {4} -> [{5}]")
    @CsvFileSource(resources = "/cases/report-warnings.csv", numLinesToSkip = 1, delimiter = '|')
    void aReportIsWarnedAboutExactlyWhatItLacks(String cycle, String pillar, String questions, String judgment,
                                                String lastUpdated, String expected) {
        Report report = TestReports.report(cycle, Pillar.fromName(pillar).orElseThrow(), source(judgment),
                questions(questions), lastUpdated == null ? null : LocalDate.parse(lastUpdated));

        List<Warning> found = warnings.of(report);

        assertThat(found).extracting(w -> w.code().label())
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(" ")));
        assertThat(found).allSatisfy(w -> {
            assertThat(w.reportId()).isEqualTo(report.reportId());
            assertThat(w.sourceUrl()).isEqualTo(TestReports.URL);
        });
    }

    @Test
    void aShortCountNamesBothCounts() {
        Report report = TestReports.report("2017", Pillar.EFFECTIVENESS, JudgmentSource.BADGE, TestReports.questions(3),
                LocalDate.of(2018, 3, 22));

        assertThat(warnings.of(report)).singleElement().satisfies(w -> assertThat(w.detail())
                .isEqualTo("found 3 of the 5 questions that 2017 effectiveness reports have"));
    }

    @Test
    void gradesReadFromProseAreNamedOneWarningForTheWholeReport() {
        Report report = TestReports.report("2015", Pillar.EFFECTIVENESS, JudgmentSource.SUMMARY,
                TestReports.questions(Arrays.asList(JudgmentSource.SUMMARY, JudgmentSource.BADGE, JudgmentSource.SUMMARY,
                        JudgmentSource.BADGE)), LocalDate.of(2016, 2, 18));

        assertThat(warnings.of(report)).singleElement().satisfies(w -> assertThat(w.detail())
                .isEqualTo("the report's judgment and questions 1, 3: grade read from a sentence, not a grade line"));
    }

    private static JudgmentSource source(String label) {
        return label == null ? null : JudgmentSource.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    /** "b s -": one question a letter, graded from its grade line, from a sentence, or not at all; "none": none. */
    private static List<Question> questions(String letters) {
        if (letters.equals("none")) {
            return List.of();
        }
        return TestReports.questions(Arrays.stream(letters.split(" ")).map(letter -> switch (letter) {
            case "b" -> JudgmentSource.BADGE;
            case "s" -> JudgmentSource.SUMMARY;
            case "-" -> (JudgmentSource) null;
            default -> throw new IllegalArgumentException("b, s or -, not " + letter);
        }).toList());
    }
}
