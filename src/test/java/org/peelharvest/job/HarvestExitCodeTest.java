package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.harvest.HarvestOutcome;
import org.peelharvest.harvest.Harvester;

/** The command line's exit codes for a harvest (README, "harvest" and "Exit codes"): 0, and 3 when no report (bad usage, 2, is HarvestCommandTest's). */
class HarvestExitCodeTest {

    @Test
    void aHarvestExitsZeroWhenItFoundReportsAndThreeWhenNone() {
        List<String> seeds = List.of("https://example.org/");

        assertThat(Outcome.exitCode(HarvestOutcome.of(counts(2, 0), seeds))).isEqualTo(0);
        assertThat(Outcome.exitCode(HarvestOutcome.of(counts(2, 1), seeds))).as("some blocked: still 0").isEqualTo(0);
        assertThat(Outcome.exitCode(HarvestOutcome.of(counts(0, 0), seeds))).isEqualTo(3);
    }

    private static Harvester.Result counts(int reports, int blocked) {
        return new Harvester.Result(Path.of("s"), 3, 0, 0, 0, blocked, 0, reports);
    }
}
