package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The warning codes are one closed list: the enum's labels, in their order, are the list in docs/operations.md
 * of {@code warnings.csv}'s codes and the rows of its table of codes (the data package's enum is
 * made from the enum itself).
 */
class WarningCodeTest {

    private static final List<String> CODES = Arrays.stream(Warning.Code.values()).map(Warning.Code::label).toList();

    @Test
    void theCodesAreTheListInOperationsInOrder() throws IOException {
        String row = readme().stream().filter(l -> l.startsWith("| `code` | what is missing, as a code")).findFirst()
                .orElseThrow();
        List<String> listed = new ArrayList<>();
        Matcher code = Pattern.compile("`([a-z-]+)`").matcher(row.substring(row.lastIndexOf("| `") ));
        while (code.find()) {
            listed.add(code.group(1));
        }

        assertThat(listed).containsExactlyElementsOf(CODES);
    }

    @Test
    void eachCodeHasARowInTheTableOfCodes() throws IOException {
        List<String> rows = readme().stream().filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3)))
                .toList();

        assertThat(rows).containsAll(CODES);
    }

    private static List<String> readme() throws IOException {
        return Files.readAllLines(Path.of("docs/operations.md"));
    }
}
