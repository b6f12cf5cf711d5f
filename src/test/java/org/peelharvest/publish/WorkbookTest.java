package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.testing.Programs;

/**
 * The release's workbook, peel-reports.xlsx (issue 19), made from every fixture document (each
 * report from all its documents, so conflicts.csv has rows) and read back: by LibreOffice Calc,
 * an independent reader, converting every sheet back to CSV to be compared with its CSV file cell by
 * cell; by POI's reader for what a CSV cannot show (cell types, frozen header, filter, colours);
 * and byte by byte against a second publish of the same input by another run.
 */
class WorkbookTest {

    @TempDir
    static Path temp;

    private static Path release;
    private static Path again;

    @BeforeAll
    static void publishTheFixturesTwice() throws IOException {
        List<List<Report>> reports = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        extractFixtures(reports, rejects);
        release = temp.resolve("release");
        new DatasetPublisher().publish(release, reports, rejects,
                new RunInfo("0.1.0", "fixtures", 1, 1, Instant.parse("2026-11-25T09:00:00Z"), null));
        again = temp.resolve("again");
        new DatasetPublisher().publish(again, reports, rejects,
                new RunInfo("0.1.0", "fixtures", 2, 2, Instant.parse("2026-12-01T17:30:00Z"), null));
    }

    @Test
    void everySheetConvertedBackToCsvByLibreOfficeEqualsItsCsvCellByCell() throws Exception {
        Map<String, Path> sheets = convertEverySheetWithLibreOffice();

        assertThat(sheets.keySet()).containsExactly("Grades", "Reports", "Questions", "Areas for improvement",
                "Causes of concern", "Recommendations", "Conflicts", "Warnings", "Rejected documents", "Forces", "About");
        int cells = 0;
        for (DataPackage.Table table : DataPackage.TABLES) {
            List<CSVRecord> csv = read(release.resolve(table.file()));
            List<CSVRecord> sheet = read(sheets.get(table.title()));
            assertThat(sheet).as(table.title() + " has the rows of " + table.file()).hasSameSizeAs(csv);
            for (int r = 0; r < csv.size(); r++) {
                for (int c = 0; c < table.fields().size(); c++) {
                    String expected = csv.get(r).get(c);
                    String shown = c < sheet.get(r).size() ? sheet.get(r).get(c) : "";
                    if (r > 0 && table.fields().get(c).type().equals("boolean")) {
                        // Calc writes a boolean cell as TRUE or FALSE, as it shows one.
                        shown = shown.toLowerCase(java.util.Locale.ROOT);
                    }
                    assertThat(shown).as(table.title() + " row " + (r + 1) + " column " + table.fields().get(c).name())
                            .isEqualTo(expected);
                    cells++;
                }
            }
        }
        assertThat(cells).isGreaterThan(2000);
        assertThat(read(release.resolve("conflicts.csv"))).hasSizeGreaterThan(1);
        assertThat(read(release.resolve("recommendations.csv"))).hasSizeGreaterThan(1);
    }

    @Test
    void theSameInputGivesTheSameBytesWhateverTheRunAndItsTime() throws IOException {
        byte[] first = Files.readAllBytes(release.resolve(Workbook.FILE));
        byte[] second = Files.readAllBytes(again.resolve(Workbook.FILE));

        assertThat(second).isEqualTo(first);
        try (ZipFile zip = new ZipFile(release.resolve(Workbook.FILE).toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName).startsWith("[Content_Types].xml",
                    "_rels/.rels");
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
            }
            assertThat(text(zip, "docProps/core.xml")).contains("1980-01-01T00:00:00Z").doesNotContain("2026-");
        }
    }

    @Test
    void noTemporaryFileOfTheWorkbookIsLeftBehind() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("peel-harvest-workbook") || name.equals("poifiles"));
        }
    }

    @Test
    void theManifestTheMarkerAndTheDescriptorCoverTheWorkbook() throws IOException {
        assertThat(Files.readString(release.resolve(ReleaseManifest.FILE))).contains("  " + Workbook.FILE + "\n");
        assertThat(Files.readAllLines(release.resolve(OutputMarker.FILE))).contains(Workbook.FILE, "grades_wide.csv");
        assertThat(Files.readString(release.resolve(DataPackage.FILE))).contains("\"path\" : \"" + Workbook.FILE + "\"",
                "\"path\" : \"grades_wide.csv\"");
        assertThat(new ReleaseValidator().problems(release)).isEmpty();
    }

    @Test
    void cellsAreTypedTheHeaderFrozenAndFilteredAndGradesColouredAsOnTheSummaryPage() throws IOException {
        try (InputStream in = Files.newInputStream(release.resolve(Workbook.FILE)); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet reports = book.getSheet("Reports");
            assertThat(reports.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(reports.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:Q");
            assertThat(reports.getColumnWidth(column(reports, "source_sha256"))).isGreaterThanOrEqualTo(64 * 256);
            // trap-ungraded-question--derbyshire-2016-effectiveness: Q4 Outstanding, Q5 Ungraded (its facts file).
            Row derbyshire = row(book.getSheet("Questions"), "2016-derbyshire-effectiveness", 4);
            XSSFSheet questions = book.getSheet("Questions");
            Cell judgment = derbyshire.getCell(column(questions, "judgment"));
            assertThat(judgment.getStringCellValue()).isEqualTo("Outstanding");
            assertThat(((XSSFCellStyle) judgment.getCellStyle()).getFillForegroundColorColor().getARGBHex()).endsWith("1B7837");
            assertThat(derbyshire.getCell(column(questions, "judgment_rank")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(derbyshire.getCell(column(questions, "judgment_rank")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(derbyshire.getCell(column(questions, "carried_over")).getCellType()).isEqualTo(CellType.BOOLEAN);
            Row ungraded = row(questions, "2016-derbyshire-effectiveness", 5);
            assertThat(ungraded.getCell(column(questions, "judgment_rank"))).as("no rank: an empty cell").isNull();
            Cell updated = row(reports, "2016-derbyshire-effectiveness", null).getCell(column(reports, "last_updated"));
            assertThat(DateUtil.isCellDateFormatted(updated)).isTrue();
        }
    }

    @Test
    void theGradesSheetHasAColumnPerPillarAndAreaAndTheAboutSheetEveryColumnsDescription() throws IOException {
        try (InputStream in = Files.newInputStream(release.resolve(Workbook.FILE)); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetName(0)).isEqualTo("Grades");
            XSSFSheet grades = book.getSheet("Grades");
            // trap-graded-areas-table--cleveland-2023-25-integrated: this area is Good (its facts file).
            Row cleveland = rowWhere(grades, "cleveland", "2023-25");
            assertThat(cleveland.getCell(column(grades, "police_powers_and_treating_the_public_fairly_and_respectfully"))
                    .getStringCellValue()).isEqualTo("Good");
            // trap-no-grade-stated--synthetic: Suffolk's 2016 legitimacy report states no grade.
            Row suffolk = rowWhere(grades, "suffolk", "2016");
            assertThat(suffolk.getCell(column(grades, "legitimacy"))).isNull();

            XSSFSheet about = book.getSheet("About");
            Map<String, String> described = new LinkedHashMap<>();
            for (Row row : about) {
                if (row.getLastCellNum() == 5 && row.getCell(1) != null) {
                    described.put(row.getCell(0).getStringCellValue() + "." + row.getCell(1).getStringCellValue(),
                            row.getCell(4).getStringCellValue());
                }
            }
            assertThat(described).containsEntry("Reports.judgment_rank", DataPackage.REPORTS.field("judgment_rank")
                    .orElseThrow().description());
            for (DataPackage.Table table : DataPackage.TABLES) {
                for (DataPackage.Field field : table.fields()) {
                    assertThat(described).containsKey(table.title() + "." + field.name());
                }
            }
            assertThat(about.getRow(2).getCell(1).getStringCellValue()).isEqualTo("peel-harvest 0.1.0");
        }
    }

    @Test
    void aTextThatLooksLikeAnEscapedCharacterAndCurlyQuotesAreReadBackAsWritten() throws IOException {
        // "_x0041_" is how a spreadsheet file escapes "A": a text holding it must not be shown as "A".
        String looksEscaped = "Bureau _x0041_ of “Policing” _x00e9_ é, _x0041_x0042_ side by side";
        Path file = temp.resolve("escapes.xlsx");
        try (Workbook workbook = new Workbook()) {
            workbook.sheet(DataPackage.FORCES).row("avon-and-somerset", looksEscaped, "E23000036", "South West", "England");
            workbook.beginWrite(file, new Workbook.About(new DataPackage.Provenance("0.1.0", null), List.of("test"),
                    new Release(temp, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), null)));
            workbook.awaitWritten();
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet forces = book.getSheet(DataPackage.FORCES.title());
            assertThat(forces.getRow(1).getCell(column(forces, "force")).getStringCellValue()).isEqualTo(looksEscaped);
            assertThat(forces.getRow(1).getCell(column(forces, "ons_code")).getStringCellValue()).isEqualTo("E23000036");
        }
    }

    @Test
    void aTextPastExcelsLimitIsCutNeverInsideACharacterAndTheAboutSheetSaysSo() throws IOException {
        // 32,766 letters, then a character outside the BMP (two chars in Java): the limit falls between its halves.
        String longest = "a".repeat(32_766) + "\uD83D\uDE00 and more";
        Path file = temp.resolve("long.xlsx");
        try (Workbook workbook = new Workbook()) {
            workbook.sheet(DataPackage.FORCES).row("avon-and-somerset", longest, "E23000036", "South West", "England");
            workbook.sheet(DataPackage.FORCES).row("bedfordshire", "Bedfordshire Police", "E23000026", "East of England",
                    "England");
            workbook.beginWrite(file, new Workbook.About(new DataPackage.Provenance("0.1.0", null), List.of("test"),
                    new Release(temp, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), null)));
            workbook.awaitWritten();
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet forces = book.getSheet(DataPackage.FORCES.title());
            assertThat(forces.getRow(1).getCell(column(forces, "force")).getStringCellValue()).isEqualTo("a".repeat(32_766));
            assertThat(forces.getRow(2).getCell(column(forces, "force")).getStringCellValue()).isEqualTo("Bedfordshire Police");
            List<String> leftOut = new ArrayList<>();
            for (Row row : book.getSheet("About")) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Left out")) {
                    leftOut.add(row.getCell(1).getStringCellValue());
                }
            }
            assertThat(leftOut).containsExactly("Forces: 0 rows beyond Excel's last row and 1 texts beyond its 32,767 "
                    + "characters a cell are left out; forces.csv holds them whole");
        }
    }

    @Test
    void aRowOfTheWrongLengthIsRefusedNotCutOrPadded() throws IOException {
        try (Workbook workbook = new Workbook()) {
            workbook.sheet(DataPackage.FORCES).row("avon-and-somerset", "Avon and Somerset Constabulary");
            org.assertj.core.api.Assertions.assertThatThrownBy(workbook::awaitWritten)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a row of 2 values where the table has 5");
        }
    }

    @Test
    void propertiesWithoutACreationTimeToFixFailRatherThanPublishARunsTime() {
        assertThat(Workbook.createdAtZipTime("<cp:coreProperties><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                + "2026-12-07T08:00:00.123Z</dcterms:created></cp:coreProperties>"))
                .isEqualTo("<cp:coreProperties><dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z"
                        + "</dcterms:created></cp:coreProperties>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workbook.createdAtZipTime("<cp:coreProperties/>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no creation time");
    }

    private static Map<String, Path> convertEverySheetWithLibreOffice() throws Exception {
        Path soffice = Programs.require("soffice", "libreoffice");
        Path out = temp.resolve("converted");
        // CSV export: comma, double quote, UTF-8 (76), first line 1, …, the 12th token -1: every sheet
        // to a file of its own, named <file>-<sheet>.csv (LibreOffice 7.2 on).
        Programs.Result result = Programs.run(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + temp.resolve("lo-profile").toUri(), "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(), release.resolve(Workbook.FILE).toString()), temp, 300);
        Map<String, Path> sheets = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        try (InputStream in = Files.newInputStream(release.resolve(Workbook.FILE)); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.forEach(sheet -> order.add(sheet.getSheetName()));
        }
        for (String name : order) {
            Path file = out.resolve("peel-reports-" + name + ".csv");
            assertThat(file).as(result.out() + result.err()).exists();
            sheets.put(name, file);
        }
        return sheets;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(in).getRecords();
        }
    }

    private static int column(XSSFSheet sheet, String name) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(name)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name + " in " + sheet.getSheetName());
    }

    /** The row of a report, and of its question when {@code question} is given. */
    private static Row row(XSSFSheet sheet, String reportId, Integer question) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(reportId)
                    && (question == null || row.getCell(1).getNumericCellValue() == question)) {
                return row;
            }
        }
        throw new AssertionError("no row " + reportId + " " + question + " in " + sheet.getSheetName());
    }

    private static Row rowWhere(XSSFSheet grades, String forceSlug, String cycle) {
        for (Row row : grades) {
            if (row.getCell(0).getStringCellValue().equals(forceSlug) && row.getCell(2).getStringCellValue().equals(cycle)) {
                return row;
            }
        }
        throw new AssertionError("no row " + forceSlug + " " + cycle);
    }

    private static String text(ZipFile zip, String entry) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every fixture document, each report with all the documents that give it, the semantic HTML first. */
    private static void extractFixtures(List<List<Report>> reports, List<Reject> rejects) throws IOException {
        DocumentExtractor extractor = new DocumentExtractor();
        Map<String, List<Report>> byId = new java.util.TreeMap<>();
        List<Path> documents;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
            documents = files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".pdf"))
                    .sorted(Comparator.comparing((Path p) -> !p.toString().endsWith(".semantic.html"))
                            .thenComparing(Path::toString)).toList();
        }
        for (Path file : documents) {
            try {
                for (Report report : extractor.extractAll(new SourceDocument(file.getFileName().toString(),
                        Files.readAllBytes(file)))) {
                    byId.computeIfAbsent(report.reportId(), id -> new ArrayList<>()).add(report);
                }
            } catch (RejectedDocumentException e) {
                rejects.add(e.reject());
            }
        }
        reports.addAll(byId.values());
        rejects.sort(Comparator.comparing(Reject::sourceUrl));
    }
}
