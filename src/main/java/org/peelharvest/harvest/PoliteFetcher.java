package org.peelharvest.harvest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Fetches one URL at a time the way a polite harvester should: robots.txt obeyed (RFC 9309, read
 * with crawler-commons: a 4xx robots.txt allows everything, an unreachable one means wait, retry
 * and, failing that, fetch nothing from that host), no more than the set rate per host (slower
 * when robots.txt asks with Crawl-delay), a User-Agent that names the project, one deadline per
 * request for connecting, the headers and the body together, a size
 * limit, at most five redirects and only into the allowed prefixes, retries with exponential
 * backoff and jitter on timeouts, resets, 5xx and 429 (honouring Retry-After), and conditional
 * requests when an earlier snapshot knows the page's validators. Requests go out through
 * {@link WireClient}, which keeps the bytes exchanged for the snapshot.
 */
public final class PoliteFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CHALLENGE = Pattern.compile(
            "(?i)(captcha|cf-chl|challenge-platform|just a moment\\.\\.\\.|verify you are human|access denied)");

    private final HarvestSettings settings;
    private final WireClient client;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Instant> nextRequest = new HashMap<>();

    public PoliteFetcher(HarvestSettings settings) {
        this.settings = settings;
        this.client = new WireClient(settings.connectTimeout(), settings.requestTimeout(), settings.maxBytes());
    }

    /** Validators of an earlier capture, for a conditional request; either may be null. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    public Fetch get(String url, Validators validators) throws InterruptedException {
        return get(url, validators, target -> true);
    }

    /** @param follow whether to follow a redirect to a URL (a harvest declines those it already has) */
    public Fetch get(String url, Validators validators, java.util.function.Predicate<String> follow)
            throws InterruptedException {
        String current = url;
        int attempts = 0;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            if (!robotsFor(current).isAllowed(current)) {
                return ended(url, current, Fetch.Outcome.REFUSED_BY_ROBOTS, 0, "robots.txt disallows " + current, attempts);
            }
            Attempted result = withRetries(current, redirects == 0 ? validators : Validators.NONE);
            attempts += result.attempts();
            Fetch fetch = result.fetch();
            String location = fetch.header("Location");
            if (fetch.status() / 100 != 3 || fetch.status() == 304 || location == null) {
                return new Fetch(url, current, fetch.outcome(), fetch.status(), fetch.headers(), fetch.body(),
                        fetch.reason(), attempts, fetch.date(), fetch.exchange());
            }
            String next = UrlCanonicalizer.resolve(current, location).orElse(null);
            if (next == null || !settings.allows(next)) {
                return ended(url, current, Fetch.Outcome.FAILED, fetch.status(),
                        "redirect to " + location + ", outside the allowed prefixes", attempts);
            }
            if (!follow.test(next)) {
                return ended(url, next, Fetch.Outcome.REDIRECTED_TO_SEEN, fetch.status(),
                        "redirects to " + next + ", already harvested", attempts);
            }
            current = next;
        }
        return ended(url, current, Fetch.Outcome.FAILED, 0, "more than " + MAX_REDIRECTS + " redirects", attempts);
    }

    private record Attempted(Fetch fetch, int attempts) {
    }

    private Attempted withRetries(String url, Validators validators) throws InterruptedException {
        Fetch last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                last = once(url, validators);
                if (!retryable(last.status())) {
                    return new Attempted(last, attempt);
                }
                wait = retryAfter(last.header("Retry-After")).orElse(backoff(attempt));
            } catch (IOException e) {
                last = ended(url, url, Fetch.Outcome.FAILED, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), attempt);
                wait = backoff(attempt);
            }
            if (attempt < settings.maxAttempts()) {
                Thread.sleep(Math.min(wait.toMillis(), settings.maxBackoff().toMillis()));
            }
        }
        String reason = last.status() == 0 ? last.reason() : "HTTP " + last.status();
        return new Attempted(new Fetch(url, url, Fetch.Outcome.FAILED, last.status(), last.headers(), new byte[0],
                reason + " after " + settings.maxAttempts() + " attempts", settings.maxAttempts(), last.date(),
                last.exchange()),
                settings.maxAttempts());
    }

    private Fetch once(String url, Validators validators) throws IOException, InterruptedException {
        pace(URI.create(url));
        List<Exchange.Header> headers = new ArrayList<>();
        headers.add(new Exchange.Header("User-Agent", settings.userAgent()));
        headers.add(new Exchange.Header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5"));
        if (validators.etag() != null) {
            headers.add(new Exchange.Header("If-None-Match", validators.etag()));
        }
        if (validators.lastModified() != null) {
            headers.add(new Exchange.Header("If-Modified-Since", validators.lastModified()));
        }
        try {
            Exchange answer = client.get(URI.create(url), headers);
            Instant date = Instant.now();
            if (answer.cut()) {
                return new Fetch(url, url, Fetch.Outcome.FAILED, answer.status(), answer.headerMap(), new byte[0],
                        "larger than the " + settings.maxBytes() + "-byte limit", 1, date, answer);
            }
            return classify(url, answer, date);
        } finally {
            finished(URI.create(url));
        }
    }

    private static Fetch classify(String url, Exchange answer, Instant date) {
        int status = answer.status();
        Map<String, List<String>> headers = answer.headerMap();
        byte[] body = answer.payload();
        if (status == 403 || (status == 200 || status == 503) && looksLikeChallenge(answer)) {
            return new Fetch(url, url, Fetch.Outcome.BLOCKED, status, headers, new byte[0],
                    "blocked: " + (status == 403 ? "403 Forbidden" : "a bot-challenge page"), 1, date, answer);
        }
        if (status == 200) {
            return new Fetch(url, url, Fetch.Outcome.FETCHED, status, headers, body, "", 1, date, answer);
        }
        if (status == 304) {
            return new Fetch(url, url, Fetch.Outcome.NOT_MODIFIED, status, headers, new byte[0], "not modified", 1, date,
                    answer);
        }
        return new Fetch(url, url, Fetch.Outcome.FAILED, status, headers, new byte[0], "HTTP " + status, 1, date, answer);
    }

    private static boolean looksLikeChallenge(Exchange answer) {
        String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type").toLowerCase(Locale.ROOT);
        if (!type.contains("html") || answer.payload().length > 64 * 1024) {
            return false;
        }
        return CHALLENGE.matcher(new String(answer.payload(), StandardCharsets.ISO_8859_1)).find();
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500 && status != 501;
    }

    /** 1, 2, 4, 8 … times the first backoff, capped, with up to half of it taken off at random. */
    private Duration backoff(int attempt) {
        long base = Math.min(settings.maxBackoff().toMillis(), settings.firstBackoff().toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(base - ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110, 10.2.3). */
    private static java.util.Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        if (value.strip().matches("\\d+")) {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return java.util.Optional.of(Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), at));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Waits until the host may be asked again. */
    private void pace(URI uri) throws InterruptedException {
        Instant allowed = nextRequest.get(hostKey(uri));
        // To the microsecond: a sleep in whole milliseconds, rounded up, cost a twentieth of the rate at
        // 50 requests a second (issue 11's re-harvest measure).
        while (allowed != null && Instant.now().isBefore(allowed)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.between(Instant.now(), allowed).toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting to ask " + uri.getHost() + " again");
            }
        }
    }

    /**
     * Books the host's next slot once a request has ended, so the interval separates one answer
     * from the next request, however long the answer took.
     */
    private void finished(URI uri) {
        String host = hostKey(uri);
        long interval = (long) Math.ceil(1000 / settings.requestsPerSecond());
        BaseRobotRules rules = robots.get(host);
        if (rules != null && rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY) {
            interval = Math.max(interval, rules.getCrawlDelay());
        }
        nextRequest.put(host, Instant.now().plusMillis(interval));
    }

    /** The host's robots.txt rules, fetched once per harvest. */
    private BaseRobotRules robotsFor(String url) throws InterruptedException {
        URI uri = URI.create(url);
        String host = hostKey(uri);
        BaseRobotRules rules = robots.get(host);
        if (rules == null) {
            rules = fetchRobots(host);
            robots.put(host, rules);
        }
        return rules;
    }

    private BaseRobotRules fetchRobots(String host) throws InterruptedException {
        String robotsUrl = host + "/robots.txt";
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                pace(URI.create(robotsUrl));
                Exchange response;
                try {
                    response = client.get(URI.create(robotsUrl),
                            List.of(new Exchange.Header("User-Agent", settings.userAgent())));
                } finally {
                    finished(URI.create(robotsUrl));
                }
                int status = response.status();
                if (status == 200) {
                    // RFC 9309, 2.5: a crawler may stop parsing at a limit; what came before it is read.
                    String type = response.header("Content-Type") == null ? "text/plain" : response.header("Content-Type");
                    return parser.parseContent(robotsUrl, response.payload(), type, List.of(robotName()));
                }
                if (status >= 400 && status < 500) {
                    // RFC 9309, 2.3.1.3: an unavailable robots.txt (4xx) allows everything.
                    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                }
            } catch (IOException e) {
                // unreachable: wait and try again, as for a 5xx
            }
            if (attempt < settings.maxAttempts()) {
                Thread.sleep(Math.min(backoff(attempt).toMillis(), settings.maxBackoff().toMillis()));
            }
        }
        // RFC 9309, 2.3.1.4: an unreachable robots.txt (5xx, no answer) means complete disallow.
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    }

    /** The product token of the User-Agent, which robots.txt groups are matched against. */
    private String robotName() {
        return settings.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String hostKey(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static Fetch ended(String url, String finalUrl, Fetch.Outcome outcome, int status, String reason, int attempts) {
        return new Fetch(url, finalUrl, outcome, status, Map.of(), new byte[0], reason, attempts, Instant.now(), null);
    }
}
