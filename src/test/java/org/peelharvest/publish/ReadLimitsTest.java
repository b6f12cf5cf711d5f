package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * A CSV field or row, or a line, past its limit is told by line and never held (issue 17); what
 * is within the limits reads as it did: quoted commas, line breaks and doubled quotes, CRLF.
 */
class ReadLimitsTest {

    @Test
    void quotedCommasLineBreaksAndQuotesAreOneFieldEach() throws IOException {
        String csv = "id,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2," + "y".repeat(ReadLimits.MAX_FIELD_CHARS) + "\r\n";

        List<List<String>> rows = rows(csv);

        assertThat(rows).containsExactly(List.of("1", "a, \"b\"\r\nc"), List.of("2", "y".repeat(ReadLimits.MAX_FIELD_CHARS)));
    }

    @Test
    void aFieldOneCharacterPastItsLimitIsToldByTheLineItStartsOn() {
        String csv = "id,text\r\n1,ok\r\n2,\"line\n" + "z".repeat(ReadLimits.MAX_FIELD_CHARS) + "\"\r\n";

        assertThatThrownBy(() -> rows(csv)).hasRootCauseInstanceOf(ReadLimits.TooLong.class)
                .rootCause().hasMessage("t.csv: line 3: a field longer than the limit of 1,048,576 characters; "
                        + "the rest of the file is not read");
    }

    @Test
    void aRowOfManyFieldsWithinTheirLimitIsBoundByTheRowLimit() {
        String field = "w".repeat(ReadLimits.MAX_FIELD_CHARS);
        String csv = "a,b,c,d,e\r\n" + String.join(",", field, field, field, field, field) + "\r\n";

        assertThatThrownBy(() -> rows(csv)).rootCause()
                .hasMessage("t.csv: line 2: a row longer than the limit of 4,194,304 characters; the rest of the file is not read");
    }

    @Test
    void aLinePastItsLimitIsSkippedAndTheNextIsRead() throws IOException {
        String text = "one\r\n" + "x".repeat(11) + "\nthree\n" + "y".repeat(10);

        List<ReadLimits.Line> lines = new ArrayList<>();
        try (ReadLimits.Lines read = new ReadLimits.Lines(new StringReader(text), 10)) {
            for (ReadLimits.Line line = read.next(); line != null; line = read.next()) {
                lines.add(line);
            }
        }

        assertThat(lines).containsExactly(new ReadLimits.Line(1, "one"), new ReadLimits.Line(2, null),
                new ReadLimits.Line(3, "three"), new ReadLimits.Line(4, "y".repeat(10)));
    }

    private static List<List<String>> rows(String csv) throws IOException {
        try (Reader reader = new ReadLimits.CsvReader(new StringReader(csv), "t.csv");
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                rows.add(row.toList());
            }
            return rows;
        }
    }
}
