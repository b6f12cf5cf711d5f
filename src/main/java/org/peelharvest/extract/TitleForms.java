package org.peelharvest.extract;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Folding;
import org.peelharvest.model.Force;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Pillar;

/**
 * Reads what a title, a breadcrumb or a URL says about a report, whatever its form (FORMATS.md,
 * "Title forms seen"): {@code <Force> PEEL 2016}, {@code <Force> PEEL assessment 2023–25 – HMICFRS},
 * {@code PEEL 2021/22: An inspection of <Force>}, {@code PEEL: Police legitimacy 2016 – <Force>
 * Police and Crime Commissioner}, {@code PEEL: Police effectiveness, efficiency and legitimacy
 * 2018/19 – An inspection of <Force>}, and the site's URL paths. A title is read by its parts,
 * not by one pattern: the word PEEL, a cycle year, the pillar words and a force named anywhere in it.
 */
final class TitleForms {

    /**
     * What one title says; any part may be missing. {@code forceText} is the words where a force's
     * name should be: of a title ({@link #ofTitle}) only where it names no force, empty where it
     * does; of an inspection line or a URL, the words or the slug read as the force.
     */
    record Claim(Force force, Integer year, Pillar pillar, boolean allPillars, String forceText, boolean overview) {

        Claim(Force force, Integer year, Pillar pillar, boolean allPillars, String forceText) {
            this(force, year, pillar, allPillars, forceText, false);
        }

    }

    private static final Pattern PEEL = Pattern.compile("\\bPEEL\\b", Pattern.CASE_INSENSITIVE);
    /** A cycle: "2016", "2018/19", "2018–19", "2023-25", "2023–2025". */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/])(20[12]\\d)(?:\\s*[/\\-\\u2013]\\s*(?:20)?\\d\\d)?(?![\\d/])");
    private static final Pattern PILLAR_WORD = Pattern.compile("(?i)\\b(effectiveness|efficiency|legitimacy|leadership)\\b");
    private static final Pattern INSPECTION_OF = Pattern.compile("(?i)^(?:.*[:\\-\\u2013]\\s*)?an inspection of\\s+(.+?)\\.?$");
    private static final Pattern SITE_NAME = Pattern.compile("(?i)\\s*[|\\-\\u2013\\u2014]\\s*HMICFRS\\s*$");
    /** What a title holds beside the force's name, taken out in this order (the last folds the spaces left). */
    private static final java.util.List<Pattern> NOT_THE_FORCE = java.util.List.of(
            Pattern.compile("(?i)\\bPEEL\\b:?|\\bassessments?\\b|\\bpolice\\s+(?=effectiveness|efficiency|legitimacy)"),
            YEAR, PILLAR_WORD, Pattern.compile("(?i)\\ban inspection of\\b"), Pattern.compile("[:\\-\\u2013|,]"),
            Pattern.compile("\\s+"));
    /** Longer than this, a line is a sentence that mentions PEEL, not a title (titles seen run to 14 words). */
    private static final int MAX_TITLE_WORDS = 18;
    private static final Pattern ASSESSMENTS_URL = Pattern.compile(
            "/peel-assessments/peel-(20\\d\\d)/([a-z-]+)(?:/([a-z-]+))?");
    private static final Pattern REPORTS_URL = Pattern.compile("/peel-reports/([a-z-]+?)-(20\\d\\d)-(\\d\\d)(?:/|$)");

    private TitleForms() {
    }

    /** What a title-like line says, or empty when it is no title (no PEEL, no year, or a sentence). */
    static Optional<Claim> ofTitle(String text) {
        if (!mayHold(text, "peel")) {
            return Optional.empty();
        }
        String line = Text.clean(text);
        if (!Folding.containsIgnoringCase(line, "peel") || !PEEL.matcher(line).find() || line.split(" ").length > MAX_TITLE_WORDS || line.contains(". ")) {
            return Optional.empty();
        }
        Matcher year = YEAR.matcher(line);
        Integer cycleYear = year.find() ? Integer.valueOf(year.group(1)) : null;
        Set<Pillar> pillars = pillarWords(line);
        boolean all = pillars.containsAll(EnumSet.of(Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY));
        Pillar pillar = pillars.size() == 1 ? pillars.iterator().next() : null;
        Force force = Forces.findIn(withoutSiteName(line)).orElse(null);
        // Where the force's name should be, asked only of a title that names none (an unknown force's reject quotes it).
        Claim claim = new Claim(force, cycleYear, pillar, all, force == null ? forceText(line) : "");
        return cycleYear == null && force == null ? Optional.empty() : Optional.of(claim);
    }

    /** The force named by a cover's "An inspection of <Force>" line, which has no PEEL and no year. */
    static Optional<Claim> ofInspectionLine(String text) {
        if (!mayHold(text, "inspection")) {
            return Optional.empty();
        }
        String line = Text.clean(text);
        if (!Folding.containsIgnoringCase(line, "an inspection of")) {
            return Optional.empty();
        }
        Matcher m = INSPECTION_OF.matcher(line);
        if (!m.matches() || m.group(1).split(" ").length > 8) {
            return Optional.empty();
        }
        return Forces.findIn(m.group(1)).map(f -> new Claim(f, null, null, false, m.group(1)));
    }

    /**
     * Whether a text may hold a word (lower case, no space) once cleaned: cleaning folds spaces and
     * takes out soft hyphens, so a text with neither the word nor a soft hyphen cannot. Asked of
     * every block before it is cleaned (issue 18's profile).
     */
    private static boolean mayHold(String text, String word) {
        return text.indexOf('\u00ad') >= 0 || Folding.containsIgnoringCase(text, word);
    }

    /**
     * What the site's URL paths say: {@code /peel-assessments/peel-2016/<force>/<pillar>/} (and
     * {@code …/detailed-findings/}), {@code /peel-reports/<force>-2021-22/}. Other addresses say nothing.
     */
    static Optional<Claim> ofUrl(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        Matcher m = REPORTS_URL.matcher(path);
        if (m.find()) {
            Force force = Forces.bySlug(m.group(1)).orElse(null);
            return Optional.of(new Claim(force, Integer.valueOf(m.group(2)), null, false, m.group(1)));
        }
        m = ASSESSMENTS_URL.matcher(path);
        if (m.find()) {
            Force force = Forces.bySlug(m.group(2)).orElse(null);
            Pillar pillar = m.group(3) == null ? null : Pillar.fromName(m.group(3)).orElse(null);
            // /peel-assessments/peel-2017/derbyshire/ with no pillar after the force: the force's overview page.
            boolean overview = force != null && m.group(3) == null;
            return Optional.of(new Claim(force, Integer.valueOf(m.group(1)), pillar, false, m.group(2), overview));
        }
        return Optional.empty();
    }

    private static Set<Pillar> pillarWords(String line) {
        Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
        Matcher m = PILLAR_WORD.matcher(line);
        while (m.find()) {
            pillars.add(Pillar.fromName(m.group(1)).orElseThrow());
        }
        return pillars;
    }

    /** "… | HMICFRS", "… – HMICFRS": the site's name added to a page title. */
    private static String withoutSiteName(String line) {
        return SITE_NAME.matcher(line).replaceFirst("");
    }

    /** The words of a title that are neither PEEL, a year nor a pillar: where a force's name should be. */
    private static String forceText(String line) {
        String text = withoutSiteName(line);
        for (Pattern notTheForce : NOT_THE_FORCE) {
            text = notTheForce.matcher(text).replaceAll(" ");
        }
        return text.strip();
    }
}
