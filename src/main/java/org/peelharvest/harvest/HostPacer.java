package org.peelharvest.harvest;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The rate limit: no more than the set number of requests a second to one host, slower when its
 * robots.txt asks with Crawl-delay. The interval is counted from the start of one request to the
 * start of the next, as a rate is (the harvest asks one thing at a time, so requests never
 * overlap): counted from the end of each answer, every answer's own time and the harvest's work
 * on it were added to every gap, and a re-harvest of 304s at {@code --rate 50} reached 29 requests
 * a second (issue 11's re-harvest measure).
 */
final class HostPacer {

    /**
     * Where the pacer reads the time and waits: the system's, or a test's, so that pacing is checked
     * against the pacer's own schedule rather than against a loaded machine's scheduling (issue 17).
     */
    interface Clock {
        long nanoTime();

        void parkNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for a host's turn");
                }
            }
        };
    }

    private final long intervalNanos;
    private final Clock clock;
    private final Map<String, Long> nextRequest = new HashMap<>();
    private final Map<String, Long> crawlDelayNanos = new HashMap<>();

    HostPacer(double requestsPerSecond, Clock clock) {
        this.intervalNanos = (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
        this.clock = clock;
    }

    /**
     * Waits until the host may be asked again, then books its next turn one interval from now. To
     * the microsecond: a sleep in whole milliseconds, rounded up, cost a twentieth of the rate at
     * 50 requests a second.
     */
    void awaitTurn(URI uri) throws InterruptedException {
        String host = hostKey(uri);
        Long allowed = nextRequest.get(host);
        for (long wait; allowed != null && (wait = allowed - clock.nanoTime()) > 0; ) {
            clock.parkNanos(wait);
        }
        nextRequest.put(host, clock.nanoTime() + interval(host));
    }

    /** The time between two requests to a host: the rate's interval, or its robots.txt's Crawl-delay when longer. */
    long interval(String host) {
        return Math.max(intervalNanos, crawlDelayNanos.getOrDefault(host, 0L));
    }

    /** The host's robots.txt asks for at least {@code millis} between requests. */
    void crawlDelay(String host, long millis) {
        crawlDelayNanos.put(host, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** What a host is known by: scheme, host and port, as robots.txt applies to them (RFC 9309, 2.3). */
    static String hostKey(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
