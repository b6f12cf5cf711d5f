package org.peelharvest.harvest;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Each host's robots.txt, fetched once per harvest and read with crawler-commons (RFC 9309): a 4xx
 * robots.txt allows everything, an unreachable one is retried and then means fetch nothing from
 * that host; a Crawl-delay slows the {@link HostPacer}.
 */
final class RobotsTxt {

    private final HarvestSettings settings;
    private final WireClient client;
    private final HostPacer pacer;
    private final Map<String, BaseRobotRules> rules = new HashMap<>();

    RobotsTxt(HarvestSettings settings, WireClient client, HostPacer pacer) {
        this.settings = settings;
        this.client = client;
        this.pacer = pacer;
    }

    /** True when the host's robots.txt lets this user agent fetch {@code url}. */
    boolean allows(String url) throws InterruptedException {
        String host = HostPacer.hostKey(URI.create(url));
        BaseRobotRules hostRules = rules.get(host);
        if (hostRules == null) {
            hostRules = fetch(host);
            rules.put(host, hostRules);
            if (hostRules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY) {
                pacer.crawlDelay(host, hostRules.getCrawlDelay());
            }
        }
        return hostRules.isAllowed(url);
    }

    private BaseRobotRules fetch(String host) throws InterruptedException {
        String robotsUrl = host + "/robots.txt";
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                pacer.awaitTurn(URI.create(robotsUrl));
                Exchange response = client.get(URI.create(robotsUrl),
                        List.of(new Exchange.Header("User-Agent", settings.userAgent())));
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
                Thread.sleep(Math.min(Retries.backoff(settings, attempt).toMillis(), settings.maxBackoff().toMillis()));
            }
        }
        // RFC 9309, 2.3.1.4: an unreachable robots.txt (5xx, no answer) means complete disallow.
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    }

    /** The product token of the User-Agent, which robots.txt groups are matched against. */
    private String robotName() {
        return settings.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
