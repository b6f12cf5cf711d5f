package org.peelharvest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.peelharvest.publish.CsvStyle;
import org.peelharvest.job.HarvestDefinition;
import org.peelharvest.job.JobDefinition;

/** The options of the commands that run a job ({@code run}, {@code extract}): its quality gate and CSV style. */
class RunOptions {

    @Option(names = "--max-reject-rate", paramLabel = "RATE",
            description = "Fail the quality gate (exit 3) when more than this share of documents is rejected "
                    + "(0 to 1; default: the job file's, else " + JobDefinition.DEFAULT_MAX_REJECT_RATE + ").")
    Double maxRejectRate;

    @Option(names = "--max-warning-rate", paramLabel = "RATE",
            description = "Fail the quality gate (exit 3) when more than this share of published reports has "
                    + "no questions (0 to 1; default: the job file's, else " + JobDefinition.DEFAULT_MAX_WARNING_RATE + ").")
    Double maxWarningRate;

    @Option(names = "--csv", paramLabel = "STYLE", converter = CsvStyleConverter.class,
            description = "spreadsheet (default: UTF-8 with a byte-order mark, formula-like cells guarded, "
                    + "for Excel and Sheets) or plain (the values exactly, for pipelines).")
    CsvStyle csv;

    @Option(names = "--full",
            description = "Read every document again, even those an earlier run of this build already read "
                    + "unchanged (by default their results are taken from the output's cache, .DIR.cache).")
    boolean full;

    /** The application's settings these options make, added to {@code settings}. */
    java.util.Map<String, Object> settings(java.util.Map<String, Object> settings) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(settings);
        if (full) {
            all.put(org.peelharvest.job.JobLaunch.FULL, true);
        }
        return all;
    }

    /** What these options set, checked (a rate that is no share is named as its option). */
    JobDefinition.Overrides overrides() {
        return new JobDefinition.Overrides(maxRejectRate, maxWarningRate, csv, HarvestDefinition.Overrides.NONE);
    }

    static final class CsvStyleConverter implements CommandLine.ITypeConverter<CsvStyle> {
        @Override
        public CsvStyle convert(String value) {
            return CsvStyle.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a CSV style: spreadsheet or plain"));
        }
    }
}
