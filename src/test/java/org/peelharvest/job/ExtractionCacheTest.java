package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.SourceDocument;

/**
 * The extraction cache's bound, its eviction and its versions (issue 18). Each cache made here is
 * a run opening it. The entries are rejects of one size, so that the bound counts entries.
 */
class ExtractionCacheTest {

    private static final String VERSION = "1.0 abc 2026-12-06T10:00:00Z";

    @TempDir
    Path temp;

    @Test
    void anEntryPastTheBoundPushesOutTheLeastRecentlyUsedOneNotUsedByThisRun() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        ExtractionCache first = new ExtractionCache(temp.resolve("cache"), VERSION, twoEntries);
        keep(first, "a.html");
        keep(first, "b.html");

        ExtractionCache second = new ExtractionCache(temp.resolve("cache"), VERSION, twoEntries);
        assertThat(second.get(second.keyOf(document("a.html")))).isPresent();
        keep(second, "c.html");

        ExtractionCache third = new ExtractionCache(temp.resolve("cache"), VERSION, twoEntries);
        assertThat(third.get(third.keyOf(document("a.html")))).as("used by the second run").isPresent();
        assertThat(third.get(third.keyOf(document("b.html")))).as("used least recently: pushed out").isEmpty();
        assertThat(third.get(third.keyOf(document("c.html")))).isPresent();
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void anEntryThatFindsNoRoomAmongThoseThisRunUsedIsNotKept() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        ExtractionCache cache = new ExtractionCache(temp.resolve("cache"), VERSION, twoEntries);
        keep(cache, "a.html");
        keep(cache, "b.html");
        keep(cache, "c.html");

        assertThat(cache.get(cache.keyOf(document("c.html")))).isEmpty();
        assertThat(cache.get(cache.keyOf(document("a.html")))).isPresent();
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void anotherExtractorVersionFindsNothingAndTheOldVersionsEntriesAreDeleted() throws IOException {
        ExtractionCache old = new ExtractionCache(temp.resolve("cache"), VERSION, 1_000_000);
        keep(old, "a.html");
        Path notOurs = Files.writeString(temp.resolve("cache").resolve("notes.txt"), "mine");

        ExtractionCache newer = new ExtractionCache(temp.resolve("cache"), "1.1 def 2026-12-07T10:00:00Z", 1_000_000);

        assertThat(newer.get(newer.keyOf(document("a.html")))).isEmpty();
        assertThat(entries()).isZero();
        assertThat(notOurs).as("a file the cache did not write is left").hasContent("mine");
    }

    @Test
    void theSameBytesUnderAnotherUrlAreAnotherEntry() {
        ExtractionCache cache = new ExtractionCache(temp.resolve("cache"), VERSION, 1_000_000);
        keep(cache, "a.html");

        SourceDocument copy = new SourceDocument("copy-of-a.html", document("a.html").content());

        assertThat(cache.get(cache.keyOf(copy))).isEmpty();
    }

    @Test
    void aRejectOfTheMomentIsNotKept() {
        ExtractionCache cache = new ExtractionCache(temp.resolve("cache"), VERSION, 1_000_000);
        SourceDocument slow = document("slow.pdf");

        cache.putReject(cache.keyOf(slow), new Reject("slow.pdf", "extract", RejectReason.TIMED_OUT, "over 60 s"));

        assertThat(cache.get(cache.keyOf(slow))).isEmpty();
    }

    /** Every document is the same page under its own name: its reject's detail is of one length. */
    private static SourceDocument document(String url) {
        return new SourceDocument(url, "<html><body><p>About this site</p></body></html>".getBytes(StandardCharsets.UTF_8));
    }

    private static void keep(ExtractionCache cache, String url) {
        cache.putReject(cache.keyOf(document(url)), new Reject(url, "extract", RejectReason.NOT_A_REPORT,
                "no PEEL report title and no report address"));
    }

    /** The size of one entry, kept in a cache of its own. */
    private long entrySize() throws IOException {
        Path scratch = temp.resolve("scratch");
        keep(new ExtractionCache(scratch, VERSION, 1_000_000), "a.html");
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile().length();
        }
    }

    private long entries() throws IOException {
        try (Stream<Path> files = Files.walk(temp.resolve("cache"))) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
