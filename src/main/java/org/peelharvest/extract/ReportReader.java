package org.peelharvest.extract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.model.Cycle;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Force;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;

/**
 * Turns the blocks of a PEEL pillar page or report, from HTML or PDF alike, into a {@link Report}.
 * It reads the page as a person does (see {@code FORMATS.md}): the title {@code <Force> PEEL <year>},
 * the pillar, the headline question, "Last updated", the grade line, the summary, then
 * "Questions for <Pillar>" with each question's number, text, grade, narrative and
 * "Areas for improvement". A document it cannot read that way is rejected with the reason.
 */
public final class ReportReader {

    private static final Pattern TITLE = Pattern.compile(
            "(?i)^(?<force>.+?)\\s+PEEL\\s+(?:assessments?\\s+)?(?<year>20\\d\\d)(?:/\\d{2,4}|[-\\u2013]\\d{2,4})?"
                    + "(?:\\s*[:|\\-\\u2013]\\s*(?<pillar>effectiveness|efficiency|legitimacy|leadership))?$");
    /** The integrated reports' title: "PEEL 2023–2025: An inspection of Cleveland Police". */
    private static final Pattern INSPECTION_TITLE = Pattern.compile(
            "(?i)^PEEL\\s+(?<year>20\\d\\d)(?:/\\d{2,4}|[-\\u2013]\\d{2,4})?\\s*[:\\-\\u2013]?\\s*(?:an\\s+)?inspection of\\s+(?<force>.+?)\\.?$");
    private static final Pattern COVER_TITLE = Pattern.compile(
            "(?i)^PEEL:?\\s+Police\\s+(?<pillar>effectiveness|efficiency|legitimacy|leadership)\\s+(?<year>20\\d\\d)"
                    + "(?:/\\d\\d)?(?:\\s*[-\\u2013:]\\s*An inspection of\\s+(?<force>.+?))?\\.?$");
    private static final Pattern FORCE_OVERVIEW = Pattern.compile("^(.+?)\\s+(20\\d\\d)(/\\d\\d)?$");
    /** The 2018/19 PDF: "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – An inspection of …". */
    private static final Pattern COMBINED_COVER = Pattern.compile(
            "(?i)^PEEL:?\\s+Police effectiveness, efficiency and legitimacy\\s+20\\d\\d");
    private static final Pattern YEAR_INDEX = Pattern.compile("(?i)\\bThis is an overview of the grades forces");
    /** A report page put up before its grade: "To be graded", "not yet graded". Not a grade, not publishable. */
    private static final Pattern INTERIM = Pattern.compile(
            "(?i)^(?:(?:overall\\s+)?(?:judge?ment|grade|rating)\\s*[:\\-\\u2013]?\\s*)?(to be graded|not yet graded)\\.?$");
    private static final Pattern INSPECTION_OF = Pattern.compile("(?i)^An inspection of\\s+(.+?)\\.?$");
    private static final Pattern QUESTIONS_FOR = Pattern.compile(
            "(?i)^Questions for\\s+(effectiveness|efficiency|legitimacy|leadership)$");
    private static final Pattern LAST_UPDATED = Pattern.compile(
            "(?i)^(?:last updated|updated|published)\\s*:?\\s*(?<date>\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}\\s+[a-z]+\\s+\\d{4})");
    private static final Pattern NUMBER_ONLY = Pattern.compile("(?i)^(?:question\\s+)?(\\d{1,2})[.:]?$");
    static final Pattern NUMBERED_QUESTION = Pattern.compile("(?i)^(?:question\\s+)?(\\d{1,2})[.:)]?\\s+(.+)$");
    private static final Pattern PAGE_REF = Pattern.compile("(\\s\\d{1,3}|\\.{3,}\\s*\\d{1,3})$");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final IntegratedReportReader integrated = new IntegratedReportReader();

    /**
     * @throws RejectedDocumentException when the blocks are not a PEEL report page this reader
     *                                   knows, naming what was missing
     */
    public Report read(List<Block> blocks, Source source) {
        List<Block> page = withoutContentsPage(blocks);
        Title title = findTitle(page, source.url());
        page = page.subList(0, contentEnd(page, title.index()));
        Cycle cycle = Cycle.startingIn(title.year())
                .orElseThrow(() -> reject(source, "unknown-cycle", "no PEEL cycle starts in " + title.year()));
        if (cycle.hasFivePointScale()) {
            return integrated.read(page, title.index(), title.force(), cycle, source);
        }
        return readPillarPage(page, title, cycle, source);
    }

    /** 2014 to 2018/19: a page per pillar, its headline question, grade, summary and questions. */
    private static Report readPillarPage(List<Block> page, Title title, Cycle cycle, Source source) {
        int headline = findHeadline(page, title.index() + 1, source);
        int questionsAt = findQuestions(page, headline + 1);
        Pillar pillar = findPillar(page, title, headline, questionsAt, source);
        requireGraded(page.subList(headline + 1, questionsAt), source);
        Header header = readHeader(page.subList(headline + 1, questionsAt));
        String headlineQuestion = page.get(headline).text();
        List<Question> questions = gradedFromSummary(readQuestions(page, questionsAt, title.force()),
                header.summary(), title.force());
        Optional<Judgment> stated = ProseGrades.stated(header.summary(), headlineQuestion, title.force());
        Judgment judgment = header.badge() != null ? header.badge() : stated.orElse(null);
        JudgmentSource judgmentSource = header.badge() != null ? JudgmentSource.BADGE
                : stated.isPresent() ? JudgmentSource.SUMMARY : null;
        return new Report(title.force(), cycle, pillar, headlineQuestion, judgment, judgmentSource,
                header.lastUpdated(), header.summary(), questions, source);
    }

    /** A page put up before its grade ("To be graded") is not a report yet: never publish it as one. */
    private static void requireGraded(List<Block> header, Source source) {
        if (header.stream().anyMatch(b -> INTERIM.matcher(b.text()).matches())) {
            throw reject(source, "interim", "the report is published but not yet graded ('To be graded'); "
                    + "harvest it again once graded");
        }
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

    private record Title(int index, Force force, int year, Pillar pillar) {
    }

    private record Header(LocalDate lastUpdated, Judgment badge, String summary) {
    }

    /** A PDF's contents page lists headings with page numbers; it is not the headings themselves. */
    private static List<Block> withoutContentsPage(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        boolean inContents = false;
        for (Block block : blocks) {
            if (block.text().equalsIgnoreCase("contents")) {
                inContents = true;
                continue;
            }
            if (inContents && PAGE_REF.matcher(block.text()).find()) {
                continue;
            }
            inContents = false;
            kept.add(block);
        }
        return kept;
    }

    private static Title findTitle(List<Block> page, String url) {
        for (int i = 0; i < page.size(); i++) {
            String text = page.get(i).text();
            Matcher m = TITLE.matcher(text);
            if (m.matches() && !m.group("force").toLowerCase(Locale.ROOT).startsWith("peel")) {
                Pillar pillar = m.group("pillar") == null ? null : Pillar.fromName(m.group("pillar")).orElseThrow();
                return new Title(i, force(m.group("force"), url), Integer.parseInt(m.group("year")), pillar);
            }
            m = INSPECTION_TITLE.matcher(text);
            if (m.matches()) {
                return new Title(i, force(m.group("force"), url), Integer.parseInt(m.group("year")), null);
            }
            m = COVER_TITLE.matcher(text);
            if (m.matches()) {
                String name = m.group("force") != null ? m.group("force") : inspectionOf(page, i, url);
                return new Title(i, force(name, url), Integer.parseInt(m.group("year")),
                        Pillar.fromName(m.group("pillar")).orElseThrow());
            }
        }
        throw notAReport(page, url);
    }

    /**
     * Says what a page without a report title is, when it is one of the site's other pages: a
     * force's overview ("Derbyshire 2017", its pillars' grades in summary) or a year's index of
     * grades ("This is an overview of the grades forces … received for PEEL 2016").
     */
    private static RejectedDocumentException notAReport(List<Block> page, String url) {
        for (Block block : page) {
            String text = block.text();
            if (COMBINED_COVER.matcher(text).find()) {
                return new RejectedDocumentException(new Reject(url, "extract", "combined-report",
                        "a report of all three pillars in one document (2018/19 PDF); "
                                + "each pillar is read from its own page"));
            }
            Matcher overview = FORCE_OVERVIEW.matcher(text);
            if (overview.matches() && Forces.find(overview.group(1)).isPresent()) {
                return new RejectedDocumentException(new Reject(url, "extract", "force-overview",
                        "'" + text + "' is a force's overview page, not a report"));
            }
            if (YEAR_INDEX.matcher(text).find()) {
                return new RejectedDocumentException(new Reject(url, "extract", "year-index",
                        "a year's index of grades, not a report"));
            }
        }
        return new RejectedDocumentException(new Reject(url, "extract", "not-a-report",
                "no PEEL report title ('<Force> PEEL <year>' or 'PEEL: Police <pillar> <year>') was found"));
    }

    private static String inspectionOf(List<Block> page, int titleAt, String url) {
        for (int i = titleAt + 1; i < Math.min(page.size(), titleAt + 4); i++) {
            Matcher m = INSPECTION_OF.matcher(page.get(i).text());
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new RejectedDocumentException(new Reject(url, "extract", "no-force",
                "the cover title is not followed by 'An inspection of <Force>'"));
    }

    private static Force force(String name, String url) {
        return Forces.find(name).orElseThrow(() -> new RejectedDocumentException(new Reject(url, "extract",
                "unknown-force", "'" + name + "' is not one of the 43 police forces of England and Wales")));
    }

    /**
     * The first question after the title; on 2014 pages, whose headline is no question ("How well
     * the force delivers value for money"), the line standing before "Last updated".
     */
    private static int findHeadline(List<Block> page, int from, Source source) {
        int candidate = -1;
        for (int i = from; i < page.size(); i++) {
            Block block = page.get(i);
            if (isQuestion(block)) {
                return i;
            }
            if (LAST_UPDATED.matcher(block.text()).find() && candidate >= 0) {
                return candidate;
            }
            if (!isLabel(block.text())) {
                candidate = i;
            }
        }
        throw reject(source, "no-headline-question", "no headline question follows the title");
    }

    /** A pillar label under the title ("Effectiveness", "Other inspections"). */
    private static boolean isLabel(String text) {
        return Pillar.fromName(text).isPresent() || text.matches("(?i)^other (inspections|reports)$");
    }

    /** The "Questions for <Pillar>" heading, else the first question after the headline. */
    private static int findQuestions(List<Block> page, int from) {
        for (int i = from; i < page.size(); i++) {
            if (QUESTIONS_FOR.matcher(page.get(i).text()).matches()) {
                return i;
            }
        }
        for (int i = from; i < page.size(); i++) {
            if (isQuestion(page.get(i))) {
                return i;
            }
        }
        return page.size();
    }

    /**
     * The pillar label under the title, else the "Questions for" heading, the cover title, or the
     * word the headline question is built on ("How effective…").
     */
    private static Pillar findPillar(List<Block> page, Title title, int headline, int questionsAt, Source source) {
        for (int i = title.index() + 1; i < headline; i++) {
            Optional<Pillar> label = Pillar.fromName(page.get(i).text());
            if (label.isPresent()) {
                return label.get();
            }
        }
        if (questionsAt < page.size()) {
            Matcher m = QUESTIONS_FOR.matcher(page.get(questionsAt).text());
            if (m.matches()) {
                return Pillar.fromName(m.group(1)).orElseThrow();
            }
        }
        if (title.pillar() != null) {
            return title.pillar();
        }
        return pillarOfHeadline(page.get(headline).text())
                .orElseThrow(() -> reject(source, "no-pillar", "no pillar label, 'Questions for' heading or pillar word"));
    }

    private static Optional<Pillar> pillarOfHeadline(String headline) {
        String text = headline.toLowerCase(Locale.ROOT);
        if (text.matches(".*\\beffective(ly)?\\b.*")) {
            return Optional.of(Pillar.EFFECTIVENESS);
        }
        if (text.matches(".*\\befficient(ly)?\\b.*")) {
            return Optional.of(Pillar.EFFICIENCY);
        }
        if (text.matches(".*\\blegitimate(ly)?\\b.*")) {
            return Optional.of(Pillar.LEGITIMACY);
        }
        return Optional.empty();
    }

    /** Between the headline and the questions: the date, the grade line and the summary. */
    private static Header readHeader(List<Block> zone) {
        LocalDate lastUpdated = null;
        Judgment badge = null;
        List<String> summary = new ArrayList<>();
        for (Block block : zone) {
            String text = block.text();
            Matcher date = LAST_UPDATED.matcher(text);
            Optional<Judgment> grade = Grades.fromLine(text);
            if (date.find()) {
                lastUpdated = lastUpdated != null ? lastUpdated : parseDate(date.group("date"));
            } else if (grade.isPresent()) {
                badge = badge != null ? badge : grade.get();
            } else if (isSummaryText(block, summary)) {
                summary.add(block.isListItem() ? "\u2022 " + text : text);
            }
        }
        return new Header(lastUpdated, badge, String.join("\n\n", summary));
    }

    private static boolean isSummaryText(Block block, List<String> sofar) {
        if (QuestionBuilder.NOT_CONTENT.matcher(block.text()).find() || Pillar.fromName(block.text()).isPresent()) {
            return false;
        }
        // Pages have been seen with a paragraph printed twice in a row.
        return sofar.isEmpty() || !sofar.get(sofar.size() - 1).equals(block.text());
    }

    /** The date of a "Last updated" line, or null when the line is not one. */
    static LocalDate dateOf(String line) {
        Matcher date = LAST_UPDATED.matcher(line);
        return date.find() ? parseDate(date.group("date")) : null;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, text.contains("/") ? DAY_FIRST : LONG_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Question> readQuestions(List<Block> page, int from, Force force) {
        List<Question> questions = new ArrayList<>();
        int endLevel = from < page.size() && page.get(from).isHeading() ? page.get(from).level() : 0;
        QuestionBuilder current = null;
        Integer pendingNumber = null;
        for (int i = from; i < page.size(); i++) {
            Block block = page.get(i);
            Matcher number = NUMBER_ONLY.matcher(block.text());
            if (number.matches()) {
                pendingNumber = Integer.parseInt(number.group(1));
            } else if (isQuestion(block) && !QUESTIONS_FOR.matcher(block.text()).matches()) {
                if (current != null) {
                    questions.add(current.build(force));
                }
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

    /**
     * Site furniture after a page's content that a printed page (a PDF made by a browser) keeps
     * as plain lines: the copyright line, contact links, the cookie notice.
     */
    private static final Pattern PAGE_END = Pattern.compile(
            "(?i)^(\u00a9|crown copyright|contact us\\b|we use cookies|this site uses cookies|cookies? (policy|settings)"
                    + "|privacy( policy| notice)?$|accessibility( statement)?$|back to top$)");

    /** Where the page's content ends: at the furniture at its foot, or at the last block. */
    private static int contentEnd(List<Block> page, int titleAt) {
        for (int i = titleAt + 1; i < page.size(); i++) {
            if (PAGE_END.matcher(page.get(i).text()).find()) {
                return i;
            }
        }
        return page.size();
    }

    /** A heading as high as "Questions for…" that is not part of a question ends the section. */
    private static boolean endsQuestions(Block block, int endLevel) {
        if (!block.isHeading() || QUESTIONS_FOR.matcher(block.text()).matches()) {
            return false;
        }
        if (block.text().matches("(?i)^annex\\b.*")) {
            return true;
        }
        boolean findingsHeading = QuestionBuilder.AREAS_FOR_IMPROVEMENT.matcher(block.text()).matches()
                || QuestionBuilder.CAUSES_OF_CONCERN.matcher(block.text()).matches() || QuestionBuilder.RECOMMENDATIONS.matcher(block.text()).matches();
        return endLevel > 0 && block.level() <= endLevel && !findingsHeading;
    }

    /**
     * A short block ending in a question mark, possibly numbered ("2. How effective…?"), and not
     * the last sentence of a paragraph.
     */
    private static boolean isQuestion(Block block) {
        if (block.isListItem()) {
            return false;
        }
        Matcher numbered = NUMBERED_QUESTION.matcher(block.text());
        String text = numbered.matches() ? numbered.group(2) : block.text();
        return text.endsWith("?") && text.split(" ").length <= 45 && !text.contains(". ");
    }

    private static RejectedDocumentException reject(Source source, String reason, String detail) {
        return new RejectedDocumentException(new Reject(source.url(), "extract", reason, detail));
    }

    static Location locationOf(Block block) {
        return new Location(block.page(), block.path());
    }
}
