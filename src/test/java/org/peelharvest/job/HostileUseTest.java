package org.peelharvest.job;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sibling of {@link FaultInjectionTest} for what a hostile user, server or document and a
 * newcomer tried after it: a user's folder given as the output, servers that never end an answer
 * or a page of endless new links, releases with huge fields, a PDF that never ends its drawing,
 * copies of inputs, terminal escapes in a report's text, signals and full disks, settings that
 * cannot work, and the job repository's trace file. Each fault is injected for real (loopback
 * servers, child JVMs, real signals) and its check returns what the user saw, or throws.
 *
 * <p>Prints a table {@code fault | outcome} and {@code faults injected: N, held: N}; any fault that
 * did not hold fails its own test.
 */
class HostileUseTest {

    private static final FaultTable TABLE = new FaultTable();

    @TempDir
    static Path temp;

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                // 1. a folder the project did not write
                OutputFolderFaults.faults(),
                // 2, 3, 9, 10. answers that never end, endless links, settings that cannot work
                HarvestBoundsFaults.faults(),
                // 4, 5 and 7. huge fields and lines in a release, a PDF whose drawing never ends, terminal escapes
                ReleaseTextFaults.faults(),
                // 6, 8, 11: copies counted, signals and full disks named, no trace file
                RunAccountingFaults.faults()
        ).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void holds(FaultTable.Fault fault) throws Exception {
        TABLE.hold(fault, temp);
    }

    @AfterAll
    static void printTable() {
        TABLE.printAndRequireAllHeld();
    }
}
