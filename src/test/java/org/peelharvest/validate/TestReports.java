package org.peelharvest.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceFormat;

/** Reports made in a line, for the validator's and the warnings' tests. */
final class TestReports {

    static final String URL = "file:///derbyshire.html";

    private TestReports() {
    }

    /**
     * A Derbyshire report of {@code cycle} and {@code pillar}, graded Good by {@code judgment}
     * (null: no grade), with the given questions, a one-line summary and {@code lastUpdated}.
     */
    static Report report(String cycle, Pillar pillar, JudgmentSource judgment, List<Question> questions,
                         LocalDate lastUpdated) {
        return report(cycle, pillar, judgment, questions, lastUpdated, "Derbyshire Constabulary is good.");
    }

    static Report report(String cycle, Pillar pillar, JudgmentSource judgment, List<Question> questions,
                         LocalDate lastUpdated, String summary) {
        Cycle c = Cycle.ALL.stream().filter(x -> x.label().equals(cycle)).findFirst().orElseThrow();
        return new Report(Forces.bySlug("derbyshire").orElseThrow(), c, pillar,
                pillar == Pillar.INTEGRATED ? "" : "How well does the force do?",
                judgment == null ? null : Judgment.GOOD, judgment, lastUpdated, summary, questions,
                new Source(URL, SourceFormat.HTML, "a".repeat(64)));
    }

    /** Questions 1 to {@code count}, each graded Good by its grade line. */
    static List<Question> questions(int count) {
        List<JudgmentSource> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(JudgmentSource.BADGE);
        }
        return questions(sources);
    }

    /** One question for each source, numbered from 1, graded Good from that source (null: no grade). */
    static List<Question> questions(List<JudgmentSource> sources) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            JudgmentSource source = sources.get(i);
            questions.add(new Question(i + 1, "Question " + (i + 1) + "?", source == null ? null : Judgment.GOOD,
                    source, false, "Narrative.", List.of(), List.of(), List.of(), Location.UNKNOWN));
        }
        return questions;
    }
}
