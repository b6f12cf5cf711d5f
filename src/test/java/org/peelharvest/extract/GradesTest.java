package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;

/** Grade lines, badges and prose sentences, from the case tables under src/test/resources/cases. */
class GradesTest {

    @ParameterizedTest(name = "line \"{0}\" -> {1}")
    @CsvFileSource(resources = "/cases/grade-lines.csv", numLinesToSkip = 1)
    void aLineThatIsOnlyAGradeIsReadAsThatGrade(String line, String expected) {
        assertThat(Grades.fromLine(line).map(Judgment::label).orElse("")).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "class \"{0}\" -> {1}")
    @CsvFileSource(resources = "/cases/grade-classes.csv", numLinesToSkip = 1)
    void aClassNameNextToAMarkerWordCarriesAGrade(String classNames, String expected) {
        assertThat(Grades.fromClassNames(classNames).map(Judgment::label).orElse(""))
                .isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/cases/prose-grades.csv", numLinesToSkip = 1, delimiter = '|')
    void aPresentTenseSentenceAboutTheQuestionStatesItsGrade(String sentence, String question, String expected) {
        var force = Forces.bySlug("derbyshire").orElseThrow();
        assertThat(ProseGrades.stated(sentence, question, force).map(Judgment::label).orElse(""))
                .isEqualTo(expected == null ? "" : expected);
    }
}
