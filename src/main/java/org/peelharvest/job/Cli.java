package org.peelharvest.job;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.peelharvest.harvest.HarvestSettings;
import org.peelharvest.publish.CsvStyle;
import org.peelharvest.publish.ReleaseDiff;
import org.peelharvest.publish.ReleaseValidator;

/**
 * The command line. Parsing and {@code --help} need no Spring; a command that runs a job starts
 * the Spring Boot application, runs the job through {@link JobRunner} and exits with its code.
 */
@Command(name = "peel-harvest", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Extracts PEEL police inspection reports (HTML and PDF) into CSV and JSON datasets.",
        subcommands = {Cli.Run.class, Cli.Extract.class, Cli.Harvest.class, Cli.Validate.class, Cli.Diff.class,
                ExplainCommand.class},
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
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return CommandLine.ExitCode.USAGE;
    }

    /** The one version string: the build's, as run.json records it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            org.peelharvest.publish.Build build = org.peelharvest.publish.Build.current();
            return new String[] {"peel-harvest " + build.version() + (build.commit() == null ? "" : " (" + build.commit() + ")")};
        }
    }

    /** Options every job-running command shares. */
    static class RunOptions {
        @Option(names = "--max-reject-rate", paramLabel = "RATE",
                description = "Fail the quality gate (exit 3) when more than this share of documents is rejected "
                        + "(0 to 1; default: the job file's, else 0.2).")
        Double maxRejectRate;

        @Option(names = "--max-warning-rate", paramLabel = "RATE",
                description = "Fail the quality gate (exit 3) when more than this share of published reports has "
                        + "no questions (0 to 1; default: the job file's, else 0.2).")
        Double maxWarningRate;

        @Option(names = "--csv", paramLabel = "STYLE", converter = CsvStyleConverter.class,
                description = "spreadsheet (default: UTF-8 with a byte-order mark, formula-like cells guarded, "
                        + "for Excel and Sheets) or plain (the values exactly, for pipelines).")
        CsvStyle csv;
    }

    static final class CsvStyleConverter implements CommandLine.ITypeConverter<CsvStyle> {
        @Override
        public CsvStyle convert(String value) {
            return CsvStyle.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a CSV style: spreadsheet or plain"));
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs a job file. With no argument, runs jobs/sample.yaml: every document under "
                    + "input/sample/ published to output/sample/. A run that failed or was killed is resumed.")
    static final class Run implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
                description = "The job file (YAML: name, input, output, max-reject-rate, max-warning-rate).")
        Path jobFile;

        @CommandLine.Mixin
        RunOptions options = new RunOptions();

        @Override
        public Integer call() {
            Path file = jobFile != null ? jobFile : defaultJobFile();
            return cli.runJob(Invocation.ofRun(file), () -> JobFile.load(file, options.maxRejectRate,
                    options.maxWarningRate, options.csv));
        }

        private static Path defaultJobFile() {
            return Path.of(System.getProperty("peel.home", ".")).resolve("jobs").resolve("sample.yaml");
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extracts reports from files and folders (recursively; HTML and PDF, recognised by "
                    + "content) and publishes the datasets into DIR.")
    static final class Extract implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Option(names = "--input", required = true, paramLabel = "PATH", description = "A file or folder; repeatable.")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--output", required = true, paramLabel = "DIR", description = "The folder to publish into.")
        Path output;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "extract",
                description = "The job's name in the job repository (default: ${DEFAULT-VALUE}).")
        String name;

        @CommandLine.Mixin
        RunOptions options = new RunOptions();

        @Override
        public Integer call() {
            return cli.runJob(Invocation.ofExtract(), () -> {
                List<String> missing = inputs.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
                if (!missing.isEmpty()) {
                    throw new JobFile.BadJobException("input path does not exist: " + String.join(", ", missing));
                }
                double rejectRate = options.maxRejectRate != null ? options.maxRejectRate : RunSpec.DEFAULT_MAX_REJECT_RATE;
                double warningRate = options.maxWarningRate != null ? options.maxWarningRate
                        : RunSpec.DEFAULT_MAX_WARNING_RATE;
                try {
                    return new RunSpec(name, inputs, output, rejectRate, warningRate,
                            options.csv != null ? options.csv : CsvStyle.SPREADSHEET, false, null, null);
                } catch (IllegalArgumentException e) {
                    throw new JobFile.BadJobException(e.getMessage());
                }
            });
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks a release: file sizes and SHA-256 against datapackage.json, CSV headers and cell "
                    + "types, keys unique, every question and finding pointing at a report, every report against "
                    + "the JSON Schema. Exit 0 when valid, 3 with each problem listed when not.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "DIR",
                description = "A release folder, or a job's output folder (its latest release is checked).")
        Path release;

        @Override
        public Integer call() throws java.io.IOException {
            Path folder = releaseIn(release);
            List<String> problems = new ReleaseValidator().problems(folder);
            if (problems.isEmpty()) {
                cli.out.println("valid: " + folder);
                return Outcome.OK;
            }
            problems.forEach(problem -> cli.out.println("problem: " + problem));
            cli.out.println(problems.size() + " problem(s) in " + folder);
            return Outcome.QUALITY_GATE_FAILED;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compares two releases: reports added and removed, judgments changed (report and question), "
                    + "questions and findings added and removed. Prints a summary and writes diff.csv.")
    static final class Diff implements Callable<Integer> {
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
        public Integer call() throws java.io.IOException {
            List<ReleaseDiff.Change> changes = new ReleaseDiff().between(releaseIn(older), releaseIn(newer));
            ReleaseDiff.write(output, changes, options.csv != null ? options.csv : CsvStyle.SPREADSHEET);
            java.util.Map<String, Long> byKind = new java.util.TreeMap<>(changes.stream().collect(
                    java.util.stream.Collectors.groupingBy(ReleaseDiff.Change::change, java.util.stream.Collectors.counting())));
            cli.out.println(changes.isEmpty() ? "no changes" : changes.size() + " change(s): " + byKind);
            for (ReleaseDiff.Change c : changes) {
                cli.out.println("  " + c.reportId() + (c.questionNumber() == null ? "" : " Q" + c.questionNumber()) + " "
                        + c.change() + (c.field().isEmpty() ? "" : " " + c.field())
                        + (c.old().isEmpty() && c.now().isEmpty() ? "" : ": '" + c.old() + "' -> '" + c.now() + "'"));
            }
            cli.out.println("written to " + output);
            return Outcome.OK;
        }
    }

    @Command(name = "harvest", mixinStandardHelpOptions = true,
            description = "Finds and fetches the published reports from seed pages, politely (robots.txt, a rate "
                    + "limit, retries), and keeps them as a new WARC snapshot. Exit 3 when it finds no report.")
    static final class Harvest implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
                description = "A job file naming seed, allow, snapshot, rate and user-agent; the options override it.")
        Path jobFile;

        @Option(names = "--seed", paramLabel = "URL", description = "A page to start from; repeatable.")
        List<String> seeds = new ArrayList<>();

        @Option(names = "--allow", paramLabel = "URL_PREFIX",
                description = "Only URLs under these prefixes are fetched; repeatable (default: the seeds).")
        List<String> allow = new ArrayList<>();

        @Option(names = "--snapshot", paramLabel = "DIR",
                description = "The folder each harvest adds a <UTC timestamp>/ snapshot to "
                        + "(default: the job file's, else input/snapshots/harvest).")
        Path snapshot;

        @Option(names = "--rate", paramLabel = "REQUESTS_PER_SECOND",
                description = "The most requests a second to one host (default: the job file's, else 1).")
        Double rate;

        @Option(names = "--user-agent", paramLabel = "TEXT", description = "Names the project and a contact address.")
        String userAgent;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "The most one request may take, connecting, the headers and the body together; "
                        + "a slower answer is a failure, retried (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Override
        public Integer call() throws Exception {
            java.util.Optional<JobFile.HarvestPlan> plan = java.util.Optional.empty();
            if (jobFile != null) {
                try {
                    plan = JobFile.harvestPlan(jobFile);
                } catch (JobFile.BadJobException | IllegalArgumentException e) {
                    cli.err.println("peel-harvest: " + e.getMessage());
                    return CommandLine.ExitCode.USAGE;
                }
            }
            List<String> seedList = !seeds.isEmpty() ? seeds : plan.map(JobFile.HarvestPlan::seeds).orElse(List.of());
            if (seedList.isEmpty()) {
                cli.err.println("peel-harvest: no seed: give --seed URL or a job file that names 'seed'");
                return CommandLine.ExitCode.USAGE;
            }
            List<String> allowList = !allow.isEmpty() ? allow : plan.map(JobFile.HarvestPlan::allow).orElse(seedList);
            Path root = snapshot != null ? snapshot
                    : plan.map(JobFile.HarvestPlan::snapshotRoot).orElse(Path.of("input/snapshots/harvest"));
            double perSecond = rate != null ? rate : plan.map(JobFile.HarvestPlan::rate).orElse(1.0);
            String agent = userAgent != null ? userAgent
                    : plan.map(JobFile.HarvestPlan::userAgent).orElse(HarvestSettings.DEFAULT_USER_AGENT);
            return new HarvestRunner(cli.out, cli.err).harvest(seedList, allowList, root, perSecond, agent, timeout)
                    .exitCode();
        }
    }

    /** A release folder as given, or a job's output folder's latest release. */
    static Path releaseIn(Path folder) {
        return Files.isRegularFile(folder.resolve("reports.jsonl")) || !Files.exists(folder.resolve("latest"))
                ? folder : folder.resolve("latest");
    }

    interface SpecSource {
        RunSpec get();
    }

    int runJob(Invocation invocation, SpecSource specSource) {
        RunSpec spec;
        try {
            spec = specSource.get();
        } catch (JobFile.BadJobException e) {
            err.println("peel-harvest: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        java.util.Optional<String> problem = spec.usageProblem();
        if (problem.isPresent()) {
            err.println("peel-harvest: " + problem.get());
            return CommandLine.ExitCode.USAGE;
        }
        out.println("job " + spec.name() + ": " + spec.inputs().size() + " input(s) -> " + spec.output());
        // The output's lock first: a second run of the same output is refused before it opens anything.
        try (OutputLock ignored = OutputLock.acquire(spec.output());
             ConfigurableApplicationContext context = PeelHarvestApplication.start(spec,
                     invocation.properties(springProperties))) {
            Outcome outcome = context.getBean(JobRunner.class).run(spec, out);
            out.print(outcome.summary());
            if (!outcome.problem().isEmpty()) {
                err.println("peel-harvest: job " + spec.name() + " " + outcome.problem());
            }
            RunRecord.leave(spec, invocation, outcome, outcome.exitCode(), outcome.problem(), err);
            return outcome.exitCode();
        } catch (OutputLock.HeldException e) {
            err.println("peel-harvest: job " + spec.name() + " not started: " + e.getMessage());
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "not started: " + e.getMessage(), err);
            return Outcome.JOB_FAILED;
        } catch (Exception e) {
            err.println("peel-harvest: job " + spec.name() + " failed: " + e.getMessage());
            RunRecord.leave(spec, invocation, null, Outcome.JOB_FAILED, "failed: " + e.getMessage(), err);
            return Outcome.JOB_FAILED;
        }
    }
}
