package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.peelharvest.harvest.MirrorForJobTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ./peel-harvest} command shown in a {@code sh} block of the README and of
 * {@code docs/}, run as a user would, in the order the page gives them, each a child JVM in a copy
 * of the project's {@code jobs/} and {@code input/}, and its exit code checked: 0 unless the line's
 * comment says {@code # exit N}. The inspectorate's site is a loopback mirror laid out under the
 * real paths; a harvest is asked for 20 requests a second and a 1 s timeout, so that the mirror's
 * slow and failing pages do not make the test minutes long (the commands are otherwise as written).
 */
class DocumentedCommandsTest {

    private static final Path[] PAGES = {Path.of("README.md"), Path.of("docs")};
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXIT = Pattern.compile("#\\s*exit (\\d+)");
    private static final String SITE = "https://hmicfrs.justiceinspectorates.gov.uk";
    private static final String OLD_SITE = "https://www.justiceinspectorates.gov.uk";

    @TempDir
    static Path home;

    private static MirrorForJobTests mirror;

    /** One command as a page shows it: where, the words, and the exit code it should end with. */
    record Shown(String page, String line, int exitCode) {
        @Override
        public String toString() {
            return page + ": " + line;
        }
    }

    @BeforeAll
    static void aCopyOfTheProjectAndALoopbackSite() throws IOException {
        mirror = new MirrorForJobTests();
        copy(Path.of("input"), home.resolve("input"));
        copy(Path.of("jobs"), home.resolve("jobs"));
        try (Stream<Path> jobs = Files.list(home.resolve("jobs"))) {
            for (Path job : jobs.toList()) {
                Files.writeString(job, onMirror(Files.readString(job)));
            }
        }
    }

    @AfterAll
    static void closeTheSite() {
        mirror.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theCommandEndsWithTheExitCodeItIsShownWith(Shown shown) throws Exception {
        List<String> words = words(onMirror(shown.line()));
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        if (args.get(0).equals("harvest") || args.get(0).equals("run") && args.size() > 1 && args.get(1).contains("peel-")) {
            args.addAll(List.of("--rate", "20", "--timeout", "1"));
        }

        CliProcess.Result result = CliProcess.start(home, Map.of(), args.toArray(String[]::new)).await();

        assertThat(result.exitCode()).as(shown + "\n" + result.out() + result.err()).isEqualTo(shown.exitCode());
    }

    /** The commands of every page, README first, in page order. */
    static List<Shown> commands() throws IOException {
        List<Shown> shown = new ArrayList<>();
        for (Path page : pages()) {
            Matcher block = SH_BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                    String command = line.strip();
                    if (command.startsWith("./peel-harvest ")) {
                        Matcher exit = EXIT.matcher(command);
                        shown.add(new Shown(page.toString(), command.replaceFirst("\\s+#.*$", ""),
                                exit.find() ? Integer.parseInt(exit.group(1)) : 0));
                    }
                }
            }
        }
        assertThat(shown).as("the README shows commands").isNotEmpty();
        return shown;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(PAGES[0]));
        try (Stream<Path> docs = Files.list(PAGES[1])) {
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        return pages;
    }

    private static String onMirror(String text) {
        return text.replace(SITE, mirror.base() + "/hmicfrs").replace(OLD_SITE, mirror.base());
    }

    /** A shell line's words: split at spaces, a quoted part kept whole. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
