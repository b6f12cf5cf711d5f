package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A grade badge run on after a question or a date line is split onto a line of its own; other lines stay whole. */
class BlockNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How effective is the force at keeping people safe? Good         | How effective is the force at keeping people safe? | Good
            How well does the force treat the public? requires improvement | How well does the force treat the public?          | requires improvement
            Last updated: 12/03/2017 Outstanding                           | Last updated: 12/03/2017                           | Outstanding
            LAST UPDATED 1/2/2019 Inadequate                               | LAST UPDATED 1/2/2019                              | Inadequate
            last Updated: 01/11/2016 ungraded                              | last Updated: 01/11/2016                           | ungraded
            """)
    void aGradeRunOnAfterAQuestionOrADateIsALineOfItsOwn(String line, String first, String second) {
        assertThat(texts(BlockNormalizer.normalize(List.of(Block.paragraph(line))))).containsExactly(first, second);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The force is good
            Overall the force is adequate. It is good
            Updated: 12/03/2017 Good
            Is it? Good at keeping people safe
            Why? Good
            """)
    void aLineWithNoQuestionOrDateBeforeItsGradeStaysWhole(String line) {
        assertThat(texts(BlockNormalizer.normalize(List.of(Block.paragraph(line))))).containsExactly(line);
    }

    @org.junit.jupiter.api.Test
    void aListItemKeepsItsGrade() {
        assertThat(texts(BlockNormalizer.normalize(List.of(Block.listItem("How well does the force prevent crime? Good")))))
                .containsExactly("How well does the force prevent crime? Good");
    }

    private static List<String> texts(List<Block> blocks) {
        return blocks.stream().map(Block::text).toList();
    }
}
