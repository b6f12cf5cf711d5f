package org.peelharvest.harvest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Each host's robots.txt, fetched once per harvest and read with crawler-commons (RFC 9309): a 4xx
 * robots.txt allows everything, an unreachable one (a 5xx, no answer, or an answer past the
 * harvest's limits) is retried and then means fetch nothing from that host, and the log says why;
 * a Crawl-delay slows the {@link HostPacer}, up to {@link #MAX_CRAWL_DELAY}.
 */
public final class RobotsTxt {

    /**
     * The longest Crawl-delay obeyed: a site asking for 250 s would make a 20,000-page harvest
     * last 58 days (issue 17). RFC 9309 does not define Crawl-delay; a longer one is obeyed as this.
     */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

    /** What one host's robots.txt said; {@code unreadable} is why it could not be read, empty when it was. */
    private record HostRules(BaseRobotRules rules, String unreadable) {
    }

    /**
     * How a host is paced: the Crawl-delay its robots.txt asks for ({@link Duration#ZERO} when none)
     * and the interval the harvest keeps between two requests to it.
     */
    public record Pace(String host, Duration crawlDelay, Duration interval) {
    }

    private final HarvestSettings settings;
    private final WireClient client;
    private final HostPacer pacer;
    private final Map<String, HostRules> rules = new HashMap<>();

    RobotsTxt(HarvestSettings settings, WireClient client, HostPacer pacer) {
        this.settings = settings;
        this.client = client;
        this.pacer = pacer;
    }

    /** True when the host's robots.txt lets this user agent fetch {@code url}. */
    boolean allows(String url) throws InterruptedException {
        return of(url).rules().isAllowed(url);
    }

    /** Why {@code url} may not be fetched, for the log. */
    String refusal(String url) throws InterruptedException {
        HostRules host = of(url);
        return host.unreadable().isEmpty() ? "robots.txt disallows " + url
                : "robots.txt of " + HostPacer.hostKey(URI.create(url)) + " could not be read in " + settings.maxAttempts()
                        + " attempts (" + host.unreadable() + "), so nothing is fetched from that host (RFC 9309, 2.3.1.4)";
    }

    Pace pace(String url) throws InterruptedException {
        String host = HostPacer.hostKey(URI.create(url));
        long asked = of(url).rules().getCrawlDelay();
        return new Pace(host, asked == BaseRobotRules.UNSET_CRAWL_DELAY ? Duration.ZERO : Duration.ofMillis(asked),
                Duration.ofNanos(pacer.interval(host)));
    }

    private HostRules of(String url) throws InterruptedException {
        String host = HostPacer.hostKey(URI.create(url));
        HostRules hostRules = rules.get(host);
        if (hostRules == null) {
            hostRules = fetch(host);
            rules.put(host, hostRules);
            long delay = hostRules.rules().getCrawlDelay();
            if (delay != BaseRobotRules.UNSET_CRAWL_DELAY) {
                pacer.crawlDelay(host, Math.min(delay, MAX_CRAWL_DELAY.toMillis()));
            }
        }
        return hostRules;
    }

    private HostRules fetch(String host) throws InterruptedException {
        String robotsUrl = host + "/robots.txt";
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String why = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                pacer.awaitTurn(URI.create(robotsUrl));
                Exchange response = client.get(URI.create(robotsUrl),
                        List.of(new Exchange.Header("User-Agent", settings.userAgent())));
                int status = response.status();
                if (status == 200) {
                    // RFC 9309, 2.5: a crawler may stop parsing at a limit; what came before it is read.
                    String type = response.header("Content-Type") == null ? "text/plain" : response.header("Content-Type");
                    return new HostRules(parser.parseContent(robotsUrl, response.payload(), type, List.of(robotName())), "");
                }
                if (status >= 400 && status < 500) {
                    // RFC 9309, 2.3.1.3: an unavailable robots.txt (4xx) allows everything.
                    return new HostRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), "");
                }
                why = "HTTP " + status;
            } catch (IOException e) {
                // unreachable, or an answer past the limits: wait and try again, as for a 5xx
                why = PoliteFetcher.reason(e);
            }
            if (attempt < settings.maxAttempts()) {
                Thread.sleep(Math.min(Retries.backoff(settings, attempt).toMillis(), settings.maxBackoff().toMillis()));
            }
        }
        // RFC 9309, 2.3.1.4: an unreachable robots.txt (5xx, no answer) means complete disallow.
        return new HostRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), why);
    }

    /** The product token of the User-Agent, which robots.txt groups are matched against. */
    private String robotName() {
        return settings.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
