package org.peelharvest.publish;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV file of a release: RFC 4180 (CRLF line ends; a field with a comma, quote or line break
 * is quoted and its quotes doubled), UTF-8, one header row, and the {@link CsvStyle}'s byte-order
 * mark and formula guard.
 */
final class CsvTable implements TableRows, Closeable {

    /** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;
    private final CsvStyle style;
    /** Where each row goes as well, its values as given (the workbook's sheet of the table). */
    private final TableRows copy;

    private CsvTable(CSVPrinter printer, CsvStyle style, TableRows copy) {
        this.printer = printer;
        this.style = style;
        this.copy = copy;
    }

    /** This table, each row written to {@code sheet} as well. */
    CsvTable copiedTo(TableRows sheet) {
        return new CsvTable(printer, style, sheet);
    }

    static CsvTable create(Path file, List<String> header, CsvStyle style) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(WriteFailure.create(file), StandardCharsets.UTF_8));
        if (style == CsvStyle.SPREADSHEET) {
            out.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n")
                .get();
        return new CsvTable(new CSVPrinter(out, format), style, values -> { });
    }

    /** One row; text cells are guarded in the spreadsheet style, numbers and empty cells never need it. */
    @Override
    public void row(Object... values) throws IOException {
        printer.printRecord(Arrays.stream(values).map(this::cell).toArray());
        copy.row(values);
    }

    private Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (style == CsvStyle.SPREADSHEET && value instanceof String text && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            // A leading apostrophe makes the cell text; spreadsheets show it without the apostrophe.
            return "'" + text;
        }
        return value;
    }

    /** A cell's value without the spreadsheet style's guard, for checking it as data. */
    static String unguarded(String cell) {
        boolean guarded = cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0;
        return guarded ? cell.substring(1) : cell;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
