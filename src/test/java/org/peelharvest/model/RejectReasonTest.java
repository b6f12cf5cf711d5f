package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The reject reasons are one closed list: the enum's codes are exactly the list in docs/operations.md of {@code rejects.csv}. */
class RejectReasonTest {

    @Test
    void theCodesAreTheReadmesList() throws IOException {
        String row = Files.readAllLines(Path.of("docs/operations.md")).stream().filter(l -> l.startsWith("| `reason` | why, as a code |"))
                .findFirst().orElseThrow();
        // The codes are the backquoted words that open each item: "`unreadable` (a file …), `too-large` (…)".
        List<String> listed = new java.util.ArrayList<>();
        Matcher code = Pattern.compile("(?:^ |, |and )`([a-z-]+)`").matcher(row.substring("| `reason` | why, as a code |".length()));
        while (code.find()) {
            listed.add(code.group(1));
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RejectReason.values()).map(RejectReason::code).toList());
    }

    @Test
    void aCodeReadsBackAsItsReasonAndTheSitesOwnPagesAreMarked() {
        assertThat(RejectReason.ofCode("year-index")).isEqualTo(RejectReason.YEAR_INDEX);
        assertThat(Arrays.stream(RejectReason.values()).filter(RejectReason::sitePage))
                .containsExactlyInAnyOrder(RejectReason.FORCE_OVERVIEW, RejectReason.YEAR_INDEX);
    }
}
