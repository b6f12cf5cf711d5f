package org.peelharvest.job;

import java.util.stream.Stream;

/** Point 1 of {@link HostileUseTest}: an output folder that holds what the project did not write. */
final class OutputFolderFaults {

    private OutputFolderFaults() {
    }

    static Stream<HostileUseTest.Fault> faults() {
        return Stream.of();
    }
}
