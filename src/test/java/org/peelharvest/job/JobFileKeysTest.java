package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job-file keys are described twice, for two readers: in "Job files" in docs/commands.md and in
 * {@code run --help}. Both must name the same keys with the same defaults (issue 12), and the
 * defaults must be the ones docs/commands.md states elsewhere ("Exit codes", "harvest", "CSV for
 * spreadsheets or for pipelines").
 */
class JobFileKeysTest {

    /** Every key, in the order the examples of docs/commands.md give them. */
    private static final List<String> KEYS = List.of("name", "input", "output", "max-reject-rate", "max-warning-rate",
            "csv", "seed", "allow", "snapshot", "rate", "user-agent", "max-urls", "max-links-per-page", "max-duration");

    /** The defaults as the prose of docs/commands.md states them; a key missing here has none stated. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("max-reject-rate", "0.2");
        DEFAULTS.put("max-warning-rate", "0.2");
        DEFAULTS.put("csv", "plain");
        DEFAULTS.put("allow", "the seeds");
        DEFAULTS.put("snapshot", "../input/snapshots/<name>");
        DEFAULTS.put("rate", "1");
        DEFAULTS.put("max-urls", "100000");
        DEFAULTS.put("max-links-per-page", "5000");
        DEFAULTS.put("max-duration", "6h");
    }

    private static final Pattern DEFAULT = Pattern.compile("\\(default:? ([^)]+)\\)");

    @TempDir
    Path temp;

    @Test
    void theReadmeNamesEveryKeyWithItsDefault() throws IOException {
        Map<String, String> readme = readmeKeys();

        assertThat(readme.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(defaultsOf(readme)).isEqualTo(DEFAULTS);
    }

    @Test
    void runHelpNamesTheSameKeysWithTheSameDefaults() {
        Map<String, String> help = helpKeys();

        assertThat(help.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(defaultsOf(help)).isEqualTo(DEFAULTS);
    }

    @Test
    void aJobFileTakesExactlyTheKeysTheyName() {
        assertThat(JobFile.KEYS).containsExactlyElementsOf(KEYS);
    }

    /** Each key of the yaml examples of "## Job files" with its comment. */
    private static Map<String, String> readmeKeys() throws IOException {
        String readme = Files.readString(Path.of("docs/commands.md"));
        int start = readme.indexOf("\n## Job files\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                Matcher key = Pattern.compile("^([a-z-]+):[^#]*(?:#(.*))?$").matcher(line);
                if (key.matches()) {
                    keys.putIfAbsent(key.group(1), key.group(2) == null ? "" : key.group(2));
                }
            }
        }
        return keys;
    }

    /** Each key of the help's footer with its description (a long one goes on, indented, on the next lines). */
    private Map<String, String> helpKeys() {
        CliRunner.Result result = new CliRunner(temp).run("run", "--help");
        String footer = result.out().substring(result.out().indexOf("Job file keys"));
        Map<String, String> keys = new LinkedHashMap<>();
        String last = null;
        for (String line : footer.lines().skip(1).toList()) {
            Matcher key = Pattern.compile("^  ([a-z-]+) +(\\S.*)$").matcher(line);
            if (key.matches()) {
                last = key.group(1);
                keys.put(last, key.group(2));
            } else if (last != null && line.startsWith("                    ")) {
                keys.merge(last, " " + line.strip(), String::concat);
            } else {
                last = null;
            }
        }
        return keys;
    }

    private static Map<String, String> defaultsOf(Map<String, String> descriptions) {
        Map<String, String> defaults = new LinkedHashMap<>();
        descriptions.forEach((key, text) -> {
            Matcher stated = DEFAULT.matcher(text);
            if (stated.find()) {
                defaults.put(key, stated.group(1).strip());
            }
        });
        return defaults;
    }
}
