package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The faults a test class injects and what each came to, printed as a table {@code fault | outcome}
 * ending {@code faults injected: N, held: N} ({@link FaultInjectionTest}, {@link HostileUseTest}).
 */
final class FaultTable {

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

    private final Map<String, String> rows = Collections.synchronizedMap(new LinkedHashMap<>());

    void put(String fault, String outcome) {
        rows.put(fault, outcome);
    }

    /** Injects a fault in a folder of its own under {@code temp}; a fault that did not hold is rowed so, and fails. */
    void hold(Fault fault, Path temp) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("fault-" + Integer.toUnsignedString(fault.name().hashCode())));
        try {
            rows.put(fault.name(), fault.check().run(dir));
        } catch (Throwable failure) {
            rows.put(fault.name(), "NOT HELD: " + String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
            throw failure;
        }
    }

    /** Prints the table and its count, then fails unless every fault held. */
    void printAndRequireAllHeld() {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder table = new StringBuilder(String.format("%n%-" + width + "s | outcome%n", "fault"));
        rows.forEach((fault, outcome) -> table.append(String.format("%-" + width + "s | %s%n", fault, outcome)));
        long held = rows.values().stream().filter(o -> o.startsWith("held")).count();
        table.append("faults injected: ").append(rows.size()).append(", held: ").append(held);
        System.out.println(table);
        assertThat(held).as("faults that held").isEqualTo(rows.size());
    }
}
