package org.peelharvest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Real programs the tests drive: headless Chromium and LibreOffice, from Debian's packages.
 * `.ci/run` installs them; on a developer's machine without them those tests are skipped, except
 * under CI ({@code CI=true}), where a missing program fails the test instead of hiding it.
 */
public final class Programs {

    public record Result(int exitCode, String out, String err) {
    }

    private Programs() {
    }

    public static Path require(String... names) {
        Optional<Path> found = find(names);
        boolean ci = "true".equals(System.getenv("CI"));
        if (found.isEmpty() && ci) {
            throw new IllegalStateException("none of " + List.of(names) + " is installed; .ci/run installs them");
        }
        assumeTrue(found.isPresent(), "none of " + List.of(names) + " is installed");
        return found.get();
    }

    private static Optional<Path> find(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static Result run(List<String> command, Path workDir, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
