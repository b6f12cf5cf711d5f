package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pacer's own schedule, on a clock of the test's: exact, whatever the machine's load (issue 17). */
class HostPacerTest {

    private static final URI ONE = URI.create("http://127.0.0.1:8080/a/");
    private static final URI OTHER = URI.create("http://127.0.0.1:9090/a/");

    @Test
    void eachTurnToAHostComesOneIntervalAfterTheLastAndOtherHostsDoNotWait() throws Exception {
        PacerClock clock = PacerClock.virtual();
        HostPacer pacer = new HostPacer(20, clock);

        pacer.awaitTurn(ONE);
        pacer.awaitTurn(OTHER);
        pacer.awaitTurn(ONE);
        pacer.awaitTurn(ONE);

        assertThat(clock.waits()).as("two waits, for the second and third turn to ONE; none for OTHER").hasSize(2)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(50).toNanos() - 10,
                        Duration.ofMillis(50).toNanos()));
    }

    @Test
    void aCrawlDelayLongerThanTheIntervalIsKept() throws Exception {
        PacerClock clock = PacerClock.virtual();
        HostPacer pacer = new HostPacer(50, clock);
        pacer.crawlDelay(HostPacer.hostKey(ONE), 1000);

        pacer.awaitTurn(ONE);
        pacer.awaitTurn(ONE);

        assertThat(clock.waited()).isBetween(Duration.ofMillis(1000).toNanos() - 10, Duration.ofMillis(1000).toNanos());
    }
}
