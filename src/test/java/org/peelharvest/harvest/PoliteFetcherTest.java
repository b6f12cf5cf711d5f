package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher's answers to the ways a server can say no, each from a real server on loopback. */
class PoliteFetcherTest {

    private HttpServer server;
    private final List<Long> pageRequests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        serve(Map.of("/robots.txt", new Answer(404, "text/plain", "")));

        assertThat(fetcher().get(base() + "/hmicfrs/page/", PoliteFetcher.Validators.NONE).outcome())
                .isEqualTo(Fetch.Outcome.FETCHED);
    }

    @Test
    void anUnreachableRobotsTxtMeansNothingIsFetched() throws Exception {
        serve(Map.of("/robots.txt", new Answer(503, "text/plain", "down")));

        Fetch fetch = fetcher().get(base() + "/hmicfrs/page/", PoliteFetcher.Validators.NONE);

        assertThat(fetch.outcome()).isEqualTo(Fetch.Outcome.REFUSED_BY_ROBOTS);
        assertThat(pageRequests).isEmpty();
    }

    @Test
    void aForbiddenAnswerAndABotChallengeAreReportedAsBlocked() throws Exception {
        serve(Map.of("/hmicfrs/forbidden/", new Answer(403, "text/html", "<p>Forbidden</p>"),
                "/hmicfrs/challenge/", new Answer(200, "text/html",
                        "<html><title>Just a moment...</title><div id=\"cf-chl-widget\"></div></html>")));

        assertThat(fetcher().get(base() + "/hmicfrs/forbidden/", PoliteFetcher.Validators.NONE).outcome())
                .isEqualTo(Fetch.Outcome.BLOCKED);
        Fetch challenge = fetcher().get(base() + "/hmicfrs/challenge/", PoliteFetcher.Validators.NONE);
        assertThat(challenge.outcome()).isEqualTo(Fetch.Outcome.BLOCKED);
        assertThat(challenge.reason()).contains("bot-challenge");
    }

    @Test
    void aRedirectOutOfTheAllowedPrefixesIsNotFollowed() throws Exception {
        serve(Map.of("/hmicfrs/away/", new Answer(302, "text/plain", "", "http://example.org/elsewhere/")));

        Fetch fetch = fetcher().get(base() + "/hmicfrs/away/", PoliteFetcher.Validators.NONE);

        assertThat(fetch.outcome()).isEqualTo(Fetch.Outcome.FAILED);
        assertThat(fetch.reason()).contains("outside the allowed prefixes");
    }

    @Test
    void aCrawlDelayInRobotsTxtSlowsTheHarvester() throws Exception {
        serve(Map.of("/robots.txt", new Answer(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n")));
        PacerClock clock = PacerClock.virtual();
        PoliteFetcher fetcher = fetcher(clock);

        fetcher.get(base() + "/hmicfrs/one/", PoliteFetcher.Validators.NONE);
        fetcher.get(base() + "/hmicfrs/two/", PoliteFetcher.Validators.NONE);

        assertThat(pageRequests).hasSize(2);
        // On the pacer's own clock (issue 17): the wait before the second page is the whole Crawl-delay.
        assertThat(clock.waits().get(clock.waits().size() - 1)).as("the wait before page two")
                .isBetween(Duration.ofMillis(1000).toNanos() - 1000, Duration.ofMillis(1000).toNanos());
    }

    @Test
    void theIntervalRunsFromOneRequestsStartToTheNextsAndRequestsNeverOverlap() throws Exception {
        serve(Map.of("/robots.txt", new Answer(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n")));
        server.removeContext("/");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/robots.txt")) {
                pageRequests.add(System.nanoTime());
                sleep(700); // a slow answer: 0.7 s of the 1 s interval
            }
            byte[] body = (path.equals("/robots.txt") ? "User-agent: *\nCrawl-delay: 1\n" : "<p>page</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        PacerClock clock = PacerClock.skipping();
        PoliteFetcher fetcher = fetcher(clock);

        fetcher.get(base() + "/hmicfrs/one/", PoliteFetcher.Validators.NONE);
        long firstEnded = System.nanoTime();
        int waitsBefore = clock.waits().size();
        fetcher.get(base() + "/hmicfrs/two/", PoliteFetcher.Validators.NONE);

        assertThat(pageRequests).hasSize(2);
        // On the pacer's clock, the system's time with its waits skipped (issue 17): the first answer
        // took at least 0.7 s of the 1 s interval, so at most 0.3 s was left to wait; counted from the
        // answer's end, the wait would have been the whole second. A loaded machine only shortens it.
        long waited = clock.waits().subList(waitsBefore, clock.waits().size()).stream().mapToLong(Long::longValue).sum();
        assertThat(Duration.ofNanos(waited)).as("waited before page two").isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(pageRequests.get(1)).as("the second asked after the first was answered").isGreaterThan(firstEnded);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String type, String body, String location) {
        Answer(int status, String type, String body) {
            this(status, type, body, null);
        }
    }

    private void serve(Map<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/robots.txt")) {
                pageRequests.add(System.nanoTime());
            }
            Answer answer = answers.getOrDefault(path, path.equals("/robots.txt")
                    ? new Answer(200, "text/plain", "User-agent: *\nAllow: /\n") : new Answer(200, "text/html", "<p>page</p>"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.type());
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private PoliteFetcher fetcher() {
        return fetcher(HostPacer.Clock.SYSTEM);
    }

    private PoliteFetcher fetcher(HostPacer.Clock clock) {
        return new PoliteFetcher(new HarvestSettings(List.of(base() + "/hmicfrs/"), 50, "peel-harvest-test/1",
                Duration.ofSeconds(2), Duration.ofSeconds(2), 100_000, 2, Duration.ofMillis(20), Duration.ofMillis(200), 10),
                clock);
    }
}
