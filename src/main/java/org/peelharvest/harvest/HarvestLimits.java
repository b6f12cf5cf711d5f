package org.peelharvest.harvest;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far one harvest may grow, against a site that never ends (issue 17): the URLs it keeps track
 * of (waiting and seen), the links it reads from one page, and how long it may run. The defaults
 * hold the real site (about 3,000 URLs a cycle, a few hundred links a page, an hour at one request
 * a second) many times over; what a limit leaves out is counted in the snapshot's log.
 *
 * @param maxUrls         the most URLs a harvest knows: queued, fetched or refused together
 * @param maxLinksPerPage the most links followed from one page; the rest are counted, not followed
 * @param maxDuration     the longest a harvest runs; past it, it stops between two requests and
 *                        seals its snapshot, the URLs left counted as skipped
 */
public record HarvestLimits(int maxUrls, int maxLinksPerPage, Duration maxDuration) {

    public static final int DEFAULT_MAX_URLS = 100_000;
    public static final int DEFAULT_MAX_LINKS_PER_PAGE = 5_000;
    public static final String DEFAULT_MAX_DURATION = "6h";

    /** About 300 MB of URLs at their longest: more than the default heap can hold beside a harvest's work. */
    static final int MOST_URLS = 1_000_000;
    static final int MOST_LINKS_PER_PAGE = 100_000;
    static final Duration LONGEST = Duration.ofHours(48);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([hms])");

    public static final HarvestLimits DEFAULTS = new HarvestLimits(DEFAULT_MAX_URLS, DEFAULT_MAX_LINKS_PER_PAGE,
            duration(DEFAULT_MAX_DURATION));

    /** Every check names the setting and the value it refuses (issue 17: usage is exit 2, one line). */
    public HarvestLimits {
        if (maxUrls < 1 || maxUrls > MOST_URLS) {
            throw new IllegalArgumentException("max-urls must be between 1 and " + MOST_URLS + ", not " + maxUrls);
        }
        if (maxLinksPerPage < 1 || maxLinksPerPage > MOST_LINKS_PER_PAGE) {
            throw new IllegalArgumentException("max-links-per-page must be between 1 and " + MOST_LINKS_PER_PAGE
                    + ", not " + maxLinksPerPage);
        }
        if (maxDuration.compareTo(Duration.ofSeconds(1)) < 0 || maxDuration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("max-duration must be between 1s and " + LONGEST.toHours() + "h, not "
                    + text(maxDuration));
        }
    }

    /**
     * The limits as a user gave them, on the command line or in a job file, each null where not
     * given; {@link #limits} fills in the defaults and checks them.
     */
    public record Given(Integer maxUrls, Integer maxLinksPerPage, String maxDuration) {

        public static final Given NONE = new Given(null, null, null);

        /** These values, and {@code under}'s where these give none. */
        public Given over(Given under) {
            return new Given(maxUrls != null ? maxUrls : under.maxUrls,
                    maxLinksPerPage != null ? maxLinksPerPage : under.maxLinksPerPage,
                    maxDuration != null ? maxDuration : under.maxDuration);
        }

        public HarvestLimits limits() {
            return new HarvestLimits(maxUrls != null ? maxUrls : DEFAULT_MAX_URLS,
                    maxLinksPerPage != null ? maxLinksPerPage : DEFAULT_MAX_LINKS_PER_PAGE,
                    duration(maxDuration != null ? maxDuration : DEFAULT_MAX_DURATION));
        }
    }

    /** A duration as a person writes it: a whole number of hours, minutes or seconds ({@code 6h}, {@code 90m}, {@code 30s}). */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("max-duration must be a whole number of hours, minutes or seconds "
                    + "(6h, 90m, 30s), not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** A duration as {@link #duration} reads it, in its largest whole unit. */
    public static String text(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
