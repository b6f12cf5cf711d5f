package org.peelharvest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Force;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SiteChrome;
import org.peelharvest.model.Source;

/**
 * Reads the integrated reports of 2021/22 and 2023–25: no pillar and no overall grade, but
 * "areas of policing", each graded on the five-point scale. The page says how many it grades
 * ("We make graded judgments in eight of these nine as follows:") and then shows the grades as a
 * table or a graphic, which a text copy of the page loses; so the grades are read from table
 * rows (an area and its grade, or a column per grade), from badges, or from an area line followed
 * by its grade, and a page whose grades do not add up to the number it states is rejected rather
 * than published short. Each area becomes a question, numbered in page order, with its section's
 * narrative and findings when the page has one.
 */
final class IntegratedReportReader {

    // Patterns compiled once (String#matches and #split compile theirs on every call).
    private static final Pattern ONE_OR_TWO_DIGITS = Pattern.compile("\\d{1,2}");
    private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.:;?!]$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern GRADED_IN = Pattern.compile(
            "(?i)\\bwe make graded judgments? (?:in|for|on) (\\w+) of (?:these|the) (\\w+)");
    private static final Pattern ALSO_INSPECTED = Pattern.compile("(?i)^we also (inspected|assessed)\\b");
    private static final Pattern NOT_GRADED_HERE = Pattern.compile(
            "(?i)\\bwe (don[\u2019']t|do not) make a graded judgment");
    private static final Pattern TRAILING_GRADE = Pattern.compile(
            "(?i)^(.+?)\\s+(" + Grades.GRADE_WORDS + ")$");
    /** A graphic's tile read in source order as one line: its grade, then its area ("Good Responding to the public"). */
    private static final Pattern LEADING_GRADE = Pattern.compile(
            "(?i)^(" + Grades.GRADE_WORDS + ")\\s+([^.:;!?]+)$");
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");
    /**
     * An area's name in a grades table runs to 11 words ("Preventing and deterring crime and
     * anti-social behaviour, and reducing vulnerability", 2023–25, model/QuestionSets); a line of a
     * grade word after more words than this is a sentence ending in a grade, not a table row.
     */
    private static final int MAX_AREA_WORDS = 16;

    Report read(List<Block> page, int titleAt, Force force, Cycle cycle, Source source) {
        int statement = gradesStatement(page, titleAt, source);
        int expected = number(statement(page.get(statement)).orElseThrow().group(1), source);
        GradesTable table = readGrades(page, statement + 1, cycle);
        if (table.grades().size() != expected) {
            throw reject(source, RejectReason.GRADES_INCOMPLETE, "the page says it grades " + expected
                    + " areas of policing, but its grades table or graphic gives " + table.grades().size()
                    + " (a copy without the table cannot be read with confidence)");
        }
        Map<String, Integer> sections = sectionStarts(page, table.end(), table.grades().keySet());
        int firstSection = sections.values().stream().min(Integer::compare).orElse(page.size());
        List<Question> questions = questions(page, table, sections, force);
        questions.addAll(ungradedAreas(page, firstSection, table, questions.size(), force));
        return new Report(force, cycle, Pillar.INTEGRATED, "", null, null, lastUpdated(page, titleAt, firstSection),
                summary(page, titleAt, statement, table.end(), firstSection), questions, source);
    }

    /** The areas in page order with their grades, and where the table or graphic ends. */
    private record GradesTable(Map<String, Judgment> grades, int end) {
    }

    private static int gradesStatement(List<Block> page, int titleAt, Source source) {
        for (int i = titleAt + 1; i < page.size(); i++) {
            if (statement(page.get(i)).isPresent()) {
                return i;
            }
        }
        throw reject(source, RejectReason.NO_GRADES_STATEMENT,
                "an integrated report says 'We make graded judgments in M of these N areas'; this page does not");
    }

    /** Where the page states how many areas it grades, -1 where it does not. */
    static int statementIndex(List<Block> page) {
        for (int i = 0; i < page.size(); i++) {
            if (statement(page.get(i)).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Matcher> statement(Block block) {
        Matcher m = GRADED_IN.matcher(block.text());
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    private static int number(String word, Source source) {
        if (ONE_OR_TWO_DIGITS.matcher(word).matches()) {
            return Integer.parseInt(word);
        }
        int index = NUMBER_WORDS.indexOf(word.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw reject(source, RejectReason.NO_GRADES_STATEMENT, "cannot read the number of graded areas '" + word + "'");
        }
        return index;
    }

    /**
     * A graphic read in source order may give each area before its grade or each grade before its
     * area ("Good" / "Police powers and public treatment"). Both readings are made; the one that
     * pairs more grades with areas of the cycle's list is taken, the area first where they tie.
     */
    private static GradesTable readGrades(List<Block> page, int from, Cycle cycle) {
        Optional<QuestionSets.QuestionSet> set = QuestionSets.of(cycle, Pillar.INTEGRATED);
        GradesTable areaFirst = readGrades(page, from, false, set);
        GradesTable gradeFirst = readGrades(page, from, true, set);
        return set.isPresent() && knownAreas(gradeFirst, set.get()) > knownAreas(areaFirst, set.get()) ? gradeFirst : areaFirst;
    }

    private static long knownAreas(GradesTable table, QuestionSets.QuestionSet set) {
        return table.grades().keySet().stream().filter(area -> QuestionSets.questionNumber(set, area).isPresent()).count();
    }

    private static GradesTable readGrades(List<Block> page, int from, boolean gradeFirst, Optional<QuestionSets.QuestionSet> set) {
        Map<String, Judgment> grades = new LinkedHashMap<>();
        Map<Integer, Judgment> columnGrades = new LinkedHashMap<>();
        String pendingArea = null;
        Judgment pendingGrade = null;
        int lastAt = -1;
        int i = from;
        for (; i < page.size(); i++) {
            Block block = page.get(i);
            String text = block.text();
            int read = grades.size();
            if (ALSO_INSPECTED.matcher(text).find() || endsTable(block, grades)) {
                break;
            }
            if (block.isTableRow()) {
                readRow(block.cells(), columnGrades, grades);
                continue;
            }
            Optional<Judgment> grade = Grades.fromLine(text);
            String last = grades.isEmpty() ? null : List.copyOf(grades.keySet()).get(grades.size() - 1);
            if (grade.isEmpty() && set.isPresent() && lastAt == i - 1 && continues(last, text, set.get())) {
                renameLast(grades, last, last + " " + text);
                lastAt = i;
                continue;
            }
            Matcher trailing = TRAILING_GRADE.matcher(text);
            Matcher leading = LEADING_GRADE.matcher(text);
            if (grade.isPresent() && gradeFirst) {
                pendingGrade = grade.get();
            } else if (grade.isPresent() && pendingArea != null) {
                grades.put(pendingArea, grade.get());
                pendingArea = null;
            } else if (grade.isEmpty() && trailing.matches() && words(trailing.group(1)) <= MAX_AREA_WORDS) {
                grades.put(trailing.group(1), Judgment.fromLabel(trailing.group(2)).orElseThrow());
            } else if (grade.isEmpty() && leading.matches() && words(leading.group(2)) <= MAX_AREA_WORDS) {
                grades.put(leading.group(2), Judgment.fromLabel(leading.group(1)).orElseThrow());
            } else if (grade.isEmpty() && gradeFirst && pendingGrade != null) {
                grades.put(text, pendingGrade);
                pendingGrade = null;
            } else if (grade.isEmpty()) {
                pendingArea = text;
            }
            lastAt = grades.size() > read ? i : lastAt;
        }
        return new GradesTable(grades, i);
    }

    /**
     * A line that carries on the area just read, as an untagged PDF's table cell wrapped over lines
     * reads ("Police powers and treating the public fairly and Good" / "respectfully"): the area so
     * far is not word for word one of the cycle's, and with the line it is one, or the start of one.
     * Word for word: the cycle's wordings are matched loosely elsewhere, and a line short of its last
     * word would pass.
     */
    private static boolean continues(String area, String line, QuestionSets.QuestionSet set) {
        String joined = area + " " + line;
        return !isAreaWording(area, set) && words(joined) <= MAX_AREA_WORDS
                && (isAreaWording(joined, set) || QuestionSets.isPieceOfKnown(set, joined));
    }

    private static boolean isAreaWording(String text, QuestionSets.QuestionSet set) {
        String folded = QuestionSets.fold(text);
        return set.questions().stream().anyMatch(area -> QuestionSets.fold(area).equals(folded));
    }

    /** The last area read, renamed in its place. */
    private static void renameLast(Map<String, Judgment> grades, String last, String renamed) {
        Judgment grade = grades.remove(last);
        grades.put(renamed, grade);
    }

    /**
     * The table is over at a heading or a paragraph of prose once some areas were read; a grade set
     * as a heading (a graphic's tile drawn large) is the table's own.
     */
    private static boolean endsTable(Block block, Map<String, Judgment> grades) {
        if (grades.isEmpty() || block.isTableRow() || Grades.fromLine(block.text()).isPresent()) {
            return false;
        }
        return block.isHeading() || words(block.text()) > MAX_AREA_WORDS;
    }

    /**
     * A row is either a header naming a grade per column (the areas then stand in the column of
     * their grade), or an area with its grade in another cell.
     */
    private static void readRow(List<String> cells, Map<Integer, Judgment> columnGrades, Map<String, Judgment> grades) {
        Map<Integer, Judgment> gradeCells = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            int column = c;
            Grades.fromLine(cells.get(c)).ifPresent(g -> gradeCells.put(column, g));
        }
        if (gradeCells.size() >= 2) {
            columnGrades.clear();
            columnGrades.putAll(gradeCells);
            return;
        }
        if (!columnGrades.isEmpty()) {
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isBlank() && columnGrades.containsKey(c)) {
                    grades.put(cells.get(c), columnGrades.get(c));
                }
            }
            return;
        }
        if (gradeCells.size() == 1) {
            cells.stream().filter(cell -> !cell.isBlank() && Grades.fromLine(cell).isEmpty()).findFirst()
                    .ifPresent(area -> grades.put(area, gradeCells.values().iterator().next()));
        }
    }

    /** Where each graded area's own section starts: a line after the table that is the area's name. */
    private static Map<String, Integer> sectionStarts(List<Block> page, int from, Iterable<String> areas) {
        Map<String, Integer> starts = new LinkedHashMap<>();
        for (String area : areas) {
            for (int i = from; i < page.size(); i++) {
                Block block = page.get(i);
                if (!block.isListItem() && !block.isTableRow() && QuestionSets.fold(block.text()).equals(QuestionSets.fold(area))) {
                    starts.put(area, i);
                    break;
                }
            }
        }
        return starts;
    }

    private static List<Question> questions(List<Block> page, GradesTable table, Map<String, Integer> sections,
                                            Force force) {
        List<Question> questions = new ArrayList<>();
        int number = 1;
        for (Map.Entry<String, Judgment> area : table.grades().entrySet()) {
            Integer start = sections.get(area.getKey());
            QuestionBuilder section = QuestionBuilder.start(
                    start != null ? page.get(start) : Block.paragraph(area.getKey()), number, number);
            if (start != null) {
                for (int i = start + 1; i < sectionEnd(page, start, sections); i++) {
                    section.add(page.get(i));
                }
            }
            // The grades table is the page's statement of the grade; it is read as the badge.
            questions.add(section.build(force).withJudgment(area.getValue(), JudgmentSource.BADGE));
            number++;
        }
        return questions;
    }

    /** A section runs to the next area's section, or to a heading as high as its own. */
    private static int sectionEnd(List<Block> page, int start, Map<String, Integer> sections) {
        Block heading = page.get(start);
        for (int i = start + 1; i < page.size(); i++) {
            Block block = page.get(i);
            if (sections.containsValue(i) || heading.isHeading() && block.isHeading() && block.level() <= heading.level()) {
                return i;
            }
        }
        return page.size();
    }

    /**
     * An area inspected but not graded (the victim service assessment): a section heading after the
     * graded areas whose text says that no graded judgment is made. Such an area is Ungraded.
     */
    private static List<Question> ungradedAreas(List<Block> page, int from, GradesTable table, int graded, Force force) {
        List<Question> areas = new ArrayList<>();
        for (int i = from; i < page.size(); i++) {
            Block block = page.get(i);
            if (!block.isHeading() || table.grades().keySet().stream().anyMatch(a -> QuestionSets.fold(a).equals(QuestionSets.fold(block.text())))) {
                continue;
            }
            int end = headingEnd(page, i);
            boolean notGraded = page.subList(i + 1, end).stream().anyMatch(b -> NOT_GRADED_HERE.matcher(b.text()).find());
            if (notGraded) {
                QuestionBuilder section = QuestionBuilder.start(block, graded + areas.size() + 1, graded + areas.size() + 1);
                page.subList(i + 1, end).forEach(section::add);
                areas.add(section.build(force).withJudgment(Judgment.UNGRADED, JudgmentSource.BADGE));
            }
        }
        return areas;
    }

    private static int headingEnd(List<Block> page, int start) {
        for (int i = start + 1; i < page.size(); i++) {
            if (page.get(i).isHeading() && page.get(i).level() <= page.get(start).level()) {
                return i;
            }
        }
        return page.size();
    }

    private static LocalDate lastUpdated(List<Block> page, int titleAt, int end) {
        return DateLines.best(page.subList(titleAt + 1, end));
    }

    /** The page's paragraphs before the first area section, less the grades table and the date line. */
    private static String summary(List<Block> page, int titleAt, int tableStart, int tableEnd, int end) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = titleAt + 1; i < end; i++) {
            Block block = page.get(i);
            boolean inTable = i > tableStart && i < tableEnd;
            if (!inTable && !block.isTableRow() && !isSectionTitle(block) && !ReportReader.isDateLine(block.text())
                    && !SiteChrome.NOT_CONTENT.foundIn(block.text())) {
                paragraphs.add(block.isListItem() ? "\u2022 " + block.text() : block.text());
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * A heading, or a line that reads like one where a page builder writes headings as bold
     * paragraphs ("Overall summary"): short and not a sentence.
     */
    private static boolean isSectionTitle(Block block) {
        return block.isHeading() || words(block.text()) <= 8 && !ENDS_A_SENTENCE.matcher(block.text()).matches();
    }

    private static int words(String text) {
        return SPACES.split(text).length;
    }

    private static RejectedDocumentException reject(Source source, RejectReason reason, String detail) {
        return new RejectedDocumentException(new Reject(source.url(), "extract", reason, detail));
    }
}
