package org.peelharvest.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import org.peelharvest.harvest.HarvestLimits;
import org.peelharvest.harvest.HarvestSettings;
import org.peelharvest.job.HarvestDefinition;
import org.peelharvest.job.JobDefinition;

/** The options of a harvest, each winning over the job file's value; the defaults are {@link HarvestDefinition}'s. */
class HarvestOptions {

    @Option(names = "--seed", paramLabel = "URL", description = "A page to start from; repeatable.")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "URL_PREFIX",
            description = "Only URLs under these prefixes are fetched; repeatable (default: the seeds).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "The folder each harvest adds a <UTC timestamp>/ snapshot to (default: the job file's, else "
                    + HarvestDefinition.SNAPSHOTS + "/" + JobDefinition.HARVEST_NAME + ").")
    Path snapshot;

    @Option(names = "--rate", paramLabel = "REQUESTS_PER_SECOND",
            description = "The most requests a second to one host (default: the job file's, else "
                    + HarvestSettings.DEFAULT_REQUESTS_PER_SECOND + ").")
    Double rate;

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "Names the project and a contact address.")
    String userAgent;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "The most one request may take, connecting, the headers and the body together; "
                    + "a slower answer is a failure, retried (default: " + HarvestSettings.DEFAULT_TIMEOUT_SECONDS + ").")
    Integer timeout;

    @Option(names = "--max-urls", paramLabel = "N",
            description = "The most URLs the harvest keeps track of, waiting, fetched or refused (default: the job "
                    + "file's, else " + HarvestLimits.DEFAULT_MAX_URLS + ").")
    Integer maxUrls;

    @Option(names = "--max-links-per-page", paramLabel = "N",
            description = "The most links followed from one page (default: the job file's, else "
                    + HarvestLimits.DEFAULT_MAX_LINKS_PER_PAGE + ").")
    Integer maxLinksPerPage;

    @Option(names = "--max-duration", paramLabel = "TIME",
            description = "The longest the harvest runs, in h, m or s; past it, it stops and keeps what it has "
                    + "(default: the job file's, else " + HarvestLimits.DEFAULT_MAX_DURATION + ").")
    String maxDuration;

    HarvestDefinition.Overrides overrides() {
        return new HarvestDefinition.Overrides(seeds, allow, snapshot, rate, userAgent, timeout,
                new HarvestLimits.Given(maxUrls, maxLinksPerPage, maxDuration));
    }
}
