package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

    @TempDir
    Path temp;

    @Test
    void theLockFileNamesTheProcessAndHostThatHoldIt() throws Exception {
        Path output = temp.resolve("out/release");

        try (OutputLock ignored = OutputLock.acquire(output)) {
            assertThat(Files.readString(temp.resolve("out/.release.peel-harvest/lock")))
                    .startsWith("process " + ProcessHandle.current().pid() + " on "
                            + InetAddress.getLocalHost().getHostName() + ", since ");
        }
    }

    @Test
    void aSecondLockOfTheSameOutputIsRefusedNamingTheHolderEvenInTheSameProcess() throws Exception {
        Path output = temp.resolve("out/release");

        try (OutputLock ignored = OutputLock.acquire(output)) {
            assertThatThrownBy(() -> OutputLock.acquire(output)).isInstanceOf(OutputLock.HeldException.class)
                    .hasMessageStartingWith("another run is writing " + output + ": process "
                            + ProcessHandle.current().pid() + " on ");
        }
    }

    @Test
    void aReleasedLockIsTakenByTheNextRunWhichWritesItsOwnName() throws Exception {
        Path output = temp.resolve("out/release");
        Files.createDirectories(temp.resolve("out/.release.peel-harvest"));
        Files.writeString(temp.resolve("out/.release.peel-harvest/lock"), "process 999999999 on a host long gone, since 2020-01-01T00:00:00Z and more\n");

        try (OutputLock ignored = OutputLock.acquire(output)) {
            assertThat(Files.readString(temp.resolve("out/.release.peel-harvest/lock")))
                    .startsWith("process " + ProcessHandle.current().pid() + " ").doesNotContain("gone", "more");
        }
    }
}
