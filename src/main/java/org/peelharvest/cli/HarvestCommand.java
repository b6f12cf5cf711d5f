package org.peelharvest.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.peelharvest.harvest.HarvestLimits;
import org.peelharvest.harvest.HarvestOutcome;
import org.peelharvest.job.CommandOutput;
import org.peelharvest.job.HarvestDefinition;
import org.peelharvest.job.HarvestRunner;
import org.peelharvest.job.JobDefinition;
import org.peelharvest.job.JobFile;
import org.peelharvest.job.Outcome;
import org.peelharvest.job.SignalStop;

/** {@code harvest [JOB_FILE]}: fetches the published reports into a new WARC snapshot. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Finds and fetches the published reports from seed pages, politely (robots.txt, a rate "
                + "limit, retries), and keeps them as a new WARC snapshot. Exit 3 when it finds no report.")
final class HarvestCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
            description = "A job file naming seed, allow, snapshot, rate, user-agent and the harvest's max-urls, "
                    + "max-links-per-page and max-duration; the options override it.")
    Path jobFile;

    @CommandLine.Mixin
    HarvestOptions options = new HarvestOptions();

    @CommandLine.Mixin
    QuietOption quietOption = new QuietOption();

    @Override
    public Integer call() throws Exception {
        Optional<HarvestDefinition> harvest;
        try {
            harvest = definition();
        } catch (IllegalArgumentException e) {
            cli.err().println("peel-harvest: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (harvest.isEmpty()) {
            cli.err().println("peel-harvest: no seed: give --seed URL or a job file that names 'seed'");
            return CommandLine.ExitCode.USAGE;
        }
        HarvestRunner runner = new HarvestRunner(CommandOutput.of(cli.out(), cli.err(), quietOption.quiet, false));
        try (SignalStop signals = SignalStop.install()) {
            HarvestOutcome outcome = runner.harvest(harvest.get(), () -> signals.received() != null);
            if (outcome.ending() == HarvestOutcome.Ending.STOPPED) {
                cli.err().println("peel-harvest: harvest stopped by signal (" + signals.received().label()
                        + "); run the same command again to resume it");
                return signals.received().exitCode;
            }
            return Outcome.exitCode(outcome);
        }
    }

    /** The harvest of the job file, if one is given, with the options over it; empty without a seed. */
    private Optional<HarvestDefinition> definition() {
        if (jobFile != null) {
            return JobFile.harvest(jobFile, options.overrides());
        }
        return Optional.ofNullable(options.overrides().harvest(null, null, null, null, null, HarvestLimits.Given.NONE,
                HarvestDefinition.defaultSnapshotRoot(Path.of(""), JobDefinition.HARVEST_NAME)));
    }
}
