package org.peelharvest.publish;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the CSV files are written. Both are RFC 4180 with CRLF line ends and UTF-8.
 * {@code spreadsheet} (the default) starts each file with a byte-order mark, so Excel reads
 * accents and curly quotes as UTF-8, and guards every cell that a spreadsheet would run as a
 * formula; {@code plain} writes the values exactly, for pipelines and data tools.
 */
public enum CsvStyle {
    SPREADSHEET, PLAIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CsvStyle> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label.strip())).findFirst();
    }
}
