package org.peelharvest.harvest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate limit: no more than the set number of requests a second to one host, slower when its
 * robots.txt asks with Crawl-delay, the interval counted from the end of the previous answer.
 */
final class HostPacer {

    private final double requestsPerSecond;
    private final Map<String, Instant> nextRequest = new HashMap<>();
    private final Map<String, Long> crawlDelayMillis = new HashMap<>();

    HostPacer(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    /** Waits until the host may be asked again. */
    void awaitTurn(URI uri) throws InterruptedException {
        Instant now = Instant.now();
        Instant allowed = nextRequest.getOrDefault(hostKey(uri), now);
        if (allowed.isAfter(now)) {
            Thread.sleep(Duration.between(now, allowed).toMillis() + 1);
        }
    }

    /**
     * Books the host's next slot once a request has ended, so the interval separates one answer
     * from the next request, however long the answer took.
     */
    void finished(URI uri) {
        String host = hostKey(uri);
        long interval = (long) Math.ceil(1000 / requestsPerSecond);
        interval = Math.max(interval, crawlDelayMillis.getOrDefault(host, 0L));
        nextRequest.put(host, Instant.now().plusMillis(interval));
    }

    /** The host's robots.txt asks for at least {@code millis} between requests. */
    void crawlDelay(String host, long millis) {
        crawlDelayMillis.put(host, millis);
    }

    /** What a host is known by: scheme, host and port, as robots.txt applies to them (RFC 9309, 2.3). */
    static String hostKey(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
