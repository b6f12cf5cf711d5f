package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format told from the first bytes: PDF's header, HTML's marks in any case, within their windows. */
class FormatsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            %PDF-1.7 and the rest        | PDF
            <!DOCTYPE HTML><p>x          | HTML
            <HtMl lang="en">             | HTML
            text then <BODY>             | HTML
            <H1>Derbyshire</H1>          | HTML
            <P>a paragraph               | HTML
            %pdf-1.7 in lower case       | NONE
            <htm and no more             | NONE
            plain text, no mark          | NONE
            """)
    void theMarksAreFoundInTheFirstBytes(String head, String format) {
        assertThat(Formats.sniff(head.getBytes(StandardCharsets.UTF_8)).map(Enum::name).orElse("NONE")).isEqualTo(format);
    }

    @Test
    void aMarkPastItsWindowIsNotRead() {
        assertThat(Formats.sniff(("x".repeat(1020) + "%PDF-1.7").getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Formats.sniff(("x".repeat(1019) + "%PDF-1.7").getBytes(StandardCharsets.US_ASCII))).contains(SourceFormat.PDF);
        assertThat(Formats.sniff(("x".repeat(4092) + "<html>").getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Formats.sniff(("x".repeat(4091) + "<html>").getBytes(StandardCharsets.US_ASCII))).contains(SourceFormat.HTML);
    }

    /** Random heads of marks, their pieces, capitals and bytes past ASCII: as the string-made sniff read them. */
    @Test
    void itReadsWhatTheSniffOfAStringMadeOfTheBytesRead() {
        Random random = new Random(18);
        String[] pieces = {"%PDF-", "%pdf-", "<!doctype html", "<!DOCTYPE html", "<HTML", "<html", "<Body", "<head", "<H1",
            "<p>", "<P>", "<htm", "<p", "\u00c0", "\u00dc", "\u00ff", "x", " ", "\n"};
        for (int sample = 0; sample < 5000; sample++) {
            StringBuilder head = new StringBuilder();
            int length = random.nextInt(5000);
            while (head.length() < length) {
                head.append(random.nextInt(4) == 0 ? pieces[random.nextInt(pieces.length)] : "y".repeat(random.nextInt(400)));
            }
            byte[] bytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Formats.sniff(bytes)).as("sample %d", sample).isEqualTo(byStrings(bytes));
        }
    }

    /** The sniff as it was written first: the bytes as ISO-8859-1 text, lower-cased, searched. */
    private static Optional<SourceFormat> byStrings(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.substring(0, Math.min(head.length(), 1024)).contains("%PDF-")) {
            return Optional.of(SourceFormat.PDF);
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype html") || lower.contains("<html") || lower.contains("<body")
                || lower.contains("<head") || lower.contains("<h1") || lower.contains("<p>")) {
            return Optional.of(SourceFormat.HTML);
        }
        return Optional.empty();
    }
}
