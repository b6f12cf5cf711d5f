package org.peelharvest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.peelharvest.publish.ReleaseValidator;
import org.peelharvest.job.Outcome;

/** {@code validate DIR}: checks a release against its own descriptor and the report schema. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a release against what it says it is: every file against manifest-sha256.txt, then, "
                + "from its own datapackage.json, file sizes and SHA-256, CSV headers and every cell (types, "
                + "closed lists, required values), keys unique, foreign keys, every report against the JSON "
                + "Schema the descriptor names. Exit 0 when valid, 3 with each problem listed when not.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "A release folder, or a job's output folder (its latest release is checked).")
    Path release;

    @Override
    public Integer call() throws IOException {
        if (!java.nio.file.Files.isDirectory(release)) {
            throw new UsageException(release + ": no such folder");
        }
        Path folder = Cli.releaseIn(release);
        List<String> problems = new ReleaseValidator().problems(folder);
        if (problems.isEmpty()) {
            cli.out().println("valid: " + folder);
            return Outcome.OK;
        }
        problems.forEach(problem -> cli.out().println("problem: " + problem));
        cli.out().println(problems.size() + " problem(s) in " + folder);
        return Outcome.QUALITY_GATE_FAILED;
    }
}
