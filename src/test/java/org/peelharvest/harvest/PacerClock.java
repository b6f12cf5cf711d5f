package org.peelharvest.harvest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock for {@link HostPacer} that never sleeps: each wait the pacer asks for is recorded and
 * skipped (issue 17: gaps measured at a server on a loaded machine were shorter than the pacer
 * kept, because a request can reach the server late). Its time is either virtual (it moves only by
 * the waits, one nanosecond a reading) or the system's plus the waits skipped.
 */
final class PacerClock implements HostPacer.Clock {

    private final boolean realTime;
    private long skipped;
    private long ticks;
    private final List<Long> waits = new CopyOnWriteArrayList<>();

    private PacerClock(boolean realTime) {
        this.realTime = realTime;
    }

    /** Time that passes only by the pacer's waits: what it waits is all it can wait for. */
    static PacerClock virtual() {
        return new PacerClock(false);
    }

    /** The system's time plus the waits skipped: an answer's real time counts toward the interval. */
    static PacerClock skipping() {
        return new PacerClock(true);
    }

    @Override
    public synchronized long nanoTime() {
        return realTime ? System.nanoTime() + skipped : skipped + ++ticks;
    }

    @Override
    public synchronized void parkNanos(long nanos) {
        waits.add(nanos);
        skipped += nanos;
    }

    /** Every wait the pacer asked for, in order. */
    List<Long> waits() {
        return List.copyOf(waits);
    }

    /** The time waited in all. */
    long waited() {
        return waits.stream().mapToLong(Long::longValue).sum();
    }
}
