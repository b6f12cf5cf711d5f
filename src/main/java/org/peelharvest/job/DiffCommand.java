package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.peelharvest.publish.CsvStyle;
import org.peelharvest.publish.ReleaseDiff;

/** {@code diff OLD_DIR NEW_DIR}: what changed between two releases. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compares two releases: reports added and removed, judgments changed (report and question), "
                + "questions and findings added and removed. Prints a summary and writes diff.csv.")
final class DiffCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "The earlier release (or a job's output: its latest).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The later release (or a job's output: its latest).")
    Path newer;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "diff.csv",
            description = "Where to write the changes (default: ${DEFAULT-VALUE}).")
    Path output;

    @CommandLine.Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws IOException {
        List<ReleaseDiff.Change> changes = new ReleaseDiff().between(Cli.releaseIn(older), Cli.releaseIn(newer));
        ReleaseDiff.write(output, changes, options.csv != null ? options.csv : CsvStyle.SPREADSHEET);
        Map<String, Long> byKind = new TreeMap<>(changes.stream().collect(
                Collectors.groupingBy(ReleaseDiff.Change::change, Collectors.counting())));
        cli.out().println(changes.isEmpty() ? "no changes" : changes.size() + " change(s): " + byKind);
        for (ReleaseDiff.Change c : changes) {
            cli.out().println("  " + c.reportId() + (c.questionNumber() == null ? "" : " Q" + c.questionNumber()) + " "
                    + c.change() + (c.field().isEmpty() ? "" : " " + c.field())
                    + (c.old().isEmpty() && c.now().isEmpty() ? "" : ": '" + c.old() + "' -> '" + c.now() + "'"));
        }
        cli.out().println("written to " + output);
        return Outcome.OK;
    }
}
