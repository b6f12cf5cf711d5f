package org.peelharvest.job;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Where a command writes: data and the summary to {@code out}, progress and problems to
 * {@code err} (issue 10: a scheduler keeps the two apart), and how progress is shown.
 *
 * @param out      the summary and data; nothing when quiet
 * @param err      progress and the one-line cause of a failure
 * @param progress how progress is shown on {@code err}
 * @param interval how often a progress line is printed when progress is {@link Progress#LINES}
 * @param json     whether the lines on {@code err} are JSON objects ({@code --log-format json})
 */
public record CommandOutput(PrintStream out, PrintStream err, Progress progress, Duration interval, boolean json) {

    /** The default time between two progress lines in a log; a terminal's line is redrawn much more often. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    enum Progress {
        /** One line redrawn in place ({@code \r}), for a person watching a terminal. */
        TERMINAL,
        /** A line every {@link #interval}, for a log file or a scheduler's mail. */
        LINES,
        /** None ({@code --quiet}). */
        OFF
    }

    /** Progress as a line redrawn on a terminal, or as periodic lines when the output goes elsewhere. */
    public static CommandOutput of(PrintStream out, PrintStream err, boolean quiet, boolean json) {
        if (quiet) {
            return new CommandOutput(new PrintStream(OutputStream.nullOutputStream()), err, Progress.OFF, LINE_INTERVAL,
                    json);
        }
        // System.console() is there only when the process talks to a terminal (Java 17: stdin and stdout both).
        boolean terminal = System.console() != null && err == System.err && !json;
        return new CommandOutput(out, err, terminal ? Progress.TERMINAL : Progress.LINES, LINE_INTERVAL, json);
    }

    /** Where a problem or a line of progress is written: as text or as JSON. */
    ProblemLine errLines() {
        return new ProblemLine(err, json);
    }

    /**
     * What a part of a quiet job writes: nothing, since the job itself names its one failure (issue 20:
     * a harvest that found nothing printed its line, then the job the same cause again).
     */
    CommandOutput forAPartOfTheJob() {
        if (progress != Progress.OFF) {
            return this;
        }
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        return new CommandOutput(none, none, Progress.OFF, interval, json);
    }

    /** This output with progress lines {@code interval} apart ({@code peel.progress-interval}). */
    CommandOutput withInterval(Duration interval) {
        return new CommandOutput(out, err, progress, interval, json);
    }
}
