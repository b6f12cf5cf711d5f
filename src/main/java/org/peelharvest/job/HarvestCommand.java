package org.peelharvest.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.peelharvest.harvest.HarvestSettings;

/** {@code harvest [JOB_FILE]}: fetches the published reports into a new WARC snapshot. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Finds and fetches the published reports from seed pages, politely (robots.txt, a rate "
                + "limit, retries), and keeps them as a new WARC snapshot. Exit 3 when it finds no report.")
final class HarvestCommand implements Callable<Integer> {

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

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing on success and only the cause of a failure (stderr): for cron.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Optional<JobFile.HarvestPlan> plan = Optional.empty();
        if (jobFile != null) {
            try {
                plan = JobFile.harvestPlan(jobFile);
            } catch (JobFile.BadJobException | IllegalArgumentException e) {
                cli.err().println("peel-harvest: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        List<String> seedList = !seeds.isEmpty() ? seeds : plan.map(JobFile.HarvestPlan::seeds).orElse(List.of());
        if (seedList.isEmpty()) {
            cli.err().println("peel-harvest: no seed: give --seed URL or a job file that names 'seed'");
            return CommandLine.ExitCode.USAGE;
        }
        List<String> allowList = !allow.isEmpty() ? allow : plan.map(JobFile.HarvestPlan::allow).orElse(seedList);
        Path root = snapshot != null ? snapshot
                : plan.map(JobFile.HarvestPlan::snapshotRoot).orElse(Path.of("input/snapshots/harvest"));
        double perSecond = rate != null ? rate : plan.map(JobFile.HarvestPlan::rate).orElse(1.0);
        String agent = userAgent != null ? userAgent
                : plan.map(JobFile.HarvestPlan::userAgent).orElse(HarvestSettings.DEFAULT_USER_AGENT);
        return Outcome.exitCode(new HarvestRunner(CommandOutput.of(cli.out(), cli.err(), quiet, false))
                .harvest(seedList, allowList, root, perSecond, agent, timeout));
    }
}
