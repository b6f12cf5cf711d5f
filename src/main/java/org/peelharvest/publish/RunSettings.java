package org.peelharvest.publish;

import java.util.List;

/**
 * Every option and job-file setting a run used, after the defaults and the command line's
 * overrides, named as in a job file, for {@code run.json}. Paths are written relative to the job
 * file's folder ({@code run}) or to the working directory ({@code extract}), as a job file writes
 * them, so that a release names no folder of the machine it was made on; a path on another file
 * system root than that folder stays absolute.
 *
 * @param command       {@code run} or {@code extract}
 * @param jobFile       the job file's name (the paths are relative to its folder), or null without one
 * @param jobFileSha256 the SHA-256 of the job file's bytes as read, or null without one
 * @param harvest       what the run harvested first, or null
 */
public record RunSettings(String command, String jobFile, String jobFileSha256, String name, List<String> input,
                          String output, QualityGate gate, String csv, Harvest harvest) {

    public RunSettings {
        input = List.copyOf(input);
    }

    /** The harvest settings of a job that harvests. */
    public record Harvest(List<String> seed, List<String> allow, String snapshot, double rate, String userAgent) {

        public Harvest {
            seed = List.copyOf(seed);
            allow = List.copyOf(allow);
        }
    }
}
