package org.peelharvest.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.peelharvest.publish.Build;

/**
 * The extraction cache of each output, one for all the partitions of a run, so that the bound
 * ({@value ExtractionCache#MAX_SIZE_SETTING}) holds for the cache as a whole.
 */
class ExtractionCaches implements AutoCloseable {

    private final long maxBytes;
    private final Map<Path, ExtractionCache> byFolder = new ConcurrentHashMap<>();

    ExtractionCaches(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Ends each cache's run, as the application ends (Spring closes the bean with its context): the
     * entries it read from earlier packs are written into its own ({@link ExtractionCache#close}).
     */
    @Override
    public void close() {
        byFolder.values().forEach(ExtractionCache::close);
    }

    /**
     * The cache of {@code output}'s runs, in its {@linkplain StateFolder state folder} beside it
     * ({@code .<output>.peel-harvest/cache/}; not in the work area, which a run that completes deletes);
     * null when this build cannot name its extractor version, and so keeps nothing.
     */
    ExtractionCache of(Path output) {
        Path root = new StateFolder(output).cache();
        return Build.extractorVersion()
                .map(version -> byFolder.computeIfAbsent(root, folder -> new ExtractionCache(folder, version, maxBytes)))
                .orElse(null);
    }
}
