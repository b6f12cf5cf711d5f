package org.peelharvest.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The URLs a harvest knows: those waiting to be fetched, in the order found (breadth first), and
 * every one it has seen, waiting, fetched or refused, so that none is fetched or logged twice. At
 * most {@code maxUrls} are known (issue 17: a page of 50,000 new links, each another such page,
 * ran the harvest out of memory); a URL beyond that is not kept, and the caller counts it.
 */
final class Frontier {

    /** What became of a URL offered. */
    enum Offer {
        /** New: queued (or, for {@link #note}, remembered). */
        NEW,
        /** Seen before, or a page seen before under another query string: nothing to do. */
        KNOWN,
        /** New, but the harvest knows as many URLs as it may: left out. */
        FULL
    }

    private final int maxUrls;
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    /** The URLs seen without their query: a page seen under one query string is not queued under another. */
    private final Set<String> pathsSeen = new HashSet<>();

    Frontier(int maxUrls) {
        this.maxUrls = maxUrls;
    }

    /** Queues a URL once; a page seen before under another query string is not queued again, unless it is a seed. */
    Offer offer(String url, boolean seed) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (seen.contains(url) || !seed && url.contains("?") && pathsSeen.contains(path)) {
            return Offer.KNOWN;
        }
        Offer noted = note(url);
        if (noted == Offer.NEW) {
            pathsSeen.add(path);
            waiting.add(url);
        }
        return noted;
    }

    /** Remembers a URL that is not to be fetched (refused, or a redirect's target), so that it is dealt with once. */
    Offer note(String url) {
        if (seen.contains(url)) {
            return Offer.KNOWN;
        }
        if (seen.size() >= maxUrls) {
            return Offer.FULL;
        }
        seen.add(url);
        return Offer.NEW;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    String next() {
        return waiting.poll();
    }

    int waiting() {
        return waiting.size();
    }

    /** The URLs still waiting, in order, emptying the frontier. */
    List<String> drain() {
        List<String> left = List.copyOf(waiting);
        waiting.clear();
        return left;
    }
}
