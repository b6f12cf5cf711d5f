package org.peelharvest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.peelharvest.harvest.HarvestLimits;
import org.peelharvest.harvest.HarvestSettings;
import org.peelharvest.job.HarvestDefinition;
import org.peelharvest.job.Invocation;
import org.peelharvest.job.JobDefinition;
import org.peelharvest.job.JobFile;

/** {@code run [JOB_FILE]}: runs a job file, resuming its last run when that one did not end. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a job file. With no argument, runs jobs/sample.yaml: every document under "
                + "input/sample/ published to output/sample/. A run that failed or was killed is resumed.",
        footerHeading = "%nJob file keys (YAML; paths relative to the job file's folder; a list may be one value):%n",
        // The keys with their defaults, taken from where they are defined; JobFileKeysTest holds the README to the same.
        footer = {
            "  name              required: letters, digits, . _ -; names the run in the job",
            "                    repository",
            "  input             files and folders to extract from (required unless seed is",
            "                    given)",
            "  output            required: the folder each run publishes a release into",
            "  max-reject-rate   the quality gate for rejected documents, 0 to 1",
            "                    (default " + JobDefinition.DEFAULT_MAX_REJECT_RATE + ")",
            "  max-warning-rate  the quality gate for published reports without questions,",
            "                    0 to 1 (default " + JobDefinition.DEFAULT_MAX_WARNING_RATE + ")",
            "  csv               spreadsheet or plain (default " + JobDefinition.DEFAULT_CSV_LABEL + ")",
            "  seed              pages to harvest from first, into a new snapshot the run",
            "                    extracts",
            "  allow             URL prefixes the harvest stays inside (default: the seeds)",
            "  snapshot          the folder of the harvest's snapshots",
            "                    (default ../" + HarvestDefinition.SNAPSHOTS + "/<name>)",
            "  rate              requests a second to one host when harvesting (default "
                    + HarvestSettings.DEFAULT_REQUESTS_PER_SECOND + ")",
            "  user-agent        the harvest's User-Agent, naming the project and a contact",
            "                    address",
            "  max-urls          the most URLs the harvest keeps track of (default "
                    + HarvestLimits.DEFAULT_MAX_URLS + ")",
            "  max-links-per-page the most links followed from one page (default "
                    + HarvestLimits.DEFAULT_MAX_LINKS_PER_PAGE + ")",
            "  max-duration      the longest the harvest runs: h, m or s (default "
                    + HarvestLimits.DEFAULT_MAX_DURATION + ")",
            "Options given on the command line win over the job file's values."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
            description = "The job file (YAML; its keys are listed below).")
    Path jobFile;

    @CommandLine.Mixin
    RunOptions options = new RunOptions();

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Override
    public Integer call() {
        Path file = jobFile != null ? jobFile : defaultJobFile();
        return cli.runJob(Invocation.ofRun(file), () -> JobFile.load(file, options.overrides()), options, outputOptions);
    }

    static Path defaultJobFile() {
        return Path.of(System.getProperty("peel.home", ".")).resolve("jobs").resolve("sample.yaml");
    }
}
