package org.peelharvest.publish;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code peel-reports.xlsx}: every table of a release as a sheet of one workbook, for the reader
 * who opens a spreadsheet (issue 19). The Grades sheet first, then one sheet per CSV table with the
 * same rows, then the About sheet (the release's provenance and every column's description). Cells
 * are typed (numbers, booleans, dates), the header row is frozen and filtered, columns are as wide
 * as their text (up to {@link #WIDEST} characters, room for a SHA-256), and grade cells are coloured
 * as on the summary page.
 *
 * <p>Written by fastexcel, a streaming writer that sets up in milliseconds (Apache POI's set-up took
 * a quarter of a second of every publish; issue 18). fastexcel writes one sheet at a time, and a
 * sheet's column widths before its rows; a release gives its tables' rows interleaved, and a
 * column's width is known only at its last row. So each sheet's rows go to a temporary file of
 * their own as they come, and are written from it when the workbook is, {@link #WINDOW} rows in
 * memory at a time. Besides those rows a sheet holds a few bytes for each row written (fastexcel
 * keeps a slot a row until the sheet is finished: some 8 MB at Excel's last row). Text cells are
 * inline strings, so no table of every text is held either.
 *
 * <p>The work is done on a thread of its own, the rows given to it waiting at most {@link
 * WorkThread#WAITING} at a time. The same input gives the same bytes: fixed document properties
 * and every zip entry dated {@link #ZIP_TIME}.
 */
final class Workbook implements Closeable {

    static final String FILE = "peel-reports.xlsx";
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows a sheet holds in memory while it is written before they go to the file. */
    private static final int WINDOW = 100;
    /** A column's width at most, in characters: a longer text is cut off on screen, never in the cell. */
    private static final int WIDEST = 70;
    /** Excel's limits (1,048,576 rows; 32,767 characters a cell): a row or text beyond is counted, and the About sheet says so. */
    private static final int LAST_ROW = Worksheet.MAX_ROWS - 1;
    private static final int LONGEST_TEXT = 32_767;
    /** The date of every zip entry and of the document's properties: the zip format's earliest, so that no run's time is in the file. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** The creation time fastexcel writes into the document's properties (the time of writing), replaced by {@link #ZIP_TIME}. */
    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");
    private static final String CORE_PROPERTIES = "docProps/core.xml";
    private static final List<String> PACKAGE_PARTS_FIRST = List.of("[Content_Types].xml", "_rels/.rels");
    /**
     * An underscore that starts what reads as an escaped character in a spreadsheet file
     * ({@code _x0041_} is "A" to Excel): escaped in turn, so the cell shows the text as it is. A
     * lookahead, so that in {@code _x0041_x0042_} the underscore that ends one and starts the next
     * is escaped too.
     */
    private static final Pattern LOOKS_ESCAPED = Pattern.compile("_(?=x[0-9A-Fa-f]{4}_)");
    private static final String ABOUT = "About";

    /** Where the workbook's temporary files go, for every workbook of this JVM. */
    private static final TempFiles TEMP = new TempFiles();

    /**
     * The sheets' tables and the grades' colours, taken here, by the thread that makes a workbook,
     * before the workbook's own thread starts: the project's classes both threads use are set up
     * before it starts.
     */
    private static final List<DataPackage.Table> SHEETS = Stream.concat(
            Stream.of(DataPackage.GRADES_WIDE), DataPackage.TABLES.stream()).toList();
    private static final Map<String, String[]> GRADE_COLOURS = SummaryPage.COLOURS;

    /** The thread the workbook is made on: its work goes on beside the CSV files' (issue 18). */
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
     * Copies the zip fastexcel wrote, entry by entry, each dated {@link #ZIP_TIME}:
     * fastexcel dates each entry, and the document's creation, with the time it is written. The
     * entries are copied compressed as they are (commons-compress's raw copy), not inflated and
     * deflated again, but for the document's properties, whose creation time is replaced. The
     * package's parts list and relationships come first, as office suites write them and as a reader
     * that streams the file, or sniffs its type, looks for them; the rest in fastexcel's order.
     */
    private static void rezipWithFixedTimes(Path from, Path to) throws IOException {
        long time = ZIP_TIME.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipFile in = ZipFile.builder().setPath(from).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(new BufferedOutputStream(WriteFailure.create(to)))) {
            List<ZipArchiveEntry> entries = new ArrayList<>(java.util.Collections.list(in.getEntriesInPhysicalOrder()));
            entries.sort(java.util.Comparator.comparingInt(entry -> placeOf(entry.getName())));
            for (ZipArchiveEntry entry : entries) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                // The local time of the machine, as the zip format's DOS date holds it: 1980-01-01 00:00 in every zone.
                copy.setTime(time);
                if (entry.getName().equals(CORE_PROPERTIES)) {
                    byte[] properties;
                    try (InputStream xml = in.getInputStream(entry)) {
                        properties = createdAtZipTime(new String(xml.readAllBytes(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    copy.setMethod(ZipArchiveEntry.DEFLATED);
                    out.putArchiveEntry(copy);
                    out.write(properties);
                    out.closeArchiveEntry();
                    continue;
                }
                copy.setMethod(entry.getMethod());
                copy.setCrc(entry.getCrc());
                copy.setSize(entry.getSize());
                copy.setCompressedSize(entry.getCompressedSize());
                try (InputStream raw = in.getRawInputStream(entry)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
        }
    }

    /** An entry's place in the copy: the package parts' own, then every other entry's, equal (the sort keeps their order). */
    private static int placeOf(String entry) {
        int place = PACKAGE_PARTS_FIRST.indexOf(entry);
        return place < 0 ? PACKAGE_PARTS_FIRST.size() : place;
    }

    /** The document's properties with {@link #ZIP_TIME} as their creation time. */
    static String createdAtZipTime(String properties) {
        Matcher created = CREATED.matcher(properties);
        if (!created.find()) {
            // A later fastexcel writing its properties otherwise: better to fail the build's tests than to publish a run's time.
            throw new IllegalStateException("the workbook's properties give no creation time to fix: " + properties);
        }
        return created.replaceFirst("$1" + ZIP_TIME + ":00Z$2");
    }

    /** The workbook: its sheets' rows as they come, then the file; used by one thread only. */
    private static final class Book implements Closeable {

        private final Map<String, Sheet> sheets = new LinkedHashMap<>();

        Book() throws IOException {
            try {
                for (DataPackage.Table table : SHEETS) {
                    if (!sheets.containsKey(table.name())) { // the Grades sheet's table is among the tables too
                        sheets.put(table.name(), new Sheet(table));
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** The sheet of {@code table}, to write its rows into. */
        Sheet sheet(DataPackage.Table table) {
            return sheets.get(table.name());
        }

        /** Writes every sheet, then the About sheet, to {@code file}. */
        void write(Path file, About about) throws IOException {
            Path unzipped = TEMP.createTempFile("peel-reports", ".xlsx");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(unzipped))) {
                    org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "peel-harvest", null);
                    book.properties().setTitle(DataPackage.TITLE).setDescription(DataPackage.DESCRIPTION);
                    List<String> cut = new ArrayList<>();
                    for (Sheet sheet : sheets.values()) {
                        sheet.writeTo(book).ifPresent(cut::add);
                    }
                    writeAbout(book.newWorksheet(ABOUT), about, cut);
                    book.finish();
                }
                rezipWithFixedTimes(unzipped, file);
            } finally {
                Files.deleteIfExists(unzipped);
            }
        }

        private void writeAbout(Worksheet sheet, About about, List<String> cut) throws IOException {
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
            int[] widths = {24, 24, 10, 10, 100};
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, widths[c]);
            }
            for (int r = 0; r < lines.size(); r++) {
                Object[] values = lines.get(r);
                for (int c = 0; c < values.length; c++) {
                    boolean heading = c == 0 || values.length == 5 && "Sheet".equals(values[0]);
                    Object value = "".equals(values[c]) ? null : values[c];
                    Cells.set(sheet, r, c, value, value instanceof LocalDate ? Cells.Style.DATE : heading ? Cells.Style.HEADER : null);
                }
            }
            sheet.finish();
        }

        /** Deletes the sheets' temporary files. */
        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (Sheet sheet : sheets.values()) {
                try {
                    sheet.delete();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            TEMP.removeIfEmpty();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * One table's sheet: its rows kept in a temporary file of their own as they come, each cell's
     * value typed (the file's own short form, read back only by {@link #writeTo}); its header,
     * widths, frozen header row and filter added when it is written.
     */
    private static final class Sheet implements TableRows {

        /** The kinds of value a cell holds in the rows' file. */
        private static final byte NONE = 0;
        private static final byte TEXT = 1;
        private static final byte BOOLEAN = 2;
        private static final byte WHOLE = 3;
        private static final byte NUMBER = 4;
        private static final byte DATE = 5;

        private final DataPackage.Table table;
        private final Path rows;
        private final DataOutputStream out;
        private final int[] widths;
        private int last;
        private long rowsLeftOut;
        private long textsCut;

        Sheet(DataPackage.Table table) throws IOException {
            this.table = table;
            this.rows = TEMP.createTempFile("peel-reports-sheet", ".rows");
            try {
                this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rows)));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(rows);
                throw e;
            }
            this.widths = new int[table.fields().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = table.fields().get(c).name().length() + 3; // room for the filter's button
            }
        }

        @Override
        public void row(Object... values) throws IOException {
            if (values.length != widths.length) {
                throw new IllegalArgumentException(table.title() + ": a row of " + values.length + " values where the table has "
                        + widths.length + " columns");
            }
            if (last == LAST_ROW) {
                rowsLeftOut++;
                return;
            }
            last++;
            for (int c = 0; c < widths.length; c++) {
                Object value = typed(table.fields().get(c), values[c]);
                if (value instanceof String text && text.length() > LONGEST_TEXT) {
                    // Never half a character: a pair of surrogates cut at the limit is left out whole.
                    int end = Character.isHighSurrogate(text.charAt(LONGEST_TEXT - 1)) ? LONGEST_TEXT - 1 : LONGEST_TEXT;
                    value = text.substring(0, end);
                    textsCut++;
                }
                write(value);
                if (value != null) {
                    widths[c] = Math.max(widths[c], Math.min(WIDEST, String.valueOf(value).length() + 1));
                }
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

        private void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NONE);
            } else if (value instanceof Boolean bool) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(bool);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                out.writeByte(WHOLE);
                out.writeLong(((Number) value).longValue());
            } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                out.writeByte(NUMBER);
                out.writeDouble(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                out.writeByte(DATE);
                out.writeLong(date.toEpochDay());
            } else {
                // A text, or a number no cell can hold (NaN, an infinity, one past a double's range): as its CSV cell shows it.
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeInt(text.length);
                out.write(text);
            }
        }

        private Object read(DataInputStream in) throws IOException {
            byte kind = in.readByte();
            return switch (kind) {
                case NONE -> null;
                case BOOLEAN -> in.readBoolean();
                case WHOLE -> in.readLong();
                case NUMBER -> in.readDouble();
                case DATE -> LocalDate.ofEpochDay(in.readLong());
                case TEXT -> new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                default -> throw new IOException("the workbook's temporary file " + rows + " is damaged: a cell of kind " + kind);
            };
        }

        /** Writes the sheet into {@code book}: its header, its rows, widths and filter; says what was left out, if anything. */
        Optional<String> writeTo(org.dhatim.fastexcel.Workbook book) throws IOException {
            out.close();
            Worksheet sheet = book.newWorksheet(table.title());
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, widths[c]);
                Cells.set(sheet, 0, c, table.fields().get(c).name(), Cells.Style.HEADER);
            }
            sheet.freezePane(0, 1);
            sheet.setAutoFilter(0, 0, last, widths.length - 1);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rows)))) {
                for (int r = 1; r <= last; r++) {
                    for (int c = 0; c < widths.length; c++) {
                        Object value = read(in);
                        Cells.set(sheet, r, c, value, Cells.of(table.fields().get(c), value));
                    }
                    if (r % WINDOW == 0) {
                        sheet.flush();
                    }
                }
                if (in.read() != -1) {
                    throw new IOException("the workbook's temporary file " + rows + " holds more rows than were written to it");
                }
            } catch (EOFException e) {
                throw new IOException("the workbook's temporary file " + rows + " ends before its last row", e);
            }
            sheet.finish();
            if (rowsLeftOut == 0 && textsCut == 0) {
                return Optional.empty();
            }
            return Optional.of(table.title() + ": " + rowsLeftOut + " rows beyond Excel's last row and " + textsCut
                    + " texts beyond its 32,767 characters a cell are left out; " + table.file() + " holds them whole");
        }

        void delete() throws IOException {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(rows);
            }
        }
    }

    /**
     * The workbook's temporary files (each sheet's rows, the zip before it is re-dated) in a folder
     * of their own under the system's temporary folder, removed when the last workbook closes.
     */
    private static final class TempFiles {

        private Path folder;

        synchronized Path createTempFile(String prefix, String suffix) throws IOException {
            return Files.createTempFile(folder(), prefix, suffix);
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

    /** How a value goes into a cell: its type, and its style (bold header, date format, a grade's colours). */
    private static final class Cells {

        /** The styles a cell may have. */
        enum Style { HEADER, DATE, GRADE }

        private Cells() {
        }

        /** A date's style, a grade's colours in a column of grades, else none. */
        static Style of(DataPackage.Field field, Object value) {
            if (value instanceof LocalDate) {
                return Style.DATE;
            }
            return field.values().equals(DataPackage.JUDGMENTS) && GRADE_COLOURS.containsKey(value) ? Style.GRADE : null;
        }

        static void set(Worksheet sheet, int r, int c, Object value, Style style) {
            if (value instanceof Number number) {
                sheet.value(r, c, number);
            } else if (value instanceof Boolean bool) {
                sheet.value(r, c, bool);
            } else if (value instanceof LocalDate day) {
                sheet.value(r, c, day);
            } else if (value != null) {
                sheet.inlineString(r, c, text(value.toString()));
            }
            if (style == Style.HEADER) {
                sheet.style(r, c).bold().set();
            } else if (style == Style.DATE) {
                sheet.style(r, c).format("yyyy-mm-dd").set();
            } else if (style == Style.GRADE) {
                String[] colours = GRADE_COLOURS.get(value);
                sheet.style(r, c).fillColor(argb(colours[0])).fontColor(argb(colours[1])).set();
            }
        }

        /** The text as a cell shows it as it is: an underscore that would start an escaped character escaped. */
        private static String text(String text) {
            return text.contains("_x") ? LOOKS_ESCAPED.matcher(text).replaceAll("_x005F_") : text;
        }

        /** {@code #1B7837} as the file's colours are written: alpha, red, green, blue. */
        private static String argb(String hex) {
            return "FF" + hex.substring(1).toUpperCase(java.util.Locale.ROOT);
        }
    }
}
