package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
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
    public record Result(Path snapshot, int fetched, int notModified, int skipped, int refused, int blocked, int failed,
                         int reports) {
    }

    /** Told after each URL is dealt with: pages requested so far, URLs waiting, report pages and PDFs found. */
    public interface Progress {
        void after(int pages, int waiting, int reports);
    }

    public Result harvest(List<String> seeds, Snapshot snapshot, SnapshotIndex previous)
            throws IOException, InterruptedException {
        return harvest(seeds, snapshot, previous, (pages, waiting, reports) -> { });
    }

    public Result harvest(List<String> seeds, Snapshot snapshot, SnapshotIndex previous, Progress progress)
            throws IOException, InterruptedException {
        Deque<String> frontier = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Set<String> pathsSeen = new HashSet<>();
        for (String seed : seeds) {
            UrlCanonicalizer.canonical(seed).ifPresent(url -> enqueue(url, frontier, seen, pathsSeen, true));
        }
        int pages = 0;
        int reports = 0;
        while (!frontier.isEmpty() && pages < settings.maxPages()) {
            progress.after(pages, frontier.size(), reports);
            String url = frontier.poll();
            Optional<SnapshotIndex.Capture> held = snapshot.held().askedFor(url);
            if (held.isPresent()) {
                // Already in this snapshot before an interruption: read it back, do not fetch it again.
                snapshot.log().heldBefore(url);
                IndexLine line = held.get().line();
                byte[] content = held.get().payload();
                reports += REPORT.matcher(line.url()).find() ? 1 : 0;
                if (line.contentType() != null && line.contentType().toLowerCase(Locale.ROOT).contains("html")) {
                    follow(line.url(), content, frontier, seen, pathsSeen, snapshot);
                }
                continue;
            }
            Optional<SnapshotIndex.Capture> earlier = previous.newest(url);
            Fetch fetch = fetcher.get(url, earlier.map(c -> c.line().validators()).orElse(PoliteFetcher.Validators.NONE),
                    target -> seen.add(target));
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
                follow(fetch.finalUrl(), content, frontier, seen, pathsSeen, snapshot);
            }
        }
        frontier.forEach(url -> snapshot.log().skipped(url, "beyond the limit of " + settings.maxPages() + " pages"));
        SnapshotLog log = snapshot.log();
        return new Result(snapshot.folder(), log.count(SnapshotLog.Kind.FETCHED), log.count(SnapshotLog.Kind.NOT_MODIFIED),
                log.count(SnapshotLog.Kind.SKIPPED), log.count(SnapshotLog.Kind.REFUSED_BY_ROBOTS),
                log.count(SnapshotLog.Kind.BLOCKED), log.count(SnapshotLog.Kind.FAILED), reports);
    }

    private void follow(String page, byte[] content, Deque<String> frontier, Set<String> seen, Set<String> pathsSeen,
                        Snapshot snapshot) {
        for (String link : links(page, content)) {
            java.util.Optional<String> refusal = settings.refusal(link);
            if (refusal.isPresent()) {
                if (seen.add(link)) {
                    snapshot.log().skipped(link, refusal.get());
                }
            } else {
                enqueue(link, frontier, seen, pathsSeen, false);
            }
        }
    }

    /** Queues a URL once; a page seen before under another query string is not queued again. */
    private static void enqueue(String url, Deque<String> frontier, Set<String> seen, Set<String> pathsSeen, boolean seed) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (!seen.add(url) || !seed && url.contains("?") && pathsSeen.contains(path)) {
            return;
        }
        pathsSeen.add(path);
        frontier.add(url);
    }

    /** The page's links, the page decoded as extraction decodes it (byte-order mark, then its meta charset, else UTF-8). */
    private static List<String> links(String base, byte[] content) {
        Document page;
        try {
            page = Jsoup.parse(new java.io.ByteArrayInputStream(content), null, base);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // read from memory: cannot happen
        }
        return page.select("a[href]").stream().map(a -> a.attr("href"))
                .map(href -> UrlCanonicalizer.resolve(base, href)).flatMap(java.util.Optional::stream).distinct().toList();
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
