package org.peelharvest.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.peelharvest.job.Invocation;
import org.peelharvest.job.JobLaunch;
import org.peelharvest.job.Outcome;

/**
 * The command line, one class per command ({@link RunCommand}, {@link ExtractCommand} …). Parsing
 * and {@code --help} need no Spring; a command that runs a job hands it to {@link JobLaunch}, which
 * starts the Spring Boot application and runs it, and exits with its code.
 */
@Command(name = "peel-harvest", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Extracts PEEL police inspection reports (HTML and PDF) into CSV and JSON datasets.",
        subcommands = {RunCommand.class, ExtractCommand.class, HarvestCommand.class, ValidateCommand.class,
                DiffCommand.class, ExplainCommand.class, StatusCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the job failed", "2:bad usage or bad job file",
                "3:the job completed but its quality gate failed (no report, too many rejects, or too many "
                        + "reports without questions)"})
public final class Cli implements Callable<Integer> {

    private final Map<String, Object> springProperties;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Map<String, Object> springProperties, PrintStream out, PrintStream err) {
        this.springProperties = springProperties;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The same escaping streams as System.out and System.err: a progress line tells a terminal by its stream.
        Terminal.escapeSystemStreams();
        System.exit(run(args, Map.of(), System.out, System.err));
    }

    /**
     * Runs one command line; {@code springProperties} override the application's settings. What it
     * prints shows control characters escaped ({@link Terminal}).
     */
    public static int run(String[] args, Map<String, Object> springProperties, PrintStream terminalOut,
                          PrintStream terminalErr) {
        PrintStream out = Terminal.escaping(terminalOut);
        PrintStream err = Terminal.escaping(terminalErr);
        CommandLine commandLine = new CommandLine(new Cli(springProperties, out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Cli::oneLine);
        commandLine.setParameterExceptionHandler(Cli::badUsage);
        return commandLine.execute(args);
    }

    /**
     * A command line picocli cannot parse (an unknown option, a missing one, a value it cannot
     * convert) as one line naming the problem and where help is, not the usage dump: exit 2.
     */
    private static int badUsage(CommandLine.ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        // picocli says "Unknown option: '--x'" and "'x' is not a double"; in a sentence, "unknown option '--x'", "not a number".
        String message = String.valueOf(problem.getMessage()).strip().replaceFirst("^([A-Za-z ]+): '", "$1 '")
                .replaceAll(" is not an? (double|float)\\b", " is not a number")
                .replaceAll(" is not an? (int|long|short|integer)\\b", " is not a whole number");
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        commandLine.getErr().println(usageLine(commandLine, message));
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code peel-harvest extract: missing required option '--input=PATH'; see 'peel-harvest extract --help'}. */
    static String usageLine(CommandLine commandLine, String problem) {
        String command = commandLine.getCommandSpec().qualifiedName();
        String words = problem == null || problem.isBlank() ? "bad usage"
                : problem.matches("(?s)[A-Z][a-z].*") ? problem.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + problem.substring(1) : problem;
        return command + ": " + words + "; see '" + command + " --help'";
    }

    /**
     * What a command throws, as one line on stderr naming the command and the innermost cause (no
     * stack trace): bad usage exits 2, anything else 1.
     */
    private static int oneLine(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        String command = commandLine.getCommandName();
        if (failure instanceof UsageException) {
            commandLine.getErr().println(usageLine(commandLine, failure.getMessage()));
            return CommandLine.ExitCode.USAGE;
        }
        if (debugAsked(parsed)) {
            failure.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().println("peel-harvest " + command + ": failed: " + Outcome.rootCause(failure));
        return Outcome.JOB_FAILED;
    }

    /** Whether the command line asked for {@code --debug}, on whichever command took it. */
    private static boolean debugAsked(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    Map<String, Object> springProperties() {
        return springProperties;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return CommandLine.ExitCode.USAGE;
    }

    /** A release folder as given, or a job's output folder's latest release. */
    static Path releaseIn(Path folder) {
        return Files.isRegularFile(folder.resolve("reports.jsonl")) || !Files.exists(folder.resolve("latest"))
                ? folder : folder.resolve("latest");
    }

    /** The one version string: the build's, as run.json records it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            org.peelharvest.publish.Build build = org.peelharvest.publish.Build.current();
            return new String[] {"peel-harvest " + build.version() + (build.commit() == null ? "" : " (" + build.commit() + ")")};
        }
    }

    /** Runs the job {@code definitionSource} describes, with the run and output options of its command. */
    int runJob(Invocation invocation, JobLaunch.DefinitionSource definitionSource, RunOptions runOptions,
               OutputOptions options) {
        return JobLaunch.run(invocation, definitionSource, runOptions.settings(options.settings(springProperties)), options.quiet,
                options.logFormat == OutputOptions.LogFormat.JSON, out, err);
    }
}
