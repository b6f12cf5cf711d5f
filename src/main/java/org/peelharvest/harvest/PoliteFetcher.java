package org.peelharvest.harvest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fetches one URL at a time the way a polite harvester should: robots.txt obeyed (RFC 9309, read
 * with crawler-commons: a 4xx robots.txt allows everything, an unreachable one means wait, retry
 * and, failing that, fetch nothing from that host), no more than the set rate per host (slower
 * when robots.txt asks with Crawl-delay), a User-Agent that names the project, one deadline per
 * request for connecting, the headers and the body together, a size
 * limit, at most five redirects and only into the allowed prefixes, retries with exponential
 * backoff and jitter on timeouts, resets, 5xx and 429 (honouring Retry-After), and conditional
 * requests when an earlier snapshot knows the page's validators. Robots.txt is {@link RobotsTxt}'s,
 * the rate {@link HostPacer}'s, when to retry {@link Retries}'; requests go out through
 * {@link WireClient}, which keeps the bytes exchanged for the snapshot.
 */
public final class PoliteFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CHALLENGE = Pattern.compile(
            "(?i)(captcha|cf-chl|challenge-platform|just a moment\\.\\.\\.|verify you are human|access denied)");

    private final HarvestSettings settings;
    private final WireClient client;
    private final HostPacer pacer;
    private final RobotsTxt robots;

    public PoliteFetcher(HarvestSettings settings) {
        this(settings, HostPacer.Clock.SYSTEM);
    }

    /** A fetcher whose pacing reads and waits on {@code clock}: a test's, to check the pacer's own schedule. */
    PoliteFetcher(HarvestSettings settings, HostPacer.Clock clock) {
        this.settings = settings;
        this.client = new WireClient(settings.connectTimeout(), settings.requestTimeout(), settings.maxBytes());
        this.pacer = new HostPacer(settings.requestsPerSecond(), clock);
        this.robots = new RobotsTxt(settings, client, pacer);
    }

    /**
     * The time this fetcher leaves between two requests to {@code url}'s host: the rate's interval,
     * or robots.txt's Crawl-delay (capped at {@link RobotsTxt#MAX_CRAWL_DELAY}) when longer. Reads
     * the host's robots.txt if it has not yet.
     */
    public RobotsTxt.Pace pace(String url) throws InterruptedException {
        return robots.pace(url);
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
            if (!robots.allows(current)) {
                return ended(url, current, Fetch.Outcome.REFUSED_BY_ROBOTS, 0, robots.refusal(current), attempts);
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
                if (!Retries.retryable(last.status())) {
                    return new Attempted(last, attempt);
                }
                wait = Retries.retryAfter(last.header("Retry-After")).orElse(Retries.backoff(settings, attempt));
            } catch (AnswerTooLargeException e) {
                // The server's own framing, sent again the same way: not retried, as a body past the size limit is not.
                return new Attempted(ended(url, url, Fetch.Outcome.FAILED, 0, reason(e), attempt), attempt);
            } catch (IOException e) {
                last = ended(url, url, Fetch.Outcome.FAILED, 0, reason(e), attempt);
                wait = Retries.backoff(settings, attempt);
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

    /** Why an attempt failed, for the log: a server's oversized answer in plain words, other errors by their kind in words. */
    static String reason(IOException e) {
        return e instanceof AnswerTooLargeException ? e.getMessage() : org.peelharvest.model.InWords.of(e);
    }

    private Fetch once(String url, Validators validators) throws IOException, InterruptedException {
        pacer.awaitTurn(URI.create(url));
        List<Exchange.Header> headers = new ArrayList<>();
        headers.add(new Exchange.Header("User-Agent", settings.userAgent()));
        headers.add(new Exchange.Header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5"));
        if (validators.etag() != null) {
            headers.add(new Exchange.Header("If-None-Match", validators.etag()));
        }
        if (validators.lastModified() != null) {
            headers.add(new Exchange.Header("If-Modified-Since", validators.lastModified()));
        }
        Exchange answer = client.get(URI.create(url), headers);
        Instant date = Instant.now();
        if (answer.cut()) {
            return new Fetch(url, url, Fetch.Outcome.FAILED, answer.status(), answer.headerMap(), new byte[0],
                    "larger than the " + settings.maxBytes() + "-byte limit", 1, date, answer);
        }
        return classify(url, answer, date);
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

    private static Fetch ended(String url, String finalUrl, Fetch.Outcome outcome, int status, String reason, int attempts) {
        return new Fetch(url, finalUrl, outcome, status, Map.of(), new byte[0], reason, attempts, Instant.now(), null);
    }
}
