package org.peelharvest.job;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line, one class per command ({@link RunCommand}, {@link ExtractCommand} …). Parsing
 * and {@code --help} need no Spring; a command that runs a job starts the Spring Boot application,
 * runs the job through {@link JobRunner} and exits with its code.
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
        System.exit(run(args, Map.of(), System.out, System.err));
    }

    /** Runs one command line; {@code springProperties} override the application's settings. */
    static int run(String[] args, Map<String, Object> springProperties, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Cli(springProperties, out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Cli::oneLine);
        return commandLine.execute(args);
    }

    /**
     * What a command throws, as one line on stderr naming the command and the innermost cause (no
     * stack trace): bad usage exits 2, anything else 1.
     */
    private static int oneLine(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        String command = commandLine.getCommandName();
        if (failure instanceof UsageException) {
            commandLine.getErr().println("peel-harvest " + command + ": " + failure.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        commandLine.getErr().println("peel-harvest " + command + ": failed: " + Outcome.rootCause(failure));
        return Outcome.JOB_FAILED;
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

    /** Reads the job's definition; a value that cannot be used is an {@link IllegalArgumentException} naming it. */
    interface DefinitionSource {
        JobDefinition get();
    }

    /** The one version string: the build's, as run.json records it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            org.peelharvest.publish.Build build = org.peelharvest.publish.Build.current();
            return new String[] {"peel-harvest " + build.version() + (build.commit() == null ? "" : " (" + build.commit() + ")")};
        }
    }

    /**
     * Runs the job {@code definitionSource} describes. Data and the summary go to stdout, problems to
     * stderr; the cause of a failure is one line on stderr, in JSON with {@code --log-format json}.
     */
    int runJob(Invocation invocation, DefinitionSource definitionSource, OutputOptions options) {
        JobDefinition spec;
        try {
            spec = definitionSource.get();
        } catch (IllegalArgumentException e) {
            err.println("peel-harvest: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        java.util.Optional<String> problem = spec.usageProblem();
        if (problem.isPresent()) {
            err.println("peel-harvest: " + problem.get());
            return CommandLine.ExitCode.USAGE;
        }
        CommandOutput output = CommandOutput.of(out, err, options.quiet,
                options.logFormat == OutputOptions.LogFormat.JSON);
        output.out().println("job " + spec.name() + ": " + spec.inputs().size() + " input(s) -> " + spec.output());
        ProblemLine problems = output.errLines();
        // The output's lock first: a second run of the same output is refused before it opens anything.
        try (OutputLock ignored = OutputLock.acquire(spec.output());
             ConfigurableApplicationContext context = PeelHarvestApplication.start(spec,
                     invocation.properties(options.settings(springProperties)), output)) {
            Outcome outcome = context.getBean(JobRunner.class).run(spec, output.out());
            output.out().print(outcome.summary());
            // Quiet and well: nothing at all, so cron sends no mail; the run's record under runs/ says what it did.
            if (!outcome.problem().isEmpty()) {
                problems.println("peel-harvest: job " + spec.name() + " " + outcome.problem());
            }
            RunRecord.leave(spec, invocation, outcome, outcome.exitCode(), outcome.problem(), err);
            return outcome.exitCode();
        } catch (OutputLock.HeldException e) {
            problems.println("peel-harvest: job " + spec.name() + " not started: " + e.getMessage());
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "not started: " + e.getMessage(), err);
            return Outcome.JOB_FAILED;
        } catch (Exception e) {
            problems.println("peel-harvest: job " + spec.name() + " failed: " + Outcome.rootCause(e));
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "failed: " + Outcome.rootCause(e), err);
            return Outcome.JOB_FAILED;
        }
    }
}
