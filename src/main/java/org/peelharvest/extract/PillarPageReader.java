package org.peelharvest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Force;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.QuestionSets.QuestionSet;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SiteChrome;
import org.peelharvest.model.Source;

/**
 * Reads a pillar report of 2014 to 2018/19 by what each block is, not where it sits: the
 * headline is the best candidate (a known headline of the cycle and pillar, else the first
 * question-shaped line, with "Overview –" or "Question 1:" stripped); the date and the grade line
 * are found on either side of it; the summary is what stands between the headline and the
 * questions; the questions are the known wordings of the cycle and pillar where the page uses
 * them, so that a sub-heading ending in "?" inside a question stays narrative.
 */
final class PillarPageReader {

    // Patterns compiled once (String#matches and #split compile theirs on every call).
    private static final Pattern EFFECTIVE = Pattern.compile(".*\\beffective(ly)?\\b.*");
    private static final Pattern EFFICIENT = Pattern.compile(".*\\befficient(ly)?\\b.*");
    private static final Pattern LEGITIMATE = Pattern.compile(".*\\blegitimate(ly)?\\b.*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static final Pattern QUESTIONS_FOR = Pattern.compile(
            "(?i)^Questions for\\s+(effectiveness|efficiency|legitimacy|leadership)$");
    static final Pattern NUMBER_ONLY = Pattern.compile("(?i)^(?:question\\s+)?(\\d{1,2})[.:]?$");
    /** What a headline may be prefixed with: "Overview – How effective…?", "Summary: …". */
    private static final Pattern HEADLINE_PREFIX = Pattern.compile(
            "(?i)^(?:overview|summary|headline(?: question)?)\\s*[:\\-\\u2013\\u2014]\\s*");
    /** A label with no value: "Overall judgement¹", "Overall judgement 1", "Summary", "Overview". */
    static final Pattern LABEL = Pattern.compile("(?i)^((overall\\s+)?(judge?ment|grade|rating)\\s*[\\u00b9\\u00b2\\u00b3\\d]?\\s*:?"
            + "|summary|overview|overall summary|key findings|other (inspections|reports))$");
    /** A page put up before its grade: "To be graded", "not yet graded". Not a grade, not publishable. */
    private static final Pattern INTERIM = Pattern.compile(
            "(?i)^(?:(?:overall\\s+)?(?:judge?ment|grade|rating)\\s*[\\u00b9\\u00b2\\u00b3\\d]?\\s*[:\\-\\u2013]?\\s*)?"
                    + "(to be graded|not yet graded)\\.?$");
    /** What follows a PDF's last question: its annexes, and "Next steps" (what the inspectorate will do next). */
    private static final Pattern ANNEX = Pattern.compile("(?i)^(annex|appendix|next steps$)\\b.*");
    /** Paragraphs an introduction before "Last updated" runs to (two on the 2015 pages); a date further down ends the summary. */
    private static final int MAX_INTRODUCTION = 3;
    /** Longer than this, a line ending in "?" is a paragraph's last sentence, not a question (questions seen run to 30 words). */
    private static final int MAX_QUESTION_WORDS = 45;

    private final List<Block> blocks;
    private final IdentityReader.Identity identity;
    private final Source source;

    private PillarPageReader(List<Block> blocks, IdentityReader.Identity identity, Source source) {
        Optional<QuestionSet> known = identity.pillar() == null ? Optional.empty()
                : QuestionSets.of(identity.cycle(), identity.pillar());
        this.blocks = splitGradedQuestions(known.map(set -> joinWrappedQuestions(blocks, set)).orElse(blocks), known);
        this.identity = identity;
        this.source = source;
    }

    static Report read(List<Block> blocks, IdentityReader.Identity identity, Source source) {
        return new PillarPageReader(blocks, identity, source).read();
    }

    private Report read() {
        int questionsFor = indexOfQuestionsFor();
        Pillar pillar = identity.pillar() != null ? identity.pillar() : pillarOfText(questionsFor).orElse(null);
        QuestionSet set = setOf(pillar);
        int headline = findHeadline(set, questionsFor);
        // A report page without its headline (-1) is read all the same; its report is published with a warning.
        String headlineText = headline < 0 ? "" : headlineText(blocks.get(headline).text());
        if (pillar == null) {
            pillar = pillarOfHeadline(headlineText)
                    .orElseThrow(() -> reject(RejectReason.NO_PILLAR, "no title, URL, pillar label, 'Questions for' heading or headline names the pillar"));
            set = setOf(pillar);
            if (set != null && isKnownQuestion(blocks.get(headline), set)) {
                // The pillar known now, the line taken for the headline is one of its questions: a question's
                // section is no place to read the report's own grade from (issue 16).
                headline = findHeadline(set, questionsFor);
                headlineText = headline < 0 ? "" : headlineText(blocks.get(headline).text());
            }
        }
        // Without a headline the report's own part starts after its title (a copy's own header and
        // navigation stand before it).
        int anchor = headline >= 0 ? headline : Math.min(identity.titleIndex(), blocks.size() - 1);
        List<Block> page = blocks.subList(0, PageFurniture.contentEnd(blocks, anchor + 1));
        int questionsAt = questionsStart(page, anchor, questionsFor, set);
        requireGraded(page.subList(0, questionsAt));
        Force force = identity.force();
        List<Question> read = readQuestions(page, questionsAt, set, force);
        QuestionGradesTable table = QuestionGradesTable.read(page, anchor + 1, questionsAt, read);
        Optional<Judgment> badge = gradeLine(page, anchor, questionsAt, table.blocks());
        String summary = summary(page, anchor, questionsAt, table.blocks());
        List<Question> questions = gradedFromSummary(table.applyTo(read), summary, force);
        // Without its headline, the summary's sentences are matched against the pillar's own headline.
        String about = !headlineText.isEmpty() ? headlineText
                : set != null && !set.headlines().isEmpty() ? set.headlines().get(0) : pillar.label();
        Optional<Judgment> stated = badge.isPresent() ? Optional.empty() : ProseGrades.stated(summary, about, force);
        Judgment judgment = badge.or(() -> stated).orElse(null);
        JudgmentSource judgmentSource = badge.isPresent() ? JudgmentSource.BADGE : stated.isPresent() ? JudgmentSource.SUMMARY : null;
        return new Report(force, identity.cycle(), pillar, headlineText, judgment, judgmentSource,
                lastUpdated(page, anchor, questionsAt), summary, questions, source);
    }

    private QuestionSet setOf(Pillar pillar) {
        return pillar == null ? null : QuestionSets.of(identity.cycle(), pillar).orElse(null);
    }

    private int indexOfQuestionsFor() {
        for (int i = 0; i < blocks.size(); i++) {
            if (QUESTIONS_FOR.matcher(blocks.get(i).text()).matches()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The pillar as the text tells it where no title does: a pillar label line, the "Questions
     * for" heading, or a known headline of the cycle.
     */
    private Optional<Pillar> pillarOfText(int questionsFor) {
        int limit = questionsFor >= 0 ? questionsFor : blocks.size();
        for (Block block : blocks.subList(0, limit)) {
            if (isQuestionShaped(block.text())) {
                break;
            }
            Optional<Pillar> label = Pillar.fromName(block.text());
            if (label.isPresent() && !block.isListItem()) {
                return label;
            }
        }
        if (questionsFor >= 0) {
            Matcher m = QUESTIONS_FOR.matcher(blocks.get(questionsFor).text());
            if (m.matches()) {
                return Pillar.fromName(m.group(1));
            }
        }
        for (Block block : blocks.subList(0, limit)) {
            List<Pillar> pillars = QuestionSets.withHeadline(headlineText(block.text())).stream()
                    .filter(s -> s.cycle().equals(identity.cycle().label())).map(QuestionSet::pillar).distinct().toList();
            if (pillars.size() == 1) {
                return Optional.of(pillars.get(0));
            }
        }
        return Optional.empty();
    }

    private static Optional<Pillar> pillarOfHeadline(String headline) {
        String text = headline.toLowerCase(Locale.ROOT);
        if (EFFECTIVE.matcher(text).matches()) {
            return Optional.of(Pillar.EFFECTIVENESS);
        }
        if (EFFICIENT.matcher(text).matches()) {
            return Optional.of(Pillar.EFFICIENCY);
        }
        if (LEGITIMATE.matcher(text).matches()) {
            return Optional.of(Pillar.LEGITIMACY);
        }
        return Optional.empty();
    }

    /**
     * The headline: a known headline of the cycle and pillar wherever it stands before the
     * questions; else the first question-shaped line that is none of the known questions; else,
     * on 2014 pages whose headline is no question, the line standing before "Last updated".
     */
    private int findHeadline(QuestionSet set, int questionsFor) {
        int limit = questionsFor >= 0 ? questionsFor : blocks.size();
        int firstQuestion = -1;
        int candidate = -1;
        int beforeDate = -1;
        for (int i = 0; i < limit; i++) {
            Block block = blocks.get(i);
            String text = headlineText(block.text());
            if (block.isListItem() || block.isTableRow()) {
                continue;
            }
            if (set != null && QuestionSets.isHeadline(set, text)) {
                return i;
            }
            // A known question, or a piece of one wrapped onto a block of its own, is never the headline: a
            // question's section is no place to read the report's own grade from.
            boolean knownQuestion = set != null && (QuestionSets.questionNumber(set, questionText(text)).isPresent()
                    || QuestionSets.isPieceOfKnown(set, questionText(text)));
            if (firstQuestion < 0 && isQuestionShaped(text) && !knownQuestion) {
                firstQuestion = i;
            }
            if (ReportReader.isDateLine(text) && candidate >= 0 && firstQuestion < 0 && beforeDate < 0
                    && isHeadlineShaped(blocks.get(candidate).text())) {
                beforeDate = candidate;
            }
            if (!isHeaderLine(block)) {
                candidate = i;
            }
        }
        if (firstQuestion >= 0) {
            return firstQuestion;
        }
        if (beforeDate >= 0) {
            return beforeDate;
        }
        if (holdsItsReport(set, questionsFor, limit)) {
            // A report whose headline is missing (a copy re-published without it): published with a warning.
            return -1;
        }
        throw reject(RejectReason.NO_HEADLINE_QUESTION, "no headline question (a known headline of the cycle, or a line ending in '?') "
                + "stands before the questions");
    }

    /**
     * Whether a page without its headline still holds its report (issue 16: a police and crime
     * commissioner's copy leaves the headline out): its questions (a known wording, or the
     * "Questions for" heading), or its own grade line before them.
     */
    private boolean holdsItsReport(QuestionSet set, int questionsFor, int limit) {
        return questionsFor >= 0 || set != null && blocks.stream().anyMatch(b -> isKnownQuestion(b, set))
                || blocks.subList(0, limit).stream().anyMatch(b -> !b.isListItem() && Grades.fromLine(b.text()).isPresent());
    }

    /**
     * A 2014 headline that is no question ("How well the force delivers value for money") is a short
     * line, not a sentence: a paragraph standing before the date (a commissioner's introduction to a
     * copy of the report) is not one.
     */
    private static boolean isHeadlineShaped(String text) {
        String stripped = text.strip();
        return SPACES.split(stripped).length <= 20 && !stripped.endsWith(".");
    }

    /** Title, label, date, grade and furniture lines: what stands around a headline but never is one. */
    private static boolean isHeaderLine(Block block) {
        String text = block.text();
        return Pillar.fromName(text).isPresent() || LABEL.matcher(text).matches() || ReportReader.isDateLine(text)
                || Grades.fromLine(text).isPresent() || INTERIM.matcher(Text.clean(text)).matches()
                || SiteChrome.NOT_CONTENT.foundIn(text) || isTitleLine(text);
    }

    private static boolean isTitleLine(String text) {
        return TitleForms.ofTitle(text).isPresent() || TitleForms.ofInspectionLine(text).isPresent();
    }

    static String headlineText(String text) {
        return HEADLINE_PREFIX.matcher(questionText(text)).replaceFirst("");
    }

    /** A question's own words, less "Question 2:" or "2." before them. */
    static String questionText(String text) {
        Matcher numbered = ReportReader.NUMBERED_QUESTION.matcher(text);
        return numbered.matches() ? numbered.group(2) : text;
    }

    /** A short line ending in a question mark, and not the last sentence of a paragraph. */
    static boolean isQuestionShaped(String text) {
        String question = questionText(text);
        return question.endsWith("?") && question.split(" ").length <= MAX_QUESTION_WORDS && !question.contains(". ");
    }

    /**
     * Where the questions start: the "Questions for" heading; else the first of the cycle's known
     * questions after the headline; else the first question-shaped line after it. A question's
     * number line standing before it belongs to it.
     */
    private static int questionsStart(List<Block> page, int headline, int questionsFor, QuestionSet set) {
        if (questionsFor > headline && questionsFor < page.size()) {
            return questionsFor;
        }
        int first = -1;
        for (int i = headline + 1; i < page.size() && first < 0; i++) {
            if (set != null && isKnownQuestion(page.get(i), set)) {
                first = i;
            }
        }
        for (int i = headline + 1; i < page.size() && first < 0; i++) {
            Block block = page.get(i);
            if (!block.isListItem() && !block.isTableRow() && isQuestionShaped(block.text())) {
                first = i;
            }
        }
        if (first < 0) {
            return page.size();
        }
        return first - 1 > headline && NUMBER_ONLY.matcher(page.get(first - 1).text()).matches() ? first - 1 : first;
    }

    /**
     * Two blocks in a row that together word a known question, though neither does alone, are one
     * question heading wrapped by a line, column or page break: joined into the first.
     */
    private static List<Block> joinWrappedQuestions(List<Block> blocks, QuestionSet set) {
        List<Block> joined = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (i + 1 < blocks.size() && wrapsInto(block, blocks.get(i + 1), set)) {
                joined.add(new Block(block.kind(), block.level(), block.text() + " " + blocks.get(i + 1).text(),
                        block.page(), block.path(), "two pieces that together word a known question"));
                i++;
            } else {
                joined.add(block);
            }
        }
        return joined;
    }

    /**
     * A known question or headline with its grade run on after the question mark ("How well does
     * the force ensure that its workforce behaves ethically and lawfully? Not being graded"), as an
     * untagged PDF joins a bold heading and the bold grade line under it: the question, then its
     * grade line, as the page shows them. The question is one of the cycle's wordings, or, where
     * the pillar is not known yet, a heading shaped as a question.
     */
    private static List<Block> splitGradedQuestions(List<Block> blocks, Optional<QuestionSet> known) {
        List<Block> split = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            int mark = block.text().lastIndexOf('?');
            String question = mark < 0 ? "" : block.text().substring(0, mark + 1);
            String grade = mark < 0 ? "" : block.text().substring(mark + 1).strip();
            if (block.isListItem() || block.isTableRow() || grade.isEmpty() || Grades.fromLine(grade).isEmpty()
                    || !isQuestionOf(known, block, question)) {
                split.add(block);
            } else {
                split.add(block.withText(block.kind(), block.level(), question));
                split.add(block.withText(Block.Kind.PARAGRAPH, 0, grade));
            }
        }
        return split;
    }

    private static boolean isQuestionOf(Optional<QuestionSet> known, Block block, String question) {
        return known.map(set -> QuestionSets.questionNumber(set, questionText(question)).isPresent()
                        || QuestionSets.isHeadline(set, headlineText(question)))
                .orElse(block.isHeading() && isQuestionShaped(question));
    }

    private static boolean wrapsInto(Block first, Block second, QuestionSet set) {
        if (first.isListItem() || first.isTableRow() || second.isListItem() || second.isTableRow()
                || isKnownQuestion(first, set) || first.text().length() + second.text().length() > 400) {
            return false;
        }
        return QuestionSets.isPieceOfKnown(set, questionText(first.text()))
                && QuestionSets.questionNumber(set, questionText(first.text() + " " + second.text())).isPresent();
    }

    private static boolean isKnownQuestion(Block block, QuestionSet set) {
        return !block.isListItem() && !block.isTableRow()
                && QuestionSets.questionNumber(set, questionText(block.text())).isPresent();
    }

    /** A page put up before its grade ("To be graded") is not a report yet: never publish it as one. */
    private void requireGraded(List<Block> header) {
        if (header.stream().anyMatch(b -> INTERIM.matcher(Text.clean(b.text())).matches())) {
            throw reject(RejectReason.INTERIM, "the report is published but not yet graded ('To be graded'); harvest it again once graded");
        }
    }

    /**
     * The report's grade line: the first after the headline, else one set before it (a badge above
     * the headline); never a grade of the summary of question grades, which is a question's.
     */
    private static Optional<Judgment> gradeLine(List<Block> page, int headline, int questionsAt, Set<Integer> questionGrades) {
        return firstOf(page, headline + 1, questionsAt, questionGrades, b -> Grades.fromLine(b.text()))
                .or(() -> firstOf(page, 0, headline, questionGrades, b -> Grades.fromLine(b.text())));
    }

    /** The best date line after the headline ("Last updated" before "Published"), else one before it. */
    private static LocalDate lastUpdated(List<Block> page, int headline, int questionsAt) {
        LocalDate after = DateLines.best(page.subList(Math.min(headline + 1, page.size()), Math.min(questionsAt, page.size())));
        return after != null ? after : DateLines.best(page.subList(0, Math.max(0, Math.min(headline, page.size()))));
    }

    private static <T> Optional<T> firstOf(List<Block> page, int from, int to, Set<Integer> skipped,
                                           java.util.function.Function<Block, Optional<T>> read) {
        for (int i = Math.max(0, from); i < Math.min(to, page.size()); i++) {
            if (!page.get(i).isListItem() && !skipped.contains(i)) {
                Optional<T> value = read.apply(page.get(i));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Between the headline and the questions, less the date, grade, labels, titles and furniture.
     * Where paragraphs stand between the headline and a "Last updated" line with more after it,
     * they introduce the page (the 2015 "Other inspections" text) and the summary starts after it.
     */
    private static String summary(List<Block> page, int headline, int questionsAt, Set<Integer> questionGrades) {
        int from = headline + 1;
        // The label lines under the headline, or under the title of a copy without one ("Other inspections",
        // the pillar's name), are no introduction.
        int start = headline + 1;
        while (start < questionsAt && isHeaderLine(page.get(start)) && !ReportReader.isDateLine(page.get(start).text())) {
            start++;
        }
        for (int i = start; i < Math.min(questionsAt - 1, start + MAX_INTRODUCTION); i++) {
            if (ReportReader.isDateLine(page.get(i).text())) {
                from = i + 1;
                break;
            }
        }
        List<String> summary = new ArrayList<>();
        for (int i = from; i < questionsAt; i++) {
            Block block = page.get(i);
            if (questionGrades.contains(i)) {
                // The summary of question grades ("Our judgments at a glance") is the questions', not the report's.
                continue;
            }
            if (block.isHeading() && i + 1 < page.size() && page.get(i + 1).isTableRow()) {
                // A table's heading ("Our judgments at a glance"): the table is no summary, nor is its heading.
                continue;
            }
            String text = block.isListItem() ? "\u2022 " + block.text() : block.text();
            // Pages have been seen with a paragraph printed twice in a row.
            boolean repeated = !summary.isEmpty() && summary.get(summary.size() - 1).equals(text);
            if (!isHeaderLine(block) && !block.isTableRow() && !repeated) {
                summary.add(text);
            }
        }
        return String.join("\n\n", summary);
    }

    /**
     * The questions from {@code from}. Where the page uses the known wordings of its cycle and
     * pillar, only those start a question; elsewhere a question-shaped line starts one when it
     * stands as the first did (same kind, same heading level) or has its number, so that a
     * sub-heading ending in "?" inside a question's narrative stays narrative.
     */
    private static List<Question> readQuestions(List<Block> page, int from, QuestionSet set, Force force) {
        boolean known = set != null && page.subList(from, page.size()).stream().anyMatch(b -> isKnownQuestion(b, set));
        int endLevel = from < page.size() && page.get(from).isHeading() && QUESTIONS_FOR.matcher(page.get(from).text()).matches()
                ? page.get(from).level() : 0;
        List<Question> questions = new ArrayList<>();
        QuestionBuilder current = null;
        Block first = null;
        Integer pendingNumber = null;
        for (int i = from; i < page.size(); i++) {
            Block block = page.get(i);
            Matcher number = NUMBER_ONLY.matcher(block.text());
            if (number.matches()) {
                pendingNumber = Integer.parseInt(number.group(1));
            } else if (QUESTIONS_FOR.matcher(block.text()).matches()) {
                continue;
            } else if (startsQuestion(block, known, set, first, pendingNumber)) {
                if (current != null) {
                    questions.add(current.build(force));
                }
                first = first == null ? block : first;
                current = QuestionBuilder.start(block, pendingNumber, questions.size() + 1);
                pendingNumber = null;
            } else if (endsQuestions(block, endLevel)) {
                break;
            } else if (current != null) {
                current.add(block);
            }
        }
        if (current != null) {
            questions.add(current.build(force));
        }
        return questions;
    }

    private static boolean startsQuestion(Block block, boolean known, QuestionSet set, Block first, Integer pendingNumber) {
        if (block.isListItem() || block.isTableRow()) {
            return false;
        }
        if (!isQuestionShaped(block.text()) && !(known && isKnownQuestion(block, set))) {
            return false;
        }
        boolean numbered = pendingNumber != null || ReportReader.NUMBERED_QUESTION.matcher(block.text()).matches();
        boolean sameRank = first != null && first.kind() == block.kind() && first.level() == block.level();
        if (known) {
            // A wording the table lacks (a copy's variant) still starts a question when it carries its
            // number and stands as the known ones do; an unnumbered one is a sub-heading of the narrative.
            return isKnownQuestion(block, set) || numbered && sameRank;
        }
        return first == null || numbered || sameRank;
    }

    /** An annex, or a heading as high as "Questions for…" that is no findings heading, ends the questions. */
    private static boolean endsQuestions(Block block, int endLevel) {
        if (!block.isHeading()) {
            return false;
        }
        if (ANNEX.matcher(block.text()).matches()) {
            return true;
        }
        return endLevel > 0 && block.level() <= endLevel && !QuestionBuilder.isFindingsHeading(block.text());
    }

    /**
     * A question whose own section states no grade takes the grade the report's summary states for
     * it ("Norfolk Constabulary is outstanding at planning for the future."), under the same rules
     * as the headline's: present tense, this force, this question.
     */
    private static List<Question> gradedFromSummary(List<Question> questions, String summary, Force force) {
        return questions.stream().map(q -> q.judgment() != null ? q : ProseGrades.stated(summary, q.question(), force)
                .map(grade -> q.withJudgment(grade, JudgmentSource.SUMMARY)).orElse(q)).toList();
    }

    private RejectedDocumentException reject(RejectReason reason, String detail) {
        return new RejectedDocumentException(new Reject(source.url(), "extract", reason, detail));
    }
}
