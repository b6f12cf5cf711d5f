package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final Map<String, String> TABLE = Collections.synchronizedMap(new LinkedHashMap<>());

    @TempDir
    static Path temp;

    /** One fault: what it is and how to inject it; the check returns the outcome, or throws when it did not hold. */
    record Fault(String name, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Check {
        String run(Path dir) throws Exception;
    }

    static Stream<Fault> faults() {
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
    void holds(Fault fault) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("fault-" + Integer.toUnsignedString(fault.name().hashCode())));
        try {
            TABLE.put(fault.name(), fault.check().run(dir));
        } catch (Throwable failure) {
            TABLE.put(fault.name(), "NOT HELD: " + String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
            throw failure;
        }
    }

    @AfterAll
    static void printTable() {
        int width = TABLE.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder table = new StringBuilder(String.format("%n%-" + width + "s | outcome%n", "fault"));
        TABLE.forEach((fault, outcome) -> table.append(String.format("%-" + width + "s | %s%n", fault, outcome)));
        long held = TABLE.values().stream().filter(o -> o.startsWith("held")).count();
        table.append("faults injected: ").append(TABLE.size()).append(", held: ").append(held);
        System.out.println(table);
        assertThat(held).as("faults that held").isEqualTo(TABLE.size());
    }
}
