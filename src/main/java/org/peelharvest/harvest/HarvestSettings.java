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
 */
public record HarvestSettings(List<String> allow, double requestsPerSecond, String userAgent, Duration connectTimeout,
                              Duration requestTimeout, long maxBytes, int maxAttempts, Duration firstBackoff,
                              Duration maxBackoff, int maxPages) {

    public static final String DEFAULT_USER_AGENT =
            "peel-harvest/0.1 (+https://github.com/peel-harvest; mailto:peel-harvest@example.org)";

    public HarvestSettings {
        allow = allow.stream().map(p -> UrlCanonicalizer.canonical(p).orElseThrow(
                () -> new IllegalArgumentException("not a URL prefix: " + p))).toList();
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("the rate must be above 0 requests a second");
        }
    }

    public static HarvestSettings defaults(List<String> allow) {
        return new HarvestSettings(allow, 1.0, DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                50L * 1024 * 1024, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 20_000);
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
