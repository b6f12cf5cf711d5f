package org.peelharvest.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.peelharvest.publish.Build;

/**
 * The extraction cache of each output, one for all the partitions of a run, so that the bound
 * ({@value ExtractionCache#MAX_SIZE_SETTING}) holds for the cache as a whole.
 */
class ExtractionCaches {

    private final long maxBytes;
    private final Map<Path, ExtractionCache> byFolder = new ConcurrentHashMap<>();

    ExtractionCaches(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The cache of {@code output}'s runs, {@code .<output>.cache/} beside it (hidden, as its job
     * repository and work area are; not in the work area, which a run that completes deletes);
     * null when this build cannot name its extractor version, and so keeps nothing.
     */
    ExtractionCache of(Path output) {
        Path root = output.resolveSibling("." + output.getFileName() + ".cache");
        return Build.extractorVersion()
                .map(version -> byFolder.computeIfAbsent(root, folder -> new ExtractionCache(folder, version, maxBytes)))
                .orElse(null);
    }
}
