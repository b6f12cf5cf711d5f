package org.peelharvest.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.peelharvest.harvest.HarvestOutcome;
import org.peelharvest.harvest.HarvestSettings;
import org.peelharvest.harvest.Harvester;
import org.peelharvest.harvest.PoliteFetcher;
import org.peelharvest.harvest.Snapshot;

/**
 * Runs one harvest of a job's {@link HarvestDefinition} (checked when it was read): a new snapshot (or the
 * interrupted one resumed), the previous snapshot's validators for conditional requests, a
 * summary, and how the harvest ended ({@link HarvestOutcome}): the command turns that into an exit
 * code, the job into a flow status.
 */
public final class HarvestRunner {

    private final CommandOutput output;
    private final PrintStream out;
    private final PrintStream err;

    public HarvestRunner(CommandOutput output) {
        this.output = output;
        this.out = output.out();
        this.err = output.err();
    }

    public HarvestOutcome harvest(HarvestDefinition harvest) throws Exception {
        return harvest(harvest, () -> false);
    }

    /**
     * Harvests, asking {@code stopAsked} before each URL: once it is true the harvest stops, leaves its
     * snapshot to be resumed, and ends {@link HarvestOutcome.Ending#STOPPED}.
     */
    public HarvestOutcome harvest(HarvestDefinition harvest, java.util.function.BooleanSupplier stopAsked) throws Exception {
        HarvestSettings settings = harvest.settings();
        List<String> seeds = harvest.seeds();
        Path root = harvest.snapshotRoot();
        var previous = Snapshot.previousIndex(root);
        Harvester.Result result;
        try (Snapshot archive = Snapshot.startOrResume(root, root.getFileName().toString(), java.time.Instant.now(),
                settings.userAgent())) {
            if (archive.resumed()) {
                out.println("resuming the interrupted harvest " + archive.folder());
            }
            ProgressLine line = new ProgressLine(output);
            Harvester.Result done = new Harvester(settings, new PoliteFetcher(settings)).harvest(seeds, archive,
                    previous, new Harvester.Progress() {
                        @Override
                        public void after(int pages, int waiting, int reports) {
                            line.update(() -> progress(pages, waiting, reports), false);
                        }

                        @Override
                        public void warning(String text) {
                            err.println("peel-harvest: " + text);
                        }

                        @Override
                        public boolean stopAsked() {
                            return stopAsked.getAsBoolean();
                        }
                    });
            line.update(() -> progress(done.fetched() + done.notModified() + done.failed() + done.blocked(), 0,
                    done.reports()), true);
            if (done.stopped()) {
                archive.leaveResumable();
                return HarvestOutcome.stopped(done);
            }
            result = done;
        }
        out.printf(java.util.Locale.ROOT, "fetched %d, not modified %d, skipped %d, refused by robots.txt %d, "
                        + "blocked %d, failed %d; report pages and PDFs: %d%nsnapshot: %s%n", result.fetched(),
                result.notModified(), result.skipped(), result.refused(), result.blocked(), result.failed(),
                result.reports(), result.snapshot());
        // One line on stderr, whatever went wrong: a failure that was blocked too says both at once.
        HarvestOutcome outcome = HarvestOutcome.of(result, seeds);
        String blocked = result.blocked() == 0 ? "" : "the site blocked " + result.blocked() + " request(s)";
        if (outcome.ending() == HarvestOutcome.Ending.NO_REPORTS) {
            err.println("peel-harvest: " + outcome.reason() + (blocked.isEmpty() ? "" : "; " + blocked)
                    + " (see log.json in the snapshot)");
        } else if (!blocked.isEmpty()) {
            err.println("peel-harvest: " + blocked + ": see log.json");
        }
        return outcome;
    }

    private static String progress(int pages, int waiting, int reports) {
        return String.format(java.util.Locale.ROOT, "harvest: %d page(s) requested, %d waiting, %d report page(s) and PDFs",
                pages, waiting, reports);
    }
}
