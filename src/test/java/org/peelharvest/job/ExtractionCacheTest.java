package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.SourceDocument;

/**
 * The extraction cache's bound, its eviction and its versions (issue 18). Each cache made here is
 * a run opening it, and closing it is the run's end. The entries are rejects of one size, so that
 * the bound counts entries.
 */
class ExtractionCacheTest {

    private static final String VERSION = "1.0 abc 2026-12-06T10:00:00Z";

    @TempDir
    Path temp;

    @Test
    void anEntryPastTheBoundPushesOutThePackUsedLeastRecentlyNotTheOldest() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        run(twoEntries, cache -> keep(cache, "a.html"));
        run(twoEntries, cache -> keep(cache, "b.html"));
        run(twoEntries, cache -> assertThat(found(cache, "a.html")).isPresent());

        run(twoEntries, cache -> keep(cache, "c.html"));

        run(twoEntries, cache -> {
            assertThat(found(cache, "a.html")).as("kept first, used by the third run").isPresent();
            assertThat(found(cache, "b.html")).as("used least recently: pushed out").isEmpty();
            assertThat(found(cache, "c.html")).isPresent();
        });
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void aPackThisRunUsedIsNotPushedOut() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        run(twoEntries, cache -> {
            keep(cache, "a.html", "b.html");
        });

        run(twoEntries, cache -> {
            assertThat(found(cache, "a.html")).isPresent();
            keep(cache, "c.html");
            assertThat(found(cache, "c.html")).as("no room but in a pack this run used").isEmpty();
            assertThat(found(cache, "b.html")).isPresent();
        });
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void anEntryNoRunHasUsedSinceGoesWithThePackOfTheLastRunThatUsedIt() throws IOException {
        run(1_000_000, cache -> {
            keep(cache, "a.html", "b.html");
        });
        // b.html changed: its bytes are another entry's; a.html is read from the cache.
        run(1_000_000, cache -> {
            assertThat(found(cache, "a.html")).isPresent();
            keep(cache, "b-changed.html");
        });

        assertThat(files(".pack")).as("the first run's pack, a.html carried out of it").hasSize(1);
        assertThat(entries()).isEqualTo(2);
        run(1_000_000, cache -> {
            assertThat(found(cache, "a.html")).isPresent();
            assertThat(found(cache, "b.html")).isEmpty();
            assertThat(found(cache, "b-changed.html")).isPresent();
        });
    }

    @Test
    void aPackMadeUnderTheNumberOfADeletedOneIsNotPushedOutInItsPlace() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        run(twoEntries, cache -> keep(cache, "a.html"));
        run(twoEntries, cache -> keep(cache, "b.html"));
        // The second pack's one entry damaged, its length kept: found damaged, its pack goes, and this
        // run's pack takes its number.
        Path second = files(".pack").get(1);
        byte[] bytes = Files.readAllBytes(second);
        bytes[bytes.length / 2] ^= 1;
        Files.write(second, bytes);

        run(twoEntries, cache -> {
            assertThat(found(cache, "b.html")).isEmpty();
            keep(cache, "c.html", "d.html"); // pushes out a.html's pack
            keep(cache, "e.html"); // no room left: not kept, and this run's pack not pushed out for the deleted one
        });

        run(twoEntries, cache -> {
            assertThat(found(cache, "c.html")).isPresent();
            assertThat(found(cache, "d.html")).isPresent();
            assertThat(found(cache, "e.html")).isEmpty();
        });
    }

    @Test
    void aPackWhoseEveryEntryWasWrittenAnewIsDeleted() throws IOException {
        run(1_000_000, cache -> {
            keep(cache, "a.html", "b.html");
        });
        // As --full does: every document parsed again, and its entry written anew.
        run(1_000_000, cache -> {
            keep(cache, "a.html", "b.html");
        });

        assertThat(files(".pack")).hasSize(1);
        assertThat(entries()).isEqualTo(2);
        run(1_000_000, cache -> assertThat(found(cache, "b.html")).isPresent());
    }

    @Test
    void anEntryCutShortByAKillIsAMissAndTheEntriesBeforeItAreKept() throws IOException {
        run(1_000_000, cache -> {
            keep(cache, "a.html", "b.html");
        });
        Path pack = files(".pack").get(0);
        Files.write(pack, java.util.Arrays.copyOf(Files.readAllBytes(pack), (int) Files.size(pack) - 20));

        run(1_000_000, cache -> {
            assertThat(found(cache, "a.html")).isPresent();
            assertThat(found(cache, "b.html")).isEmpty();
        });
    }

    @Test
    void anEntryThatFindsNoRoomAmongThoseThisRunWroteIsNotKept() throws IOException {
        long twoEntries = 2 * entrySize() + entrySize() / 2;
        ExtractionCache cache = new ExtractionCache(temp.resolve("cache"), VERSION, twoEntries);
        keep(cache, "a.html", "b.html");
        keep(cache, "c.html");

        assertThat(found(cache, "c.html")).isEmpty();
        assertThat(found(cache, "a.html")).isPresent();
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void anotherExtractorVersionFindsNothingAndTheOldVersionsEntriesAreDeleted() throws IOException {
        run(1_000_000, old -> keep(old, "a.html"));
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

    /** What the cache gives for the page of {@code url}. */
    private static java.util.Optional<ExtractionCache.Entry> found(ExtractionCache cache, String url) {
        return cache.get(cache.keyOf(document(url)));
    }

    @Test
    void aRejectsEntryIsWrittenAsDatabindWritesTheEntry() {
        // Written field by field (issue 18); databind, which wrote it before, is the reference.
        tools.jackson.databind.ObjectMapper databind = tools.jackson.databind.json.JsonMapper.builder().build();
        for (Reject reject : List.of(new Reject("a.html", "extract", RejectReason.NOT_A_REPORT, "no \"title\" – none"),
                new Reject("b.pdf", null, RejectReason.UNREADABLE, null))) {
            assertThat(ExtractionCache.entryJson("key \u00e9", reject))
                    .isEqualTo(databind.writeValueAsBytes(new ExtractionCache.Entry("key \u00e9", null, reject)));
        }
    }

    private static void keep(ExtractionCache cache, String... urls) {
        for (String url : urls) {
            keep(cache, url);
        }
    }

    private static void keep(ExtractionCache cache, String url) {
        cache.putReject(cache.keyOf(document(url)), new Reject(url, "extract", RejectReason.NOT_A_REPORT,
                "no PEEL report title and no report address"));
    }

    /** A run: the cache opened, used, and closed at its end. */
    private void run(long bound, java.util.function.Consumer<ExtractionCache> run) {
        try (ExtractionCache cache = new ExtractionCache(temp.resolve("cache"), VERSION, bound)) {
            run.accept(cache);
        }
    }

    /** The size of one entry (its line in a pack and in the pack's index), kept in a cache of its own. */
    private long entrySize() throws IOException {
        Path scratch = temp.resolve("scratch");
        try (ExtractionCache cache = new ExtractionCache(scratch, VERSION, 1_000_000)) {
            keep(cache, "a.html");
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(p -> p.toString().endsWith(".pack") || p.toString().endsWith(".index"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private List<Path> files(String ending) throws IOException {
        try (Stream<Path> files = Files.walk(temp.resolve("cache"))) {
            return files.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        }
    }

    /** The keys the packs' indexes name, each once: a whole line a key. */
    private long entries() throws IOException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Path index : files(".index")) {
            String text = Files.readString(index);
            text.substring(0, text.lastIndexOf('\n') + 1).lines().forEach(line -> keys.add(line.split(" ")[0]));
        }
        return keys.size();
    }
}
