package org.peelharvest.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.peelharvest.harvest.HarvestLimits;
import org.peelharvest.harvest.HarvestSettings;

/**
 * What to harvest before extracting, with the harvest's settings checked as the harvest will
 * use them (a seed or prefix that is no http or https URL, a rate or timeout not above 0).
 *
 * @param seeds        the pages to start from
 * @param allow        the URL prefixes the harvest stays inside, as written
 * @param snapshotRoot the folder each harvest adds a snapshot to, absolute
 * @param limits       how far the harvest may grow; the defaults when null (a definition saved before there were any)
 */
public record HarvestDefinition(List<String> seeds, List<String> allow, Path snapshotRoot, double rate, String userAgent,
                         Duration timeout, HarvestLimits limits) {

    public HarvestDefinition {
        snapshotRoot = snapshotRoot.toAbsolutePath().normalize();
        limits = limits == null ? HarvestLimits.DEFAULTS : limits;
        HarvestSettings.forHarvest(seeds, allow, rate, userAgent, timeout, limits);
    }

    /** The harvester's settings: the defaults with this job's choices. */
    HarvestSettings settings() {
        return HarvestSettings.forHarvest(seeds, allow, rate, userAgent, timeout, limits);
    }

    /**
     * The snapshots of a job live in {@code input/snapshots/<name>} of its home: the job file's
     * folder's parent ({@code ../input/snapshots/<name>} as a job file writes it), or the working
     * directory for a harvest without a job file.
     */
    public static Path defaultSnapshotRoot(Path home, String name) {
        return home.resolve(SNAPSHOTS).resolve(name);
    }

    /** The folder of every job's snapshots' folders, relative to the job's home. */
    public static final String SNAPSHOTS = "input/snapshots";

    /**
     * The harvest settings of the command line, each null (a list empty) where it says nothing.
     * Merged with a job file's by {@link #harvest}, where the defaults are filled in.
     */
    public record Overrides(List<String> seeds, List<String> allow, Path snapshot, Double rate, String userAgent,
                     Integer timeoutSeconds, HarvestLimits.Given limits) {

        public static final Overrides NONE = new Overrides(List.of(), List.of(), null, null, null, null,
                HarvestLimits.Given.NONE);

        /** The harvest of these settings over {@code file}'s: a value given here wins; null without seeds. */
        public HarvestDefinition harvest(List<String> fileSeeds, List<String> fileAllow, Path fileSnapshot, Double fileRate,
                                  String fileUserAgent, HarvestLimits.Given fileLimits, Path defaultSnapshot) {
            List<String> seedList = !seeds.isEmpty() ? seeds : fileSeeds == null ? List.of() : fileSeeds;
            if (seedList.isEmpty()) {
                return null;
            }
            List<String> allowList = !allow.isEmpty() ? allow
                    : fileAllow != null && !fileAllow.isEmpty() ? fileAllow : seedList;
            return new HarvestDefinition(seedList, allowList, JobDefinition.first(snapshot, fileSnapshot, defaultSnapshot),
                    JobDefinition.first(rate, fileRate, (double) HarvestSettings.DEFAULT_REQUESTS_PER_SECOND),
                    JobDefinition.first(userAgent, fileUserAgent, HarvestSettings.DEFAULT_USER_AGENT),
                    timeoutSeconds == null ? HarvestSettings.DEFAULT_REQUEST_TIMEOUT : Duration.ofSeconds(timeoutSeconds),
                    limits.over(fileLimits).limits());
        }
    }
}
