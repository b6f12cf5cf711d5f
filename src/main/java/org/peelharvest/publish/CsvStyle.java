package org.peelharvest.publish;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the CSV files are written. Both are RFC 4180 with CRLF line ends and UTF-8.
 * {@code plain} (the default) writes the values exactly, which every data tool reads, the
 * Frictionless reference library included (issue 19: it keeps a byte-order mark in the first
 * column's name); a spreadsheet user opens the release's workbook, {@code peel-reports.xlsx}.
 * {@code spreadsheet} is kept for those who open the CSV files themselves in Excel: it starts each
 * file with a byte-order mark, so Excel reads accents and curly quotes as UTF-8, and guards every
 * cell that a spreadsheet would run as a formula.
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
