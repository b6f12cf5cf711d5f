package org.peelharvest.job;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.peelharvest.publish.CsvStyle;

/** The options of the commands that run a job ({@code run}, {@code extract}): its quality gate and CSV style. */
class RunOptions {

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

    /**
     * Refuses a rate given on the command line that is no share (0 to 1), naming the option, so
     * that it is not blamed on the job file.
     */
    void requireShares() {
        requireShare("--max-reject-rate", maxRejectRate);
        requireShare("--max-warning-rate", maxWarningRate);
    }

    private static void requireShare(String option, Double rate) {
        // Written so that NaN is refused too.
        if (rate != null && !(rate >= 0 && rate <= 1)) {
            throw new JobFile.BadJobException(option + " must be between 0 and 1, not " + rate);
        }
    }

    static final class CsvStyleConverter implements CommandLine.ITypeConverter<CsvStyle> {
        @Override
        public CsvStyle convert(String value) {
            return CsvStyle.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a CSV style: spreadsheet or plain"));
        }
    }
}
