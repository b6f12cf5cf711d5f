package org.peelharvest.cli;

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
import org.peelharvest.job.Outcome;

/** {@code diff OLD_DIR NEW_DIR}: what changed between two releases. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compares two releases: reports added and removed, judgments and their ranks changed (report "
                + "and question), questions, findings and conflicts added and removed. Prints them, one a line, "
                + "and with --output writes them as a CSV file too.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (with --exit-code: no changes)", "1:with --exit-code: there are changes",
                "2:bad usage: a folder that is not there or not a release",
                "3:a release holds a line or field past its limit (a problem: line each); the rest was compared"})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "The earlier release (or a job's output: its latest).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The later release (or a job's output: its latest).")
    Path newer;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the changes into FILE, as CSV (default: only print them).")
    Path output;

    @Option(names = "--csv", paramLabel = "STYLE", converter = RunOptions.CsvStyleConverter.class,
            description = "The style of the changes file: spreadsheet (default) or plain.")
    CsvStyle csv = CsvStyle.SPREADSHEET;

    @Option(names = "--exit-code",
            description = "Exit 1 when there are changes and 0 when there are none, as git diff --exit-code.")
    boolean exitCode;

    @Override
    public Integer call() throws IOException {
        Path before = release("OLD_DIR", older);
        Path after = release("NEW_DIR", newer);
        ReleaseDiff diff = new ReleaseDiff();
        List<ReleaseDiff.Change> changes = diff.between(before, after);
        if (output != null) {
            ReleaseDiff.write(output, changes, csv);
        }
        cli.out().println(changes.isEmpty() ? "no changes" : changes.size() + " change(s): " + countsByKind(changes));
        for (ReleaseDiff.Change c : changes) {
            cli.out().println("  " + c.reportId() + (c.questionNumber() == null ? "" : " Q" + c.questionNumber()) + " "
                    + c.change() + (c.field().isEmpty() ? "" : " " + c.field())
                    + (c.old().isEmpty() && c.now().isEmpty() ? "" : ": '" + c.old() + "' -> '" + c.now() + "'"));
        }
        if (output != null) {
            cli.out().println("written to " + output);
        }
        diff.problems().forEach(problem -> cli.out().println("problem: " + problem));
        if (!diff.problems().isEmpty()) {
            cli.out().println(diff.problems().size() + " problem(s): what could be read was compared");
            return Outcome.QUALITY_GATE_FAILED;
        }
        return exitCode && !changes.isEmpty() ? 1 : Outcome.OK;
    }

    /** "1 finding-removed, 2 judgment-changed": how many changes of each kind, by kind. */
    private static String countsByKind(List<ReleaseDiff.Change> changes) {
        Map<String, Long> byKind = new TreeMap<>(changes.stream().collect(
                Collectors.groupingBy(ReleaseDiff.Change::change, Collectors.counting())));
        return byKind.entrySet().stream().map(kind -> kind.getValue() + " " + kind.getKey())
                .collect(Collectors.joining(", "));
    }

    /** The release {@code folder} names (itself, or an output's latest), or bad usage naming it. */
    private static Path release(String label, Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new UsageException(label + " " + folder + ": no such folder");
        }
        Path release = Cli.releaseIn(folder);
        if (!ReleaseDiff.isRelease(release)) {
            throw new UsageException(label + " " + folder + ": not a release (it has no reports.jsonl)");
        }
        return release;
    }
}
