package org.peelharvest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.peelharvest.job.Invocation;
import org.peelharvest.job.JobDefinition;
import org.peelharvest.job.JobFile;

/** {@code extract --input PATH… --output DIR}: extracts from files and folders into one folder, no releases. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extracts reports from files and folders (recursively; HTML and PDF, recognised by "
                + "content) and publishes the datasets into DIR.")
final class ExtractCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "A file or folder; repeatable.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The folder to publish into.")
    Path output;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = JobDefinition.EXTRACT_NAME,
            description = "The job's name in the job repository (default: ${DEFAULT-VALUE}).")
    String name;

    @CommandLine.Mixin
    RunOptions options = new RunOptions();

    @CommandLine.Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Override
    public Integer call() {
        return cli.runJob(Invocation.ofExtract(), () -> {
            JobDefinition.Overrides given = options.overrides();
            List<String> missing = inputs.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
            if (!missing.isEmpty()) {
                throw new JobFile.BadJobException("input path does not exist: " + String.join(", ", missing));
            }
            return new JobDefinition(name, inputs, output, given.maxRejectRate(null), given.maxWarningRate(null),
                    given.csv(null), false, null);
        }, options, outputOptions);
    }
}
