package org.peelharvest.publish;

import java.io.IOException;
import java.util.List;


import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Force;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Question;
import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/**
 * The CSV tables of a release. RFC 4180: CRLF line ends, a field with a comma, quote or line
 * break is quoted and its quotes doubled; one header row; UTF-8 is the caller's writer.
 */
final class CsvTables {

    static final List<String> REPORTS = DataPackage.REPORTS.header();
    static final List<String> QUESTIONS = DataPackage.QUESTIONS.header();
    static final List<String> AREAS_FOR_IMPROVEMENT = DataPackage.AREAS_FOR_IMPROVEMENT.header();
    static final List<String> CAUSES_OF_CONCERN = DataPackage.CAUSES_OF_CONCERN.header();
    static final List<String> RECOMMENDATIONS = DataPackage.RECOMMENDATIONS.header();
    static final List<String> CONFLICTS = DataPackage.CONFLICTS.header();
    static final List<String> WARNINGS = DataPackage.WARNINGS.header();
    static final List<String> REJECTS = DataPackage.REJECTS.header();
    static final List<String> FORCES = DataPackage.FORCES.header();
    static final List<String> GRADES_WIDE = DataPackage.GRADES_WIDE.header();

    private CsvTables() {
    }

    static void printReport(TableRows out, Report r) throws IOException {
        out.row(r.reportId(), r.force().name(), r.force().slug(), r.cycle().label(), r.cycle().year(),
                r.pillar().label(), r.headlineQuestion(), text(ReportJson.label(r.judgment())), r.cycle().scale(),
                ReportJson.rank(r.judgment(), r.cycle()), text(ReportJson.label(r.judgmentSource())), r.lastUpdated() == null ? "" : r.lastUpdated().toString(),
                r.questions().size(), r.areaForImprovementCount(), r.source().url(), r.source().format().label(),
                r.source().sha256());
    }

    static void printQuestions(TableRows out, Report r) throws IOException {
        for (Question q : r.questions()) {
            out.row(r.reportId(), q.number(), q.question(), text(ReportJson.label(q.judgment())), r.cycle().scale(),
                    ReportJson.rank(q.judgment(), r.cycle()), q.carriedOver(), q.areasForImprovement().size());
        }
    }

    static void printAreasForImprovement(TableRows out, Report r) throws IOException {
        for (Question q : r.questions()) {
            List<String> areas = q.areaTexts();
            for (int i = 0; i < areas.size(); i++) {
                out.row(r.reportId(), q.number(), i + 1, areas.get(i));
            }
        }
    }

    static void printCausesOfConcern(TableRows out, Report r) throws IOException {
        for (Question q : r.questions()) {
            List<CauseOfConcern> causes = q.causesOfConcern();
            for (int i = 0; i < causes.size(); i++) {
                out.row(r.reportId(), q.number(), i + 1, causes.get(i).cause().text(),
                        DataPackage.causeOfConcernId(r.reportId(), q.number(), i + 1));
            }
        }
    }

    /** Recommendations of each cause of concern (cause_position set), then those of no cause (empty). */
    static void printRecommendations(TableRows out, Report r) throws IOException {
        for (Question q : r.questions()) {
            List<CauseOfConcern> causes = q.causesOfConcern();
            for (int c = 0; c < causes.size(); c++) {
                List<Finding> recommendations = causes.get(c).recommendations();
                for (int i = 0; i < recommendations.size(); i++) {
                    out.row(r.reportId(), q.number(), c + 1, i + 1, recommendations.get(i).text(),
                            DataPackage.causeOfConcernId(r.reportId(), q.number(), c + 1));
                }
            }
            for (int i = 0; i < q.recommendations().size(); i++) {
                out.row(r.reportId(), q.number(), "", i + 1, q.recommendations().get(i).text(), "");
            }
        }
    }

    static void printConflicts(TableRows out, List<Conflicts.Conflict> conflicts) throws IOException {
        for (Conflicts.Conflict c : conflicts) {
            out.row(c.reportId(), c.field(), c.value(), c.sourceUrl(), c.otherValue(), c.otherSourceUrl());
        }
    }

    static void printWarnings(TableRows out, List<Warning> warnings) throws IOException {
        for (Warning w : warnings) {
            out.row(w.reportId(), w.sourceUrl(), w.code().label(), w.detail());
        }
    }

    static void printForces(CsvTable out) throws IOException {
        for (Force force : Forces.ALL) {
            out.row(force.slug(), force.name(), force.onsCode(), force.region(), force.country());
        }
    }

    static void printReject(TableRows out, Reject reject) throws IOException {
        out.row(reject.sourceUrl(), reject.stage(), reject.reason().code(), reject.detail());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
