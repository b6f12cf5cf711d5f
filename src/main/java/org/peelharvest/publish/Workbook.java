package org.peelharvest.publish;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * {@code peel-reports.xlsx}: every table of a release as a sheet of one workbook, for the reader
 * who opens a spreadsheet (issue 19). The Grades sheet first, then one sheet per CSV table with the
 * same rows, then the About sheet (the release's provenance and every column's description). Cells
 * are typed (numbers, booleans, dates), the header row is frozen and filtered, columns are as wide
 * as their text (up to {@link #WIDEST} characters, room for a SHA-256), and grade cells are coloured as on the summary page.
 *
 * <p>Written by Apache POI's streaming SXSSF: {@link #WINDOW} rows a sheet are held, the rest are on
 * disk, so memory does not grow with the release. POI's work is done on a thread of its own, the
 * rows given to it waiting at most {@link WorkThread#WAITING} at a time. The same input gives the
 * same bytes: fixed document properties and every zip entry dated {@link #ZIP_TIME}.
 */
final class Workbook implements Closeable {

    static final String FILE = "peel-reports.xlsx";
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows a sheet keeps in memory before writing them to its temporary file (POI's default). */
    private static final int WINDOW = 100;
    /** A column's width at most, in characters: a longer text is cut off on screen, never in the cell. */
    private static final int WIDEST = 70;
    /** Excel's limits (1,048,576 rows; 32,767 characters a cell): a row or text beyond is counted, and the About sheet says so. */
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    private static final int LONGEST_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** The date of every zip entry and of the document's properties: the zip format's earliest, so that no run's time is in the file. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final String ABOUT = "About";

    /** Where POI puts the rows a sheet has flushed; set once, for every workbook of this JVM. */
    private static final TempFiles TEMP = new TempFiles();

    static {
        TempFile.setTempFileCreationStrategy(TEMP);
    }

    /**
     * The sheets' tables and the grades' colours, taken here, by the thread that makes a workbook,
     * before the workbook's own thread starts: the project's classes both threads use are set up
     * before it starts. That thread then sets up POI's classes, but for the few this class's own
     * fields name (SpreadsheetVersion, TempFile), which depend on none of the others.
     */
    private static final List<DataPackage.Table> SHEETS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(DataPackage.GRADES_WIDE), DataPackage.TABLES.stream()).toList();
    private static final Map<String, String[]> GRADE_COLOURS = SummaryPage.COLOURS;

    /** The thread the workbook is made on: POI's work goes on beside the CSV files' (issue 18). */
    private final WorkThread thread = new WorkThread("peel-harvest-workbook");
    /** The workbook itself, made, used and closed on {@link #thread} only. */
    private Book book;

    Workbook() throws IOException {
        try {
            thread.submit(() -> book = new Book());
        } catch (IOException | RuntimeException e) {
            try {
                thread.close(); // interrupted before it began: the thread ends with it
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The sheet of {@code table}, to write its rows into: each row is written on the workbook's thread, in order. */
    TableRows sheet(DataPackage.Table table) {
        return values -> {
            Object[] row = values.clone();
            thread.submit(() -> book.sheet(table).row(row));
        };
    }

    /**
     * Finishes every sheet, adds the About sheet, and writes the workbook to {@code file}, on the
     * workbook's thread: returns at once; {@link #awaitWritten} returns once it is written.
     */
    void beginWrite(Path file, About about) throws IOException {
        thread.submit(() -> book.write(file, about));
    }

    /** Returns once what was given to the workbook is done, the file of {@link #beginWrite} written; throws its failure. */
    void awaitWritten() throws IOException {
        thread.await();
    }

    /** Deletes the sheets' temporary files, on the workbook's thread, after what was given to it (or after its failure). */
    @Override
    public void close() throws IOException {
        thread.close(() -> {
            if (book != null) {
                book.close();
            }
        });
    }

    /** The release's provenance, as the About sheet gives it. */
    record About(DataPackage.Provenance provenance, List<String> inputs, Release counts) {
    }

    /**
     * Copies the zip POI wrote, entry by entry in its order, each dated {@link #ZIP_TIME}: POI dates
     * each entry with the time it is written. The entries are copied compressed as they are
     * (commons-compress's raw copy), not inflated and deflated again.
     */
    private static void rezipWithFixedTimes(Path from, Path to) throws IOException {
        long time = ZIP_TIME.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipFile in = ZipFile.builder().setPath(from).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(new BufferedOutputStream(WriteFailure.create(to)))) {
            for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setMethod(entry.getMethod());
                copy.setCrc(entry.getCrc());
                copy.setSize(entry.getSize());
                copy.setCompressedSize(entry.getCompressedSize());
                // The local time of the machine, as the zip format's DOS date holds it: 1980-01-01 00:00 in every zone.
                copy.setTime(time);
                try (InputStream raw = in.getRawInputStream(entry)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
        }
    }

    /** The workbook as POI makes it: used by one thread only. */
    private static final class Book implements Closeable {

        private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        private final Styles styles = new Styles(book);
        private final Map<String, Sheet> sheets = new LinkedHashMap<>();

        Book() {
            for (DataPackage.Table table : SHEETS) {
                sheets.computeIfAbsent(table.name(), name -> new Sheet(table));
            }
        }

        /** The sheet of {@code table}, to write its rows into. */
        Sheet sheet(DataPackage.Table table) {
            return sheets.get(table.name());
        }

        /** Finishes every sheet, adds the About sheet, and writes the workbook to {@code file}. */
        void write(Path file, About about) throws IOException {
            List<String> cut = new ArrayList<>();
            for (Sheet sheet : sheets.values()) {
                sheet.finish().ifPresent(cut::add);
            }
            writeAbout(about, cut);
            setProperties();
            Path unzipped = TEMP.createTempFile("peel-reports", ".xlsx").toPath();
            try {
                try (OutputStream out = Files.newOutputStream(unzipped)) {
                    book.write(out);
                }
                rezipWithFixedTimes(unzipped, file);
            } finally {
                Files.deleteIfExists(unzipped);
            }
        }

        private void writeAbout(About about, List<String> cut) {
            SXSSFSheet sheet = book.createSheet(ABOUT);
            List<Object[]> lines = new ArrayList<>();
            lines.add(new Object[] {"Title", DataPackage.TITLE});
            lines.add(new Object[] {"Description", DataPackage.DESCRIPTION});
            lines.add(new Object[] {"Made by", "peel-harvest " + about.provenance().version()});
            lines.add(new Object[] {"Newest report (last updated)", about.provenance().newestReport()});
            lines.add(new Object[] {"Source", DataPackage.HOMEPAGE});
            lines.add(new Object[] {"Licence", DataPackage.LICENCE + ", " + DataPackage.LICENCE_PATH});
            lines.add(new Object[] {"Inputs", String.join(", ", about.inputs())});
            lines.add(new Object[] {"Documents read", about.counts().documents()});
            lines.add(new Object[] {"Reports published", about.counts().reports()});
            lines.add(new Object[] {"Documents not published", about.counts().rejects()});
            lines.add(new Object[] {"The run", "run.json, beside this workbook, names the run, its date, its settings and "
                    + "every document read with its SHA-256; datapackage.json describes every file"});
            cut.forEach(line -> lines.add(new Object[] {"Left out", line}));
            lines.add(new Object[] {});
            lines.add(new Object[] {"Sheet", "Column", "Type", "Required", "Description"});
            for (Sheet each : sheets.values()) {
                DataPackage.Table table = each.table;
                lines.add(new Object[] {table.title(), "", "table", "", table.description()});
                for (DataPackage.Field field : table.fields()) {
                    lines.add(new Object[] {table.title(), field.name(), field.type(), field.required(), field.description()});
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(i);
                Object[] values = lines.get(i);
                for (int c = 0; c < values.length; c++) {
                    boolean heading = c == 0 || values.length == 5 && "Sheet".equals(values[0]);
                    styles.set(row.createCell(c), values[c], values[c] instanceof LocalDate ? styles.date
                            : heading ? styles.header : null);
                }
            }
            int[] widths = {24, 24, 10, 10, 100};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
        }

        private void setProperties() {
            var core = book.getXSSFWorkbook().getProperties().getCoreProperties();
            Date fixed = Date.from(ZIP_TIME.toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("peel-harvest");
            core.setTitle(DataPackage.TITLE);
            core.setDescription(DataPackage.DESCRIPTION);
        }

        /**
         * Deletes the sheets' temporary files. The rows still held are flushed first: POI 5.5.1 closing
         * a workbook never written (a publish that failed) flushes them into a closed file, and logs
         * each sheet's failure with its stack trace.
         */
        @Override
        public void close() throws IOException {
            try (book) {
                for (Sheet sheet : sheets.values()) {
                    sheet.sheet.flushRows();
                }
            } finally {
                TEMP.removeIfEmpty();
            }
        }

        /** One table's sheet: a header row, then its rows as they are written; widths and filter when finished. */
        private final class Sheet implements TableRows {

            private final DataPackage.Table table;
            private final SXSSFSheet sheet;
            private final int[] widths;
            private int last;
            private long rowsLeftOut;
            private long textsCut;

            Sheet(DataPackage.Table table) {
                this.table = table;
                this.sheet = book.createSheet(table.title());
                this.widths = new int[table.fields().size()];
                Row header = sheet.createRow(0);
                for (int c = 0; c < widths.length; c++) {
                    styles.set(header.createCell(c), table.fields().get(c).name(), styles.header);
                    widths[c] = table.fields().get(c).name().length() + 3; // room for the filter's button
                }
                sheet.createFreezePane(0, 1);
            }

            @Override
            public void row(Object... values) {
                if (last == LAST_ROW) {
                    rowsLeftOut++;
                    return;
                }
                Row row = sheet.createRow(++last);
                for (int c = 0; c < values.length; c++) {
                    Object value = typed(table.fields().get(c), values[c]);
                    if (value == null) {
                        continue;
                    }
                    if (value instanceof String text && text.length() > LONGEST_TEXT) {
                        value = text.substring(0, LONGEST_TEXT);
                        textsCut++;
                    }
                    styles.set(row.createCell(c), value, styles.of(table.fields().get(c), value));
                    widths[c] = Math.max(widths[c], Math.min(WIDEST, String.valueOf(value).length() + 1));
                }
            }

            /** The value as its cell holds it: a date column's text as a date; nothing for an empty value. */
            private static Object typed(DataPackage.Field field, Object value) {
                if (value == null || "".equals(value)) {
                    return null;
                }
                if ("date".equals(field.type()) && value instanceof String text) {
                    return LocalDate.parse(text);
                }
                return value;
            }

            /** Sets the widths and the filter; says what was left out, if anything. */
            Optional<String> finish() {
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, widths[c] * 256);
                }
                sheet.setAutoFilter(new CellRangeAddress(0, last, 0, widths.length - 1));
                if (rowsLeftOut == 0 && textsCut == 0) {
                    return Optional.empty();
                }
                return Optional.of(table.title() + ": " + rowsLeftOut + " rows beyond Excel's last row and " + textsCut
                        + " texts beyond its 32,767 characters a cell are left out; " + table.file() + " holds them whole");
            }
        }
    }

    /**
     * POI's temporary files in a folder of their own under the system's temporary folder, removed
     * when the last is deleted: POI's default strategy leaves its {@code poifiles} folder behind.
     */
    private static final class TempFiles implements TempFileCreationStrategy {

        private Path folder;

        @Override
        public synchronized File createTempFile(String prefix, String suffix) throws IOException {
            return Files.createTempFile(folder(), prefix, suffix).toFile();
        }

        @Override
        public synchronized File createTempDirectory(String prefix) throws IOException {
            return Files.createTempDirectory(folder(), prefix).toFile();
        }

        private Path folder() throws IOException {
            if (folder == null || !Files.isDirectory(folder)) {
                folder = Files.createTempDirectory("peel-harvest-workbook");
            }
            return folder;
        }

        /** Removes the folder unless another workbook still has files in it. */
        synchronized void removeIfEmpty() throws IOException {
            try {
                if (folder != null && Files.deleteIfExists(folder)) {
                    folder = null;
                }
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // Another workbook being written: the last one to close removes it.
            }
        }
    }

    /** The workbook's few cell styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {

        private final CellStyle header;
        private final CellStyle date;
        private final Map<String, CellStyle> grades = new HashMap<>();

        Styles(SXSSFWorkbook book) {
            header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            GRADE_COLOURS.forEach((grade, colours) -> {
                XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
                style.setFillForegroundColor(new XSSFColor(rgb(colours[0])));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                XSSFFont font = (XSSFFont) book.createFont();
                font.setColor(new XSSFColor(rgb(colours[1])));
                style.setFont(font);
                grades.put(grade, style);
            });
        }

        /** A date's style, a grade's colours in a column of grades, else none. */
        CellStyle of(DataPackage.Field field, Object value) {
            if (value instanceof LocalDate) {
                return date;
            }
            return field.values().equals(DataPackage.JUDGMENTS) ? grades.get(value) : null;
        }

        void set(org.apache.poi.ss.usermodel.Cell cell, Object value, CellStyle style) {
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        private static byte[] rgb(String hex) {
            int value = Integer.parseInt(hex.substring(1), 16);
            return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
        }
    }
}
