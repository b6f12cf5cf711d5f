package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Finds and fetches the reports of a cycle: from the seeds (year index pages), every link inside
 * the allowed prefixes is followed, breadth first, to force pages, pillar and detailed-findings
 * pages, integrated reports and their PDFs. A URL is fetched once: links are canonicalised first,
 * and a page already seen under another query string is not fetched again. Only HTML pages are
 * searched for links. Unchanged pages (304) are searched in the payload an earlier snapshot kept.
 * How far a harvest grows is bounded ({@link HarvestLimits}): the URLs it knows, the links it reads
 * from a page, its duration, each counted in the log when it leaves something out.
 */
public final class Harvester {

    /** Report pages and PDFs by their URL: what makes a harvest worth its name. */
    private static final Pattern REPORT = Pattern.compile(
            "(?i)/peel-assessments/peel-20\\d\\d/[a-z-]+/(effectiveness|efficiency|legitimacy|leadership|other-reports)/"
                    + "|/peel-reports/[a-z-]+-20\\d\\d-\\d\\d/|\\.pdf$");

    private final HarvestSettings settings;
    private final PoliteFetcher fetcher;

    public Harvester(HarvestSettings settings, PoliteFetcher fetcher) {
        this.settings = settings;
        this.fetcher = fetcher;
    }

    /** What a harvest did; {@code reports} counts report pages and PDFs fetched or unchanged. */
    /**
     * @param stopped   whether it was stopped on request with URLs still waiting (its snapshot is to be resumed)
     * @param unreached why the site answered nothing at all, when it did not (no network, an unknown
     *                  host, a robots.txt that could not be read); empty when it answered anything
     */
    public record Result(Path snapshot, int fetched, int notModified, int skipped, int refused, int blocked, int failed,
                         int reports, boolean stopped, String unreached) {

        public Result(Path snapshot, int fetched, int notModified, int skipped, int refused, int blocked, int failed,
                      int reports) {
            this(snapshot, fetched, notModified, skipped, refused, blocked, failed, reports, false, "");
        }
    }

    /** Told after each URL is dealt with: pages requested so far, URLs waiting, report pages and PDFs found. */
    public interface Progress {
        void after(int pages, int waiting, int reports);

        /** A warning for the person who started the harvest, on one line, at its start. */
        default void warning(String line) {
        }

        /** Whether whoever started the harvest asked it to stop (a signal): asked before each URL. */
        default boolean stopAsked() {
            return false;
        }
    }

    public Result harvest(List<String> seeds, Snapshot snapshot, SnapshotIndex previous)
            throws IOException, InterruptedException {
        return harvest(seeds, snapshot, previous, (pages, waiting, reports) -> { });
    }

    public Result harvest(List<String> seeds, Snapshot snapshot, SnapshotIndex previous, Progress progress)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.limits().maxDuration().toNanos();
        Frontier frontier = new Frontier(settings.limits().maxUrls());
        for (String seed : seeds) {
            UrlCanonicalizer.canonical(seed).ifPresent(url -> frontier.offer(url, true));
        }
        warnOfSlowHosts(seeds, progress);
        int pages = 0;
        int reports = 0;
        while (!frontier.isEmpty() && pages < settings.maxPages() && System.nanoTime() - deadline < 0
                && !progress.stopAsked()) {
            progress.after(pages, frontier.waiting(), reports);
            String url = frontier.next();
            Optional<SnapshotIndex.Capture> held = snapshot.held().askedFor(url);
            if (held.isPresent()) {
                // Already in this snapshot before an interruption: read it back, do not fetch it again.
                snapshot.log().heldBefore(url);
                IndexLine line = held.get().line();
                byte[] content = held.get().payload();
                reports += REPORT.matcher(line.url()).find() ? 1 : 0;
                if (line.contentType() != null && line.contentType().toLowerCase(Locale.ROOT).contains("html")) {
                    follow(line.url(), content, frontier, snapshot);
                }
                continue;
            }
            Optional<SnapshotIndex.Capture> earlier = previous.newest(url);
            Fetch fetch = fetcher.get(url, earlier.map(c -> c.line().validators()).orElse(PoliteFetcher.Validators.NONE),
                    target -> frontier.note(target) != Frontier.Offer.KNOWN);
            pages++;
            byte[] content;
            switch (fetch.outcome()) {
                case FETCHED -> {
                    snapshot.fetched(fetch);
                    content = readable(fetch);
                }
                case NOT_MODIFIED -> {
                    snapshot.notModified(fetch, earlier.orElseThrow().line());
                    content = earlier.get().payload();
                }
                case REDIRECTED_TO_SEEN -> {
                    snapshot.log().skipped(url, fetch.reason());
                    continue;
                }
                default -> {
                    snapshot.log().ended(fetch);
                    continue;
                }
            }
            if (REPORT.matcher(fetch.finalUrl()).find()) {
                reports++;
            }
            if (isHtml(fetch, content)) {
                follow(fetch.finalUrl(), content, frontier, snapshot);
            }
        }
        String why = pages >= settings.maxPages() ? "beyond the limit of " + settings.maxPages() + " pages"
                : "not fetched: the harvest reached its max-duration of " + HarvestLimits.text(settings.limits().maxDuration());
        // Asked once, after the loop: a stop asked after the last URL is a harvest that ended.
        boolean stopped = !frontier.isEmpty() && progress.stopAsked();
        if (!stopped) {
            // A stopped harvest resumes from its snapshot, and its frontier is found again from the pages held.
            frontier.drain().forEach(url -> snapshot.log().skipped(url, why));
        }
        SnapshotLog log = snapshot.log();
        String unreached = log.unanswered();
        return new Result(snapshot.folder(), log.count(SnapshotLog.Kind.FETCHED), log.count(SnapshotLog.Kind.NOT_MODIFIED),
                log.count(SnapshotLog.Kind.SKIPPED), log.count(SnapshotLog.Kind.REFUSED_BY_ROBOTS),
                log.count(SnapshotLog.Kind.BLOCKED), log.count(SnapshotLog.Kind.FAILED), reports, stopped, unreached);
    }

    /**
     * Warns, once per seed host, when robots.txt's Crawl-delay (or the rate) makes the harvest's
     * page limit take longer than its max-duration, and when a Crawl-delay asked for is longer than
     * the harvest obeys (issue 17: {@code Crawl-delay: 250} made 20,000 pages take 58 days, and
     * nothing said so). Reads each seed host's robots.txt, as its first fetch would.
     */
    private void warnOfSlowHosts(List<String> seeds, Progress progress) throws InterruptedException {
        Set<String> hosts = new java.util.HashSet<>();
        for (String seed : seeds) {
            Optional<String> url = UrlCanonicalizer.canonical(seed);
            if (url.isEmpty() || !hosts.add(HostPacer.hostKey(java.net.URI.create(url.get())))) {
                continue;
            }
            RobotsTxt.Pace pace = fetcher.pace(url.get());
            Duration planned = pace.interval().multipliedBy(settings.maxPages());
            boolean capped = pace.crawlDelay().compareTo(RobotsTxt.MAX_CRAWL_DELAY) > 0;
            if (capped || planned.compareTo(settings.limits().maxDuration()) > 0) {
                progress.warning(slowHost(pace, planned, capped));
            }
        }
    }

    private String slowHost(RobotsTxt.Pace pace, Duration planned, boolean capped) {
        String asked = pace.crawlDelay().isZero() ? pace.host() + " is asked at most " + settings.requestsPerSecond()
                + " time(s) a second (rate)"
                : "robots.txt of " + pace.host() + " asks for a Crawl-delay of " + pace.crawlDelay().toSeconds() + " s"
                        + (capped ? " (obeyed as " + RobotsTxt.MAX_CRAWL_DELAY.toSeconds() + " s, the longest a harvest waits)" : "");
        String span = planned.compareTo(settings.limits().maxDuration()) > 0
                ? ": " + settings.maxPages() + " pages would take " + about(planned) + ", more than the max-duration of "
                        + HarvestLimits.text(settings.limits().maxDuration()) + "; the harvest stops then and keeps what it has"
                : "";
        return asked + span;
    }

    /** A long span as a person says it: whole hours, or minutes under two hours. */
    private static String about(Duration span) {
        return span.toHours() >= 2 ? "about " + span.toHours() + " h" : "about " + Math.max(1, span.toMinutes()) + " min";
    }

    /**
     * Queues the page's new links inside the allowed prefixes and logs those outside once. What the
     * limits leave out (links past max-links-per-page, new URLs past max-urls) is counted in one
     * skipped entry for the page, not one each, so the log stays bounded too.
     */
    private void follow(String page, byte[] content, Frontier frontier, Snapshot snapshot) {
        Links links = links(page, content, settings.limits().maxLinksPerPage());
        int full = 0;
        for (String link : links.kept()) {
            Optional<String> refusal = settings.refusal(link);
            Frontier.Offer offer = refusal.isPresent() ? frontier.note(link) : frontier.offer(link, false);
            if (offer == Frontier.Offer.FULL) {
                full++;
            } else if (offer == Frontier.Offer.NEW && refusal.isPresent()) {
                snapshot.log().skipped(link, refusal.get());
            }
        }
        if (links.leftOut() > 0) {
            snapshot.log().skipped(page, links.leftOut() + " links of this page not followed: more than the "
                    + settings.limits().maxLinksPerPage() + " a page (max-links-per-page)");
        }
        if (full > 0) {
            snapshot.log().skipped(page, full + " new links of this page not followed: the harvest knows "
                    + settings.limits().maxUrls() + " URLs, its max-urls");
        }
    }

    /** The links of a page, the first {@code max} distinct ones, and how many links (as written) it had after them. */
    private record Links(List<String> kept, int leftOut) {
    }

    /** The page's links, the page decoded as extraction decodes it (byte-order mark, then its meta charset, else UTF-8). */
    private static Links links(String base, byte[] content, int max) {
        Document page;
        try {
            page = Jsoup.parse(new java.io.ByteArrayInputStream(content), null, base);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // read from memory: cannot happen
        }
        Set<String> kept = new LinkedHashSet<>();
        var anchors = page.select("a[href]");
        int read = 0;
        for (; read < anchors.size() && kept.size() < max; read++) {
            UrlCanonicalizer.resolve(base, anchors.get(read).attr("href")).ifPresent(kept::add);
        }
        // The rest are counted as written, not resolved: resolving 50,000 links to keep none cost seconds a page.
        return new Links(List.copyOf(kept), anchors.size() - read);
    }

    /**
     * The body decoded as extraction will read it from the snapshot (a gzip-encoded page is
     * searched for links decoded); empty when it cannot be decoded, as extraction will then say.
     */
    private static byte[] readable(Fetch fetch) {
        try {
            return WarcDocuments.decoded(SnapshotWarc.payloadMessage(fetch), WarcDocuments.MAX_PAYLOAD_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean isHtml(Fetch fetch, byte[] content) {
        String type = fetch.header("Content-Type");
        if (type != null) {
            return type.toLowerCase(Locale.ROOT).contains("html");
        }
        return org.peelharvest.model.Formats.sniff(content).filter(f -> f == org.peelharvest.model.SourceFormat.HTML).isPresent();
    }
}
