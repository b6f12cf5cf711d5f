package org.peelharvest.job;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A line of progress on stderr: redrawn in place on a terminal (at most five times a second),
 * printed as a new line at the first update and then every {@link CommandOutput#interval}
 * otherwise, and once more at the end.
 */
final class ProgressLine {

    private static final Duration REDRAW = Duration.ofMillis(200);

    private final CommandOutput output;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private boolean shown;
    private int width;

    ProgressLine(CommandOutput output) {
        this.output = output;
    }

    /** Seconds since this line was made. */
    double seconds() {
        return Math.max((System.nanoTime() - started) / 1e9, 1e-3);
    }

    /** Shows {@code text} if it is time to; {@code last} shows it in any case and ends the line. */
    void update(Supplier<String> text, boolean last) {
        long now = System.nanoTime();
        switch (output.progress()) {
            case OFF -> {
            }
            case LINES -> {
                // The first at once, so a run shows it is alive from its first document.
                if (last || !shown || now - lastPrinted >= output.interval().toNanos()) {
                    lastPrinted = now;
                    shown = true;
                    output.errLines().println("INFO", text.get());
                }
            }
            case TERMINAL -> {
                if (last || !shown || now - lastPrinted >= REDRAW.toNanos()) {
                    lastPrinted = now;
                    shown = true;
                    String line = text.get();
                    output.err().print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                    width = line.length();
                    if (last) {
                        output.err().println();
                    }
                    output.err().flush();
                }
            }
        }
    }
}
