package org.peelharvest.job;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run [JOB_FILE]}: runs a job file, resuming its last run when that one did not end. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a job file. With no argument, runs jobs/sample.yaml: every document under "
                + "input/sample/ published to output/sample/. A run that failed or was killed is resumed.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE",
            description = "The job file (YAML: name, input, output, max-reject-rate, max-warning-rate).")
    Path jobFile;

    @CommandLine.Mixin
    RunOptions options = new RunOptions();

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Override
    public Integer call() {
        return cli.runJob(() -> JobFile.load(jobFile != null ? jobFile : defaultJobFile(), options.maxRejectRate,
                options.maxWarningRate, options.csv), outputOptions);
    }

    private static Path defaultJobFile() {
        return Path.of(System.getProperty("peel.home", ".")).resolve("jobs").resolve("sample.yaml");
    }
}
