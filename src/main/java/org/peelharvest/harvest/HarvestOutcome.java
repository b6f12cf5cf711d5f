package org.peelharvest.harvest;

import java.nio.file.Path;
import java.util.List;

/**
 * How a harvest ended, for whoever ran it to act on: the command line turns it into an exit code,
 * the job into a flow status. What a harvest found is judged here once. (Settings that cannot be
 * used never reach a harvest: a job's {@code HarvestDefinition} refuses them as bad usage.)
 *
 * @param ending  what kind of end it was
 * @param counts  what the harvest did
 * @param reason  why it did not end well, on one line; empty when it did
 */
public record HarvestOutcome(Ending ending, Harvester.Result counts, String reason) {

    public enum Ending {
        /** Report pages or PDFs found, and nothing blocked or failed. */
        COMPLETE,
        /** Report pages or PDFs found, but the site blocked or failed some requests (see log.json). */
        PARTIAL,
        /** No report page or PDF found: the site may have changed, and that must be noticed the day it does. */
        NO_REPORTS,
        /** Stopped on request before it ended (a signal): its snapshot is left to be resumed. */
        STOPPED
    }

    /** The outcome of a harvest from {@code seeds} that did {@code counts}. */
    public static HarvestOutcome of(Harvester.Result counts, List<String> seeds) {
        if (counts.reports() == 0 && !counts.unreached().isEmpty()) {
            // Nothing came back at all: the network or the host, not a changed site.
            return new HarvestOutcome(Ending.NO_REPORTS, counts, "no report was found from " + seeds
                    + ": nothing could be fetched (" + counts.unreached() + "); check the network and the seed, then run again");
        }
        if (counts.reports() == 0) {
            return new HarvestOutcome(Ending.NO_REPORTS, counts,
                    "no report was found from " + seeds + "; the site may have changed");
        }
        if (counts.blocked() + counts.failed() > 0) {
            return new HarvestOutcome(Ending.PARTIAL, counts, counts.blocked() + " request(s) blocked and "
                    + counts.failed() + " failed");
        }
        return new HarvestOutcome(Ending.COMPLETE, counts, "");
    }

    /** A harvest stopped on request after doing {@code counts}. */
    public static HarvestOutcome stopped(Harvester.Result counts) {
        return new HarvestOutcome(Ending.STOPPED, counts, "stopped before it ended; the next run resumes it");
    }

    /** The snapshot the harvest wrote. */
    public Path snapshot() {
        return counts.snapshot();
    }
}
