package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.testing.Csv;
import org.peelharvest.model.Cycle;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.SourceFormat;
import org.peelharvest.model.Warning;

class DatasetPublisherTest {

    /** Text an analyst's spreadsheet must get back exactly: curly quotes, commas, quotes, line breaks, accents. */
    private static final String HOSTILE = "The force\u2019s \u201cplan\u201d, as \"agreed\",\nruns to 2019 \u2013 Zo\u00eb said";

    private static final RunInfo RUN = new RunInfo("test", "test-job", 1, 1, null, null);

    @TempDir
    Path temp;

    private final DatasetPublisher publisher = new DatasetPublisher();

    @Test
    void csvReadBackWithCommonsCsvGivesExactlyTheValuesWritten() throws IOException {
        Path out = temp.resolve("release");
        publisher.publish(out, one(report(HOSTILE)), List.of(new Reject("file:///x.pdf", "extract", org.peelharvest.model.RejectReason.CORRUPT_PDF, HOSTILE)), RUN);

        List<CSVRecord> areas = read(out.resolve("areas_for_improvement.csv"));
        assertThat(areas).hasSize(1);
        assertThat(areas.get(0).get("text")).isEqualTo(HOSTILE);
        assertThat(read(out.resolve("rejects.csv")).get(0).get("detail")).isEqualTo(HOSTILE);
        assertThat(read(out.resolve("causes_of_concern.csv"))).singleElement()
                .satisfies(c -> assertThat(c.get("text")).isEqualTo("Cause: " + HOSTILE));
        assertThat(read(out.resolve("recommendations.csv"))).extracting(r -> r.get("cause_position") + "|" + r.get("text"))
                .containsExactly("1|Recommendation: " + HOSTILE, "|Standalone: " + HOSTILE);
        assertValid(out);
        CSVRecord row = read(out.resolve("reports.csv")).get(0);
        assertThat(row.get("headline_question")).isEqualTo(HOSTILE + "?");
        assertThat(row.get("judgment")).isEqualTo("Good");
        assertThat(row.get("last_updated")).isEqualTo("2017-03-02");
        assertThat(row.get("area_for_improvement_count")).isEqualTo("1");
        assertValid(out);
    }

    @Test
    void csvFollowsRfc4180WithCrlfRecordsAndDoubledQuotes() throws IOException {
        Path out = temp.resolve("release");
        new DatasetPublisher(CsvStyle.PLAIN).publish(out, one(report(HOSTILE)), List.of(), RUN);

        String csv = Files.readString(out.resolve("areas_for_improvement.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("report_id,question_number,position,text\r\n");
        assertThat(csv).contains("\"The force\u2019s \u201cplan\u201d, as \"\"agreed\"\",\nruns to 2019 \u2013 Zo\u00eb said\"\r\n");
    }

    @Test
    void jsonHoldsTheNestedReportAndJsonlOneReportALine() throws IOException {
        Path out = temp.resolve("release");
        publisher.publish(out, one(report("a"), report2()), List.of(), RUN);

        JsonNode array = JsonMapper.builder().build().readTree(out.resolve("reports.json").toFile());
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).get("questions").get(0).get("areas_for_improvement").get(0).asString()).isEqualTo("a");
        assertThat(array.get(0).get("source").get("format").asString()).isEqualTo("html");
        assertThat(array.get(1).get("judgment").isNull()).isTrue();
        JsonNode question = array.get(0).get("questions").get(0);
        assertThat(question.get("source_page").asInt()).isEqualTo(2);
        assertThat(question.get("areas_for_improvement_sources").get(0).get("source_page").asInt()).isEqualTo(3);
        assertThat(question.get("causes_of_concern").get(0).get("recommendations").get(0).asString())
                .isEqualTo("Recommendation: a");
        assertThat(Files.readAllLines(out.resolve("reports.jsonl"))).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"report_id\":"));
    }

    @Test
    void theSameReportsGiveTheSameBytes() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        publisher.publish(first, one(report(HOSTILE), report2()), List.of(), RUN);
        publisher.publish(second, one(report(HOSTILE), report2()), List.of(), RUN);

        for (String file : DatasetPublisher.FILES) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void aFailedPublishLeavesThePreviousReleaseWhole() throws IOException {
        Path out = temp.resolve("release");
        publisher.publish(out, one(report("first release")), List.of(), RUN);
        byte[] before = Files.readAllBytes(out.resolve("areas_for_improvement.csv"));

        Iterable<List<Report>> failing = () -> new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public List<Report> next() {
                if (served++ == 1) {
                    throw new IllegalStateException("disk gone");
                }
                return List.of(report("second release"));
            }
        };
        assertThatThrownBy(() -> publisher.publish(out, failing, List.of(), RUN)).hasMessageContaining("disk gone");

        assertThat(Files.readAllBytes(out.resolve("areas_for_improvement.csv"))).isEqualTo(before);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(DatasetPublisher.FILES.stream(),
                        java.util.stream.Stream.of("run.json", "schema", "datapackage.json", "index.html",
                        "manifest-sha256.txt", ".peel-harvest")).sorted().toList());
    }

    @Test
    void theHtmlIsPublishedAndEachFieldThePdfGivesOtherwiseIsAConflict() throws IOException {
        Report html = report("Evaluate its work.");
        Report pdf = withSource(report("Evaluate  its\nwork."), "file:///derbyshire.pdf", SourceFormat.PDF);
        Report pdfOtherwise = new Report(pdf.force(), pdf.cycle(), pdf.pillar(), pdf.headlineQuestion(),
                Judgment.OUTSTANDING, JudgmentSource.SUMMARY, null, pdf.summary(), pdf.questions(), pdf.source());
        Path out = temp.resolve("release");

        publisher.publish(out, List.of(List.of(html, pdfOtherwise)), List.of(), RUN);

        assertThat(read(out.resolve("reports.csv"))).singleElement()
                .satisfies(r -> assertThat(r.get("source_format")).isEqualTo("html"));
        assertThat(read(out.resolve("conflicts.csv")))
                .extracting(c -> String.join("|", c.get("field"), c.get("value"), c.get("other_value"), c.get("other_source_url")))
                .containsExactly("judgment|Good|Outstanding|file:///derbyshire.pdf",
                        "judgment_source|badge|summary|file:///derbyshire.pdf",
                        "last_updated|2017-03-02||file:///derbyshire.pdf");
        assertValid(out);
    }

    @Test
    void spreadsheetCsvStartsWithAByteOrderMarkAndGuardsEveryFormulaLikeCell() throws IOException {
        Path out = temp.resolve("release");
        List<String> hostile = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rReturn");
        new DatasetPublisher(CsvStyle.SPREADSHEET).publish(out, one(reportWithAreas(hostile)), List.of(), RUN);

        byte[] bytes = Files.readAllBytes(out.resolve("areas_for_improvement.csv"));
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        assertThat(read(out.resolve("areas_for_improvement.csv"))).extracting(r -> r.get("text"))
                .containsExactlyElementsOf(hostile.stream().map(text -> "'" + text).toList());
        assertValid(out);
    }

    @Test
    void plainCsvHasNoByteOrderMarkAndKeepsEveryValueExactly() throws IOException {
        Path out = temp.resolve("release");
        List<String> hostile = List.of("=HYPERLINK(\"http://x\")", "-2", "@SUM(A1)");
        new DatasetPublisher(CsvStyle.PLAIN).publish(out, one(reportWithAreas(hostile)), List.of(), RUN);

        assertThat(Files.readString(out.resolve("areas_for_improvement.csv"))).startsWith("report_id,");
        assertThat(read(out.resolve("areas_for_improvement.csv"))).extracting(r -> r.get("text"))
                .containsExactlyElementsOf(hostile);
        assertValid(out);
    }

    @Test
    void gradesCarryTheirCyclesScaleAndRank() throws IOException {
        Path out = temp.resolve("release");
        Report fourPoint = report("a");
        Report fivePoint = new Report(Forces.bySlug("gwent").orElseThrow(), Cycle.startingIn(2021).orElseThrow(),
                Pillar.INTEGRATED, "", null, null, null, "", List.of(
                        question(1, Judgment.GOOD), question(2, Judgment.ADEQUATE), question(3, Judgment.UNGRADED)),
                new Source("file:///gwent.html", SourceFormat.HTML, "d".repeat(64)));
        publisher.publish(out, one(fourPoint, fivePoint), List.of(), RUN);

        assertThat(read(out.resolve("reports.csv"))).extracting(r -> r.get("judgment_scale") + " " + r.get("judgment_rank"))
                .containsExactly("four-point 2", "five-point ");
        assertThat(read(out.resolve("questions.csv")))
                .extracting(r -> r.get("judgment") + " " + r.get("judgment_scale") + " " + r.get("judgment_rank"))
                .containsExactly("Good four-point 2", "Good five-point 3", "Adequate five-point 2", "Ungraded five-point ");
        assertValid(out);
    }

    @Test
    void forcesCsvListsTheFortyThreeForcesWithTheirOnsCodes() throws IOException {
        Path out = temp.resolve("release");
        publisher.publish(out, one(report("a")), List.of(), RUN);

        List<CSVRecord> forces = read(out.resolve("forces.csv"));
        assertThat(forces).hasSize(43);
        assertThat(forces).extracting(f -> String.join("|", f.get("force_slug"), f.get("ons_code"), f.get("region"), f.get("country")))
                .contains("derbyshire|E23000018|East Midlands|England", "dyfed-powys|W15000004|Wales|Wales",
                        "metropolitan|E23000001|London|England");
    }

    @Test
    void eachRunPublishesANewReleaseThatIsNeverChangedAndLatestNamesTheNewest() throws IOException {
        Path root = temp.resolve("sample");
        RunInfo first = new RunInfo("1.0", "sample", 1, 10, Instant.parse("2026-11-25T09:00:00Z"), "20261125T090000Z");
        RunInfo second = new RunInfo("1.0", "sample", 2, 11, Instant.parse("2026-11-25T10:00:00Z"), "20261125T100000Z");
        publisher.publish(root, one(report("first")), List.of(), first);
        byte[] firstBytes = Files.readAllBytes(root.resolve("20261125T090000Z/areas_for_improvement.csv"));

        Release release = publisher.publish(root, one(report("second"), report2()), List.of(), second);

        assertThat(release.folder()).isEqualTo(root.resolve("20261125T100000Z").toAbsolutePath());
        assertThat(Files.readAllBytes(root.resolve("20261125T090000Z/areas_for_improvement.csv"))).isEqualTo(firstBytes);
        assertThat(Files.readSymbolicLink(root.resolve("latest"))).isEqualTo(Path.of("20261125T100000Z"));
        assertThat(read(root.resolve("latest/reports.csv"))).hasSize(2);
        assertThatThrownBy(() -> publisher.publish(root, one(report("other")), List.of(),
                new RunInfo("1.0", "sample", 3, 12, null, "20261125T090000Z")))
                .hasMessageContaining("exists and is never overwritten");
        assertThat(publisher.publish(root, one(report("again")), List.of(), first).reports())
                .as("the run that published a release may find it there when it is restarted").isEqualTo(1);
        assertThat(Files.readAllBytes(root.resolve("20261125T090000Z/areas_for_improvement.csv"))).isEqualTo(firstBytes);
        assertValid(root.resolve("20261125T090000Z"));
        assertValid(root.resolve("latest"));
    }

    @Test
    void runJsonNamesTheRunItsCountsAndEveryInputWithItsDigest() throws IOException {
        Path root = temp.resolve("sample");
        Path badFile = Files.writeString(temp.resolve("bad.pdf"), "not a pdf");
        RunInfo run = new RunInfo("0.1.0", "sample", 4, 20, Instant.parse("2026-11-25T09:00:00Z"), "20261125T090000Z");
        publisher.publish(root, one(report("a")), List.of(new Reject(badFile.toUri().toString(), "extract",
                org.peelharvest.model.RejectReason.CORRUPT_PDF, "cannot read")), run);

        JsonNode json = JsonMapper.builder().build().readTree(root.resolve("latest/run.json").toFile());
        assertThat(json.get("build").get("version").asString()).isEqualTo("0.1.0");
        assertThat(json.get("job").asString()).isEqualTo("sample");
        assertThat(json.get("run").asInt()).isEqualTo(4);
        assertThat(json.get("started").asString()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(json.get("counts").get("documents").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("reports").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("rejects").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("causes_of_concern").asInt()).isEqualTo(1);
        assertThat(json.get("inputs")).hasSize(2);
        // inputs are ordered by URL; the temporary folder's path decides which of the two comes first
        JsonNode reject = inputNamed(json, badFile.toUri().toString());
        assertThat(reject.get("rejected").asString()).isEqualTo("corrupt-pdf");
        assertThat(reject.get("sha256").asString()).isEqualTo(SourceDocument.sha256("not a pdf".getBytes(StandardCharsets.UTF_8)));
        assertThat(inputNamed(json, "file:///derbyshire.html").get("report_id").asString())
                .isEqualTo("2016-derbyshire-effectiveness");
        assertThat(json.get("inputs").get(0).get("url").asString())
                .isLessThan(json.get("inputs").get(1).get("url").asString());
    }

    @Test
    void runJsonGivesARejectedDocumentTheDigestOfWhatTheJobReadNotOfTheFileAsItIsNow() throws IOException {
        Path root = temp.resolve("read");
        Path badFile = Files.writeString(temp.resolve("changed.pdf"), "changed since it was read");
        String read = SourceDocument.sha256("not a pdf".getBytes(StandardCharsets.UTF_8));
        String url = badFile.toUri().toString();
        RunInfo run = new RunInfo("0.1.0", "sample", 1, 1, Instant.parse("2026-11-25T09:00:00Z"), "20261125T090000Z");
        new DatasetPublisher().reading(List.of(StagingArea.Done.rejected("k", url, "fp", read)))
                .publish(root, List.of(), List.of(new Reject(url, "extract", org.peelharvest.model.RejectReason.CORRUPT_PDF,
                        "cannot read")), run);

        JsonNode json = JsonMapper.builder().build().readTree(root.resolve("latest/run.json").toFile());
        assertThat(inputNamed(json, url).get("sha256").asString()).isEqualTo(read);
    }

    private static JsonNode inputNamed(JsonNode run, String url) {
        for (JsonNode input : run.get("inputs")) {
            if (input.get("url").asString().equals(url)) {
                return input;
            }
        }
        throw new AssertionError("run.json names no input " + url + ": " + run.get("inputs"));
    }

    @Test
    void theSummaryPageShowsTheStartOfALongConflictingValueAndTheCsvHoldsItWhole() throws IOException {
        Path out = temp.resolve("release");
        String longText = "Another wording of the finding. ".repeat(4_000); // 128,000 characters
        Report published = report("a");
        Report other = withSource(report(longText), "file:///derbyshire.pdf", SourceFormat.PDF);

        publisher.publish(out, List.of(List.of(published, other)), List.of(), RUN);

        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("Another wording of the finding. Another")
                .contains("Another wording of the finding. Another word… (128000 characters: see conflicts.csv)")
                .hasSizeLessThan(60_000);
        assertThat(Files.readString(out.resolve("conflicts.csv"))).contains(longText);
    }

    @Test
    void warningsCsvHasItsHeaderEvenWhenNoReportHasAWarning() throws IOException {
        Path out = temp.resolve("release");
        new DatasetPublisher(CsvStyle.PLAIN).publish(out, one(report("a")), List.of(), RUN);

        assertThat(Files.readString(out.resolve("warnings.csv"))).isEqualTo("report_id,source_url,code,detail\r\n");
        assertValid(out);
    }

    @Test
    void eachPublishedReportsWarningsAreRowsOfWarningsCsvCountedInRunJsonAndListedInIndexHtml() throws IOException {
        Path root = temp.resolve("sample");
        RunInfo run = new RunInfo("0.1.0", "sample", 1, 30, null, "20261125T090000Z");
        DatasetPublisher warning = new DatasetPublisher(CsvStyle.SPREADSHEET, r -> r.questions().isEmpty()
                ? List.of(new Warning(r.reportId(), r.source().url(), Warning.Code.NO_QUESTIONS, "no questions were found"),
                        new Warning(r.reportId(), r.source().url(), Warning.Code.NO_LAST_UPDATED, "no date"))
                : List.of());

        Release release = warning.publish(root, one(report("a"), report2()), List.of(), run);

        assertThat(read(root.resolve("latest/warnings.csv")))
                .extracting(w -> String.join("|", w.get("report_id"), w.get("source_url"), w.get("code"), w.get("detail")))
                .containsExactly("2017-lancashire-effectiveness|file:///lancashire.pdf|no-questions|no questions were found",
                        "2017-lancashire-effectiveness|file:///lancashire.pdf|no-last-updated|no date");
        assertThat(release.warnings()).isEqualTo(2);
        assertThat(release.warnings(Warning.Code.NO_QUESTIONS)).isEqualTo(1);
        JsonNode counts = JsonMapper.builder().build().readTree(root.resolve("latest/run.json").toFile()).get("counts");
        assertThat(counts.get("warnings").asInt()).isEqualTo(2);
        assertThat(counts.get("warnings_by_code").toString()).isEqualTo("{\"no-questions\":1,\"question-count-differs\":0,"
                + "\"no-judgment\":0,\"grade-in-prose-only\":0,\"no-last-updated\":1,\"control-characters-removed\":0,\"no-headline\":0}");
        assertThat(Files.readString(root.resolve("latest/index.html")))
                .contains("<th scope=\"row\">Warnings (what a published report lacks)</th><td class=\"n\">2</td>",
                        "<p>no-questions 1, no-last-updated 1</p>",
                        "<tr><td class=\"k\">2017-lancashire-effectiveness</td><td class=\"k\">no-questions</td>"
                                + "<td>no questions were found</td></tr>");
        assertThat(warning.publish(root, one(report("a")), List.of(), run).warnings(Warning.Code.NO_LAST_UPDATED))
                .as("a restarted run that finds its release published reads the counts back from run.json").isEqualTo(1);
        assertValid(root.resolve("latest"));
    }

    @Test
    void theDataPackageDescribesWarningsWithTheirClosedListOfCodesAndTheirReport() throws IOException {
        Path out = temp.resolve("release");
        publisher.publish(out, one(report("a")), List.of(), RUN);

        JsonNode warnings = null;
        for (JsonNode resource : JsonMapper.builder().build().readTree(out.resolve("datapackage.json").toFile()).get("resources")) {
            if (resource.get("name").asString().equals("warnings")) {
                warnings = resource;
            }
        }
        assertThat(warnings).isNotNull();
        assertThat(warnings.get("path").asString()).isEqualTo("warnings.csv");
        JsonNode schema = warnings.get("schema");
        assertThat(schema.get("fields").findValuesAsString("name")).containsExactly("report_id", "source_url", "code", "detail");
        assertThat(schema.get("fields").get(2).get("constraints").get("enum").toString()).isEqualTo(
                "[\"no-questions\",\"question-count-differs\",\"no-judgment\",\"grade-in-prose-only\",\"no-last-updated\","
                        + "\"control-characters-removed\",\"no-headline\"]");
        assertThat(schema.get("primaryKey").toString()).isEqualTo("[\"report_id\",\"code\"]");
        assertThat(schema.get("foreignKeys").toString()).contains("\"resource\":\"reports\"", "\"fields\":[\"report_id\"]");
    }

    @Test
    void aFolderThatHoldsSomethingElseIsNeverReplaced() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("thesis.docx"), "years of work");

        assertThatThrownBy(() -> publisher.publish(home, one(report("a")), List.of(), RUN))
                .hasMessageContaining("holds thesis.docx, which peel-harvest did not write");
        assertThat(Files.readString(home.resolve("thesis.docx"))).isEqualTo("years of work");
    }

    /** Every release a test publishes passes the validate command's checks. */
    private static void assertValid(Path release) throws IOException {
        assertThat(new ReleaseValidator().problems(release)).as("validate " + release).isEmpty();
    }

    private static Question question(int number, Judgment judgment) {
        return new Question(number, "Area " + number, judgment, JudgmentSource.BADGE, false, "", List.of(), List.of(),
                List.of(), Location.UNKNOWN);
    }

    private static Report reportWithAreas(List<String> areas) {
        Report r = report("a");
        Question q = new Question(1, "How effective is it?", Judgment.GOOD, JudgmentSource.BADGE, false, "",
                areas.stream().map(text -> new Finding(text, Location.UNKNOWN)).toList(), List.of(), List.of(),
                Location.UNKNOWN);
        return new Report(r.force(), r.cycle(), r.pillar(), r.headlineQuestion(), r.judgment(), r.judgmentSource(),
                r.lastUpdated(), r.summary(), List.of(q), r.source());
    }

    private static Iterable<List<Report>> one(Report... reports) {
        return java.util.Arrays.stream(reports).map(List::of).toList();
    }

    private static Report withSource(Report r, String url, SourceFormat format) {
        return new Report(r.force(), r.cycle(), r.pillar(), r.headlineQuestion(), r.judgment(), r.judgmentSource(),
                r.lastUpdated(), r.summary(), r.questions(), new Source(url, format, "c".repeat(64)));
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        return Csv.read(csv);
    }

    private static Report report(String text) {
        Question question = new Question(1, "How effective is it?", Judgment.GOOD, JudgmentSource.BADGE, false,
                "Narrative.", List.of(new Finding(text, new Location(3, null))),
                List.of(new CauseOfConcern(new Finding("Cause: " + text, Location.UNKNOWN),
                        List.of(new Finding("Recommendation: " + text, Location.UNKNOWN)))),
                List.of(new Finding("Standalone: " + text, Location.UNKNOWN)), new Location(2, null));
        return new Report(Forces.bySlug("derbyshire").orElseThrow(), Cycle.startingIn(2016).orElseThrow(),
                Pillar.EFFECTIVENESS, text + "?", Judgment.GOOD, JudgmentSource.BADGE, LocalDate.of(2017, 3, 2),
                "Summary.", List.of(question), new Source("file:///derbyshire.html", SourceFormat.HTML, "a".repeat(64)));
    }

    private static Report report2() {
        return new Report(Forces.bySlug("lancashire").orElseThrow(), Cycle.startingIn(2017).orElseThrow(),
                Pillar.EFFECTIVENESS, "How effective?", null, null, null, "", List.of(),
                new Source("file:///lancashire.pdf", SourceFormat.PDF, "b".repeat(64)));
    }
}
