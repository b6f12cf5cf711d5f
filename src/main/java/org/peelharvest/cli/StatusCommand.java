package org.peelharvest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import org.peelharvest.job.CommandOutput;
import org.peelharvest.job.JobDefinition;
import org.peelharvest.job.JobFile;
import org.peelharvest.job.Outcome;
import org.peelharvest.job.PeelHarvestApplication;

/**
 * {@code status [JOB_FILE]}: the recent runs of a job, newest first, as Spring Batch recorded
 * them in the job repository of its output: one tab-separated line per run, under a header.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Lists the recent runs of a job (newest first) from its job repository: job, run, start, end, "
                + "status, documents, reports, rejects, exit code and release, tab-separated under a header.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (no run recorded included)", "1:the job repository could not be read",
                "2:bad usage or bad job file"})
public final class StatusCommand implements Callable<Integer> {

    public static final String HEADER = "job\trun\tstart\tend\tstatus\tdocuments\treports\trejects\texit_code\trelease";
    private static final int INSTANCES_READ = 200;
    /** The most runs one listing shows: a bound like every other numeric setting's. */
    private static final int MOST_LISTED = 10_000;

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
            description = "The job file whose runs are listed (default: jobs/sample.yaml).")
    Path jobFile;

    @Option(names = "--output", paramLabel = "DIR",
            description = "List the runs that published into DIR instead (the output of extract).")
    Path output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "The most runs listed (default: ${DEFAULT-VALUE}).")
    int limit;

    /** One run as listed. */
    /** @param killed a run its repository records as running whose process is gone: it has no exit code */
    private record Row(String job, String run, LocalDateTime start, LocalDateTime end, BatchStatus status,
                       Outcome outcome, String release, boolean killed) {

        /** The same row under {@code label}: "1.2" for the second attempt of run 1 (it was resumed). */
        Row numbered(String label) {
            return new Row(job, label, start, end, status, outcome, release, killed);
        }

        /** A run left running by a process that is gone (killed): stopped, and the next run resumes it. */
        Row stoppedUnlessRunning(boolean running) {
            return status.isRunning() && !running ? new Row(job, run, start, end, BatchStatus.STOPPED, outcome, release, true)
                    : this;
        }

        String line() {
            boolean ended = !status.isRunning() && !killed;
            return String.join("\t", job, run, time(start), time(end), status.toString(),
                    Integer.toString(outcome.documents()), Integer.toString(outcome.published()),
                    Integer.toString(outcome.rejected()), ended ? Integer.toString(outcome.exitCode()) : "",
                    release);
        }

        /** Always with its seconds: {@code LocalDateTime.toString} leaves out {@code :00}, once a minute. */
        private static String time(LocalDateTime time) {
            return time == null ? "" : SECONDS.format(time);
        }

        private static final java.time.format.DateTimeFormatter SECONDS =
                java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT);
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MOST_LISTED) {
            throw new UsageException("--limit must be between 1 and " + MOST_LISTED + ", not " + limit);
        }
        Path folder = outputFolder();
        if (!Files.isDirectory(PeelHarvestApplication.repositoryFolder(folder)) && !repositoryNamed()) {
            cli.out().println(HEADER);
            cli.err().println("peel-harvest status: no run recorded for " + folder);
            return Outcome.OK;
        }
        CommandOutput output = CommandOutput.of(cli.out(), cli.err(), false, false);
        try (ConfigurableApplicationContext context = PeelHarvestApplication.start(folder, cli.springProperties(),
                output)) {
            cli.out().println(HEADER);
            rows(context.getBean(JobRepository.class), folder).forEach(row -> cli.out().println(row.line()));
        }
        return Outcome.OK;
    }

    /** The output whose runs are listed, absolute as the runs record it. */
    private Path outputFolder() {
        if (output != null) {
            return output.toAbsolutePath().normalize();
        }
        Path file = jobFile != null ? jobFile : RunCommand.defaultJobFile();
        try {
            return JobFile.load(file, JobDefinition.Overrides.NONE).output();
        } catch (JobFile.BadJobException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Whether another job repository than the output's own is named (PostgreSQL, a test's H2 file). */
    private boolean repositoryNamed() {
        return cli.springProperties().containsKey("spring.datasource.url")
                || System.getProperty("spring.datasource.url") != null || System.getenv("SPRING_DATASOURCE_URL") != null;
    }

    private List<Row> rows(JobRepository repository, Path folder) {
        List<Row> rows = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, INSTANCES_READ)) {
                for (JobExecution execution : repository.getJobExecutions(instance)) {
                    JobParameters parameters = execution.getJobParameters();
                    if (folder.toString().equals(parameters.getString(JobDefinition.OUTPUT))) {
                        rows.add(row(execution, parameters));
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(Row::start, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean running = org.peelharvest.job.JobLaunch.runningFor(folder);
        List<Row> numbered = new ArrayList<>();
        java.util.Map<String, Integer> attempts = new java.util.HashMap<>();
        for (Row row : rows) {
            int attempt = attempts.merge(row.job() + "\t" + row.run(), 1, Integer::sum);
            numbered.add(row.numbered(attempt == 1 ? row.run() : row.run() + "." + attempt).stoppedUnlessRunning(running));
        }
        java.util.Collections.reverse(numbered);
        return numbered.subList(0, Math.min(limit, numbered.size()));
    }

    private static Row row(JobExecution execution, JobParameters parameters) {
        Outcome outcome = Outcome.of(execution);
        return new Row(parameters.getString(JobDefinition.NAME), Long.toString(parameters.getLong(JobDefinition.RUN, 0L)),
                execution.getStartTime(),
                execution.getEndTime(), execution.getStatus(), outcome, outcome.folder(), false);
    }
}
