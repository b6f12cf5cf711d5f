package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a harvest's counts say about how it ended (README, "harvest": exit 3 when it finds no report). */
class HarvestOutcomeTest {

    private static final List<String> SEEDS = List.of("https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/");

    @Test
    void aHarvestThatFoundNoReportEndsWithNoReportsNamingItsSeeds() {
        HarvestOutcome outcome = HarvestOutcome.of(counts(5, 0, 0), SEEDS);

        assertThat(outcome.ending()).isEqualTo(HarvestOutcome.Ending.NO_REPORTS);
        assertThat(outcome.reason()).isEqualTo("no report was found from "
                + "[https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/]; the site may have changed");
        assertThat(outcome.snapshot()).isEqualTo(Path.of("snapshots/20250601T060000Z"));
    }

    @Test
    void aHarvestThatFoundReportsIsCompleteUnlessSomeRequestsWereBlockedOrFailed() {
        assertThat(HarvestOutcome.of(counts(5, 2, 0), SEEDS).ending()).isEqualTo(HarvestOutcome.Ending.COMPLETE);
        assertThat(HarvestOutcome.of(counts(5, 2, 1), SEEDS).ending()).isEqualTo(HarvestOutcome.Ending.PARTIAL);
    }

    private static Harvester.Result counts(int fetched, int reports, int blocked) {
        return new Harvester.Result(Path.of("snapshots/20250601T060000Z"), fetched, 0, 0, 0, blocked, 0, reports);
    }
}
