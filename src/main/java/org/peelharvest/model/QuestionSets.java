package org.peelharvest.model;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The closed lists the inspectorate published: each cycle and pillar's headline question and
 * question wordings, and the areas of policing of the integrated reports. Used to recognise a
 * headline and the questions of a page wherever they stand, and to check a report's question count.
 *
 * <p>Sources: the year index pages (shared/corpus/91_…: 2015 and 2018/19 lists, the 2016
 * effectiveness list as restated by a PCC), the report pages of the corpus (headlines, 2016–2017
 * wordings, 2014's headline and the areas of 2021/22 and 2023–25). A set marked {@code complete}
 * is the whole published list, so a report with more questions than it has read a phantom.
 */
public final class QuestionSets {

    /**
     * One cycle and pillar's wordings.
     *
     * @param headlines the headline questions seen (a wording can change slightly between copies)
     * @param questions the numbered questions, in order
     * @param complete  true when {@code questions} is the whole published list
     */
    public record QuestionSet(String cycle, Pillar pillar, List<String> headlines, List<String> questions,
                              boolean complete) {
        public QuestionSet {
            headlines = List.copyOf(headlines);
            questions = List.copyOf(questions);
        }
    }

    private static final String EFFECTIVE_HEADLINE = "How effective is the force at keeping people safe and reducing crime?";
    private static final String EFFICIENT_HEADLINE = "How efficient is the force at keeping people safe and reducing crime?";
    private static final String LEGITIMATE_HEADLINE = "How legitimate is the force at keeping people safe and reducing crime?";
    /** 2016 and 2017 effectiveness (corpus 91 [5], and the 2017 pages of the corpus). */
    private static final List<String> EFFECTIVENESS_2016 = List.of(
            "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
            "How effective is the force at investigating crime and reducing re-offending?",
            "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
            "How effective is the force at tackling serious and organised crime?",
            "How effective are the force\u2019s specialist capabilities?");
    private static final List<String> EFFICIENCY_2016 = List.of(
            "How well does the force understand demand?",
            "How well does the force use its resources to manage current demand?",
            "How well is the force planning for demand in the future?");
    private static final List<String> LEGITIMACY_2016 = List.of(
            "To what extent does the force treat all of the people it serves with fairness and respect?",
            "How well does the force ensure that its workforce behaves ethically and lawfully?",
            "To what extent does the force treat its workforce with fairness and respect?");

    public static final List<QuestionSet> ALL = List.of(
            // 2014: six graded areas of 13 (corpus 91 [4]); the efficiency page's headline is no question.
            new QuestionSet("2014", Pillar.EFFECTIVENESS, List.of(), List.of(
                    "How effective is the force at reducing crime and preventing offending?",
                    "How effective is the force at investigating offending?",
                    "How effective is the force at tackling anti-social behaviour?"), false),
            new QuestionSet("2014", Pillar.EFFICIENCY, List.of("How well the force delivers value for money"), List.of(
                    "To what extent is the force efficient?",
                    "To what extent is the force taking steps to ensure a secure financial position for the short and long term?",
                    "To what extent has the force got an affordable way of providing policing?"), false),
            // 2015 (corpus 91 [1]).
            new QuestionSet("2015", Pillar.EFFECTIVENESS, List.of(EFFECTIVE_HEADLINE), List.of(
                    "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
                    "How effective is the force at investigating crime and managing offenders?",
                    "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
                    "How effective is the force at tackling serious and organised crime, including its arrangement for "
                            + "fulfilling its national policing responsibilities?"), true),
            new QuestionSet("2015", Pillar.EFFICIENCY, List.of(EFFICIENT_HEADLINE), List.of(
                    "How well does the force use its resources to meet its demand?",
                    "How sustainable and affordable is the workforce model?",
                    "How sustainable is the force\u2019s financial position for the short and long term?"), true),
            new QuestionSet("2015", Pillar.LEGITIMACY, List.of(LEGITIMATE_HEADLINE), List.of(
                    "To what extent does practice and behaviour reinforce the wellbeing of staff and an ethical culture?",
                    "To what extent are forces recording crimes in accordance with the Home Office Counting Rules?",
                    "How well does the force understand, engage with and treat fairly the people it serves to maintain "
                            + "and improve its legitimacy?",
                    "To what extent are decisions taken on the use of stop and search and Taser fair and appropriate?"), true),
            // The 2015 leadership list is cut short in the corpus after its fourth question.
            new QuestionSet("2015", Pillar.LEADERSHIP, List.of("How well has the force performed in our other inspections?"),
                    List.of("How well does the force have a clear understanding of the current state of its leadership at every level?",
                            "How well has the force provided a clear and compelling sense of the future direction of the organisation?",
                            "How is the force developing leadership, motivating the workforce and encouraging staff engagement?"),
                    false),
            new QuestionSet("2016", Pillar.EFFECTIVENESS, List.of(EFFECTIVE_HEADLINE), EFFECTIVENESS_2016, true),
            new QuestionSet("2016", Pillar.EFFICIENCY, List.of(EFFICIENT_HEADLINE), EFFICIENCY_2016, true),
            new QuestionSet("2016", Pillar.LEGITIMACY, List.of(LEGITIMATE_HEADLINE), LEGITIMACY_2016, true),
            new QuestionSet("2017", Pillar.EFFECTIVENESS, List.of(EFFECTIVE_HEADLINE), EFFECTIVENESS_2016, true),
            new QuestionSet("2017", Pillar.EFFICIENCY, List.of(EFFICIENT_HEADLINE), EFFICIENCY_2016, false),
            new QuestionSet("2017", Pillar.LEGITIMACY, List.of(LEGITIMATE_HEADLINE), LEGITIMACY_2016, true),
            // 2018/19: ten questions (corpus 91 [2]); headlines from the pillar pages and the PDF's contents (corpus 39).
            new QuestionSet("2018/19", Pillar.EFFECTIVENESS,
                    List.of("How effectively does the force reduce crime and keep people safe?"), EFFECTIVENESS_2016, true),
            new QuestionSet("2018/19", Pillar.EFFICIENCY, List.of(
                    "How efficiently does the force operate and how sustainable are its services to the public?",
                    "How efficiently does the force operate and how sustainable are its services?"), List.of(
                    "How well does the force use its resources to meet the demand it faces?",
                    "How well does the force plan for the future?"), true),
            new QuestionSet("2018/19", Pillar.LEGITIMACY,
                    List.of("How legitimately does the force treat the public and its workforce?"), LEGITIMACY_2016, true),
            // Integrated reports: the areas of policing (the number graded varies by force and can grow).
            new QuestionSet("2021/22", Pillar.INTEGRATED, List.of(), List.of(
                    "Engaging with and treating the public with fairness and respect",
                    "Preventing crime and anti-social behaviour",
                    "Responding to the public",
                    "Investigating crime",
                    "Protecting vulnerable people",
                    "Managing offenders and suspects",
                    "Disrupting serious organised crime",
                    "Building, supporting and protecting the workforce",
                    "Strategic planning, organisational management and value for money"), false),
            new QuestionSet("2023-25", Pillar.INTEGRATED, List.of(), List.of(
                    "Police powers and treating the public fairly and respectfully",
                    "Preventing and deterring crime and anti-social behaviour, and reducing vulnerability",
                    "Responding to the public",
                    "Investigating crime",
                    "Protecting vulnerable people",
                    "Managing offenders and suspects",
                    "Building, supporting and protecting the workforce",
                    "Leadership and force management"), false));

    /** Twice the longest question or headline, in characters: room for any spacing a copy gives a piece of one. */
    private static final int LONGEST_WORDING = 2 * ALL.stream()
            .flatMap(set -> Stream.concat(set.questions().stream(), set.headlines().stream()))
            .mapToInt(String::length).max().orElse(0);

    private QuestionSets() {
    }

    public static Optional<QuestionSet> of(Cycle cycle, Pillar pillar) {
        return ALL.stream().filter(s -> s.cycle().equals(cycle.label()) && s.pillar() == pillar).findFirst();
    }

    /** The number (1-based) of the question of this set that {@code text} words, if it is one. */
    public static Optional<Integer> questionNumber(QuestionSet set, String text) {
        // Every block of a report is asked, several times as a page's questions are found (issue
        // 11's profile): the last answers of this thread are kept, a few hundred, and a text is
        // folded once, not once a question.
        if (text.length() > Recent.LONGEST) {
            return numberOf(set, text);
        }
        Recent recent = RECENT_ANSWERS.get();
        if (recent.set != set) {
            recent.set = set;
            recent.answers.clear();
        }
        return recent.answers.computeIfAbsent(text, t -> numberOf(set, t));
    }

    /**
     * The last answers of one thread for one set (the set whose report is being read): a few
     * hundred texts of at most 4,096 characters, so at most about 2 MB a thread, whatever the document.
     */
    private static final class Recent {
        private static final int SIZE = 256;
        private static final int LONGEST = 4096;
        private QuestionSet set;
        private final Map<String, Optional<Integer>> answers = new java.util.LinkedHashMap<>(SIZE * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Integer>> eldest) {
                return size() > SIZE;
            }
        };
    }

    private static final ThreadLocal<Recent> RECENT_ANSWERS = ThreadLocal.withInitial(Recent::new);

    private static Optional<Integer> numberOf(QuestionSet set, String text) {
        List<String> words = words(text);
        for (int i = 0; i < set.questions().size(); i++) {
            if (sameWording(knownWords(set.questions().get(i)), words)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code text} is the start or the end of one of the set's questions or headlines,
     * but not the whole (three words at least): a heading wrapped over two lines, a column or a
     * page break and read as two blocks. Such a piece is never a headline of its own.
     */
    public static boolean isPieceOfKnown(QuestionSet set, String text) {
        // Every block of a report is asked: a paragraph longer than any wording is none, and is not folded.
        if (text.length() > LONGEST_WORDING) {
            return false;
        }
        List<String> words = words(text);
        if (words.size() < 3) {
            return false;
        }
        return Stream.concat(set.questions().stream(), set.headlines().stream()).map(QuestionSets::knownWords)
                .anyMatch(known -> known.size() > words.size()
                        && (known.subList(0, words.size()).equals(words)
                        || known.subList(known.size() - words.size(), known.size()).equals(words)));
    }

    /** True when {@code text} is one of the set's headline wordings. */
    public static boolean isHeadline(QuestionSet set, String text) {
        List<String> words = words(text);
        return set.headlines().stream().anyMatch(h -> sameWording(knownWords(h), words));
    }

    /** Every set whose headline {@code text} words, for telling the pillar of a page from its headline. */
    public static List<QuestionSet> withHeadline(String text) {
        return ALL.stream().filter(s -> isHeadline(s, text)).toList();
    }

    /**
     * Two wordings of one question: the same words once case, accents, quotes and punctuation are
     * folded, allowing one word in ten to differ (copies differ in "re-offending"/"reoffending",
     * a dropped article or a typo), and never fewer than all but one word of a short question;
     * the words that name a pillar must be the same.
     */
    public static boolean sameWording(String known, String text) {
        return sameWording(words(known), words(text));
    }

    private static boolean sameWording(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int longer = Math.max(a.size(), b.size());
        int allowed = Math.max(1, longer / 10);
        if (Math.abs(a.size() - b.size()) > allowed) {
            // Asked before any set is built: a paragraph is never a question's wording.
            return false;
        }
        // "How effective…" and "How efficient…" differ by one word, and that word is the pillar.
        boolean samePillarWords = a.stream().filter(PILLAR_WORDS::contains).toList()
                .equals(b.stream().filter(PILLAR_WORDS::contains).toList());
        return samePillarWords && longer - shared(a, b) <= allowed;
    }

    /**
     * The words two wordings share, a word counted as often as both have it: "Preventing and deterring
     * crime and anti-social behaviour, and reducing vulnerability" shares all ten words with itself,
     * not the eight different ones (it was no wording of its own set, issue 16).
     */
    private static int shared(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        a.forEach(word -> left.merge(word, 1, Integer::sum));
        int shared = 0;
        for (String word : b) {
            if (left.getOrDefault(word, 0) > 0) {
                left.merge(word, -1, Integer::sum);
                shared++;
            }
        }
        return shared;
    }

    private static final Set<String> PILLAR_WORDS = Set.of("effective", "effectively", "effectiveness", "efficient",
            "efficiently", "efficiency", "legitimate", "legitimately", "legitimacy");

    /** The words of the table's own wordings, folded once: the table is fixed, and small. */
    private static final Map<String, List<String>> KNOWN_WORDS = new ConcurrentHashMap<>();

    private static List<String> knownWords(String known) {
        return KNOWN_WORDS.computeIfAbsent(known, QuestionSets::words);
    }

    private static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * A wording folded for comparison: accents, case and curly quotes folded, hyphens inside a word
     * joined ("re-offending", "reoffending"), other punctuation a space, spaces single.
     */
    public static String fold(String text) {
        if (Folding.isAscii(text)) {
            return foldAscii(text);
        }
        String punctuationToAscii = asciiPunctuation(text);
        return punctuationToAscii != null ? foldAscii(punctuationToAscii) : foldByPatterns(text);
    }

    /**
     * Non-ASCII characters that {@link #foldByPatterns} turns into a space (quotes, dashes, spaces,
     * an ellipsis, a bullet, a pound sign, a soft hyphen), or into an apostrophe ({@code ’}).
     */
    private static final String FOLDED_TO_SPACE = "\u2018\u201c\u201d\u2013\u2014\u00a0\u2026\u2022\u00a3\u2009\u202f\u00ad";

    /** The text with those characters made the ASCII {@link #foldAscii} folds alike, or null if it holds others. */
    private static String asciiPunctuation(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                continue;
            }
            if (c == '\u2019') {
                chars[i] = '\'';
            } else if (FOLDED_TO_SPACE.indexOf(c) >= 0) {
                chars[i] = ' ';
            } else {
                return null;
            }
        }
        return new String(chars);
    }

    /** The definition of {@link #fold}; QuestionSetsTest holds {@link #foldAscii} to its results. */
    static String foldByPatterns(String text) {
        String joined = HYPHEN_IN_WORD.matcher(Folding.plain(text).replace('\u2019', '\'')).replaceAll("");
        return Folding.spaces(NOT_WORD.matcher(joined).replaceAll(" "));
    }

    /**
     * {@link #foldByPatterns} of plain ASCII text in one pass: nothing to decompose, no curly
     * quote; every block of a report is folded to be asked whether it is a question (issue 11).
     */
    static String foldAscii(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-' && i > 0 && i + 1 < lower.length() && isLetter(lower.charAt(i - 1))
                    && isLetter(lower.charAt(i + 1))) {
                continue;
            }
            if (isLetter(c) || c >= '0' && c <= '9' || c == '\'') {
                if (space && !folded.isEmpty()) {
                    folded.append(' ');
                }
                space = false;
                folded.append(c);
            } else {
                space = true;
            }
        }
        return folded.toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=[a-z])[-\u2010\u2011](?=[a-z])");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9' ]+");
}
