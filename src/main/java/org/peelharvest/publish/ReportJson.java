package org.peelharvest.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.model.Cycle;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;

/**
 * The published JSON shape of a report (the dataset contract in the README), with the fields in
 * a fixed order. Absent values are JSON null.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> of(Report report) {
        return of(report, report.cycle());
    }

    private static Map<String, Object> of(Report report, Cycle cycle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report_id", report.reportId());
        json.put("force", report.force().name());
        json.put("force_slug", report.force().slug());
        json.put("cycle", report.cycle().label());
        json.put("year", report.cycle().year());
        json.put("pillar", report.pillar().label());
        json.put("headline_question", report.headlineQuestion());
        json.put("judgment", label(report.judgment()));
        json.put("judgment_scale", report.cycle().scale());
        json.put("judgment_rank", rank(report.judgment(), report.cycle()));
        json.put("judgment_source", label(report.judgmentSource()));
        json.put("last_updated", report.lastUpdated() == null ? null : report.lastUpdated().toString());
        json.put("summary", report.summary());
        json.put("questions", report.questions().stream().map(q -> of(q, cycle)).toList());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("url", report.source().url());
        source.put("format", report.source().format().label());
        source.put("sha256", report.source().sha256());
        json.put("source", source);
        return json;
    }

    private static Map<String, Object> of(Question question, Cycle cycle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", question.number());
        json.put("question", question.question());
        json.put("judgment", label(question.judgment()));
        json.put("judgment_scale", cycle.scale());
        json.put("judgment_rank", rank(question.judgment(), cycle));
        json.put("judgment_source", label(question.judgmentSource()));
        json.put("carried_over", question.carriedOver());
        json.put("summary", question.summary());
        json.put("areas_for_improvement", question.areaTexts());
        json.put("causes_of_concern", question.causesOfConcern().stream().map(ReportJson::of).toList());
        json.put("recommendations", texts(question.recommendations()));
        putLocation(json, question.location());
        json.put("areas_for_improvement_sources", locations(question.areasForImprovement()));
        json.put("recommendation_sources", locations(question.recommendations()));
        return json;
    }

    private static Map<String, Object> of(CauseOfConcern cause) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", cause.cause().text());
        json.put("recommendations", texts(cause.recommendations()));
        putLocation(json, cause.cause().location());
        json.put("recommendation_sources", locations(cause.recommendations()));
        return json;
    }

    /** Where a value was read: {@code source_page} in a PDF, {@code source_path} (a short CSS path) in HTML. */
    private static void putLocation(Map<String, Object> json, Location location) {
        json.put("source_page", location.page() == 0 ? null : location.page());
        json.put("source_path", location.path());
    }

    private static Map<String, Object> of(Location location) {
        Map<String, Object> json = new LinkedHashMap<>();
        putLocation(json, location);
        return json;
    }

    private static List<String> texts(List<Finding> findings) {
        return findings.stream().map(Finding::text).toList();
    }

    private static List<Map<String, Object>> locations(List<Finding> findings) {
        return findings.stream().map(f -> of(f.location())).toList();
    }

    /** The grade's rank on its cycle's scale; null when there is no grade. */
    static Integer rank(Judgment judgment, Cycle cycle) {
        return judgment == null ? null : judgment.rank(cycle);
    }

    static String label(Judgment judgment) {
        return judgment == null ? null : judgment.label();
    }

    static String label(JudgmentSource source) {
        return source == null ? null : source.label();
    }
}
