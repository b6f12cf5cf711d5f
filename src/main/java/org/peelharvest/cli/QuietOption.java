package org.peelharvest.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, for cron: of every command that runs a job or a harvest. */
class QuietOption {

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing on success and only the cause of a failure (stderr): for cron.")
    boolean quiet;
}
