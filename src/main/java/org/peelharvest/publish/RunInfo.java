package org.peelharvest.publish;

import java.time.Instant;

/**
 * Which run a release comes from, for its {@code run.json}.
 *
 * @param release the release folder's name under the job's output (a UTC timestamp), or null when
 *                the run publishes into its output folder exactly
 */
public record RunInfo(String version, String job, long run, long instance, Instant started, String release) {
}
