package org.peelharvest.harvest;

import java.time.Duration;
import java.util.List;

/**
 * How politely and how far a harvest goes.
 *
 * @param allow            canonical URL prefixes the harvest stays inside
 * @param requestsPerSecond the most requests a second to one host (robots.txt Crawl-delay may slow it)
 * @param userAgent        names the project and a contact address
 * @param requestTimeout   one deadline per request, for connecting, the headers and the body together
 * @param maxBytes         the largest response body kept; a larger one is a failure
 * @param maxAttempts      tries per URL on timeouts, resets, 5xx and 429
 * @param maxPages         a bound on the pages fetched, against a site that never ends
 * @param limits           the bounds on the URLs known, the links read from a page and the harvest's duration
 */
public record HarvestSettings(List<String> allow, double requestsPerSecond, String userAgent, Duration connectTimeout,
                              Duration requestTimeout, long maxBytes, int maxAttempts, Duration firstBackoff,
                              Duration maxBackoff, int maxPages, HarvestLimits limits) {

    public static final String DEFAULT_USER_AGENT =
            "peel-harvest/0.1 (+https://github.com/peel-harvest; mailto:peel-harvest@example.org)";

    /** Requests a second to one host (robots.txt Crawl-delay may ask for fewer). */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 1;

    /** The longest one request may take, in seconds, connecting, the headers and the body together. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /**
     * The upper bounds of what a user may set (issue 17): a faster rate is no polite harvest; a
     * longer timeout than an hour holds a connection for nothing (and past 24 days overflowed the
     * socket's timeout); more pages than this outgrow the URLs a harvest may know.
     */
    public static final int MOST_REQUESTS_PER_SECOND = 100;
    static final int LONGEST_TIMEOUT_SECONDS = 3600;
    static final int MOST_PAGES = HarvestLimits.MOST_URLS;

    /** Every check names the value it refuses, as the user wrote it (issue 9: usage is exit 2, one line). */
    public HarvestSettings {
        allow = allow.stream().map(p -> UrlCanonicalizer.canonical(p).orElseThrow(
                () -> new IllegalArgumentException("allow '" + p + "' is not an http or https URL prefix"))).toList();
        // Written so that NaN is refused too.
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rate must be a number of requests a second above 0, not "
                    + number(requestsPerSecond));
        }
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user-agent must name the project and a contact address on one line, not '"
                    + userAgent + "'");
        }
        if (requestsPerSecond > MOST_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("rate must be at most " + MOST_REQUESTS_PER_SECOND
                    + " requests a second, not " + number(requestsPerSecond));
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be above 0 seconds, not " + requestTimeout.toSeconds());
        }
        if (requestTimeout.compareTo(Duration.ofSeconds(LONGEST_TIMEOUT_SECONDS)) > 0) {
            throw new IllegalArgumentException("timeout must be at most " + LONGEST_TIMEOUT_SECONDS + " seconds, not "
                    + requestTimeout.toSeconds());
        }
        if (maxPages < 1 || maxPages > MOST_PAGES) {
            throw new IllegalArgumentException("max-pages must be between 1 and " + MOST_PAGES + ", not " + maxPages);
        }
    }

    /** Settings with the default {@link HarvestLimits}. */
    public HarvestSettings(List<String> allow, double requestsPerSecond, String userAgent, Duration connectTimeout,
                           Duration requestTimeout, long maxBytes, int maxAttempts, Duration firstBackoff,
                           Duration maxBackoff, int maxPages) {
        this(allow, requestsPerSecond, userAgent, connectTimeout, requestTimeout, maxBytes, maxAttempts, firstBackoff,
                maxBackoff, maxPages, HarvestLimits.DEFAULTS);
    }

    /** These settings with other limits. */
    public HarvestSettings with(HarvestLimits other) {
        return new HarvestSettings(allow, requestsPerSecond, userAgent, connectTimeout, requestTimeout, maxBytes,
                maxAttempts, firstBackoff, maxBackoff, maxPages, other);
    }

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    public static HarvestSettings defaults(List<String> allow) {
        return new HarvestSettings(allow, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_USER_AGENT, Duration.ofSeconds(10), DEFAULT_REQUEST_TIMEOUT,
                50L * 1024 * 1024, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 20_000);
    }

    /**
     * The settings of a harvest from {@code seeds}: the defaults with the user's choices. A value
     * that cannot be used (a seed or prefix that is no http or https URL, a rate or timeout not above
     * 0) is an {@link IllegalArgumentException} whose message names it, found before any work.
     */
    public static HarvestSettings forHarvest(List<String> seeds, List<String> allow, double requestsPerSecond,
                                             String userAgent, Duration requestTimeout, HarvestLimits limits) {
        seeds.stream().filter(seed -> UrlCanonicalizer.canonical(seed).isEmpty()).findFirst().ifPresent(seed -> {
            throw new IllegalArgumentException("seed '" + seed + "' is not an http or https URL");
        });
        HarvestSettings defaults = defaults(allow);
        return new HarvestSettings(defaults.allow(), requestsPerSecond, userAgent, defaults.connectTimeout(),
                requestTimeout, defaults.maxBytes(), defaults.maxAttempts(), defaults.firstBackoff(),
                defaults.maxBackoff(), defaults.maxPages(), limits);
    }

    private static String number(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    public boolean allows(String canonicalUrl) {
        return refusal(canonicalUrl).isEmpty();
    }

    /**
     * Why a canonical URL may not be fetched, or empty when it may: it must be under an allowed
     * prefix both as written and as a lenient server may read it ({@link UrlCanonicalizer#asServersMayRead}).
     */
    public java.util.Optional<String> refusal(String canonicalUrl) {
        if (allow.stream().noneMatch(canonicalUrl::startsWith)) {
            return java.util.Optional.of("outside the allowed prefixes");
        }
        String asRead = UrlCanonicalizer.asServersMayRead(canonicalUrl);
        if (allow.stream().noneMatch(asRead::startsWith)) {
            return java.util.Optional.of("escapes the allowed prefixes as a server may read it: " + asRead);
        }
        return java.util.Optional.empty();
    }
}
