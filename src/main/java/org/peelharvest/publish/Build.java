package org.peelharvest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of peel-harvest is running: its version, from {@code META-INF/build-info.properties}
 * (written by the Spring Boot Maven plugin's {@code build-info} goal from the POM's version), and
 * the git commit it was built from, from {@code git.properties} (written by the git-commit-id
 * plugin when the sources are a git checkout). One version string for {@code --version} and
 * {@code run.json} (issue 10).
 *
 * @param commit the full commit id, or null when the build did not know it (no git checkout)
 */
public record Build(String version, String commit) {

    /** What the version is when the build wrote no build-info: run from an IDE's own output, say. */
    static final String UNKNOWN = "unknown";

    private static final Build CURRENT = read();
    /** When the build was made (build-info's {@code build.time}); null when it wrote none. */
    private static final String BUILT_AT = properties("META-INF/build-info.properties").getProperty("build.time");

    public static Build current() {
        return CURRENT;
    }

    /**
     * The version of the code that extracts and validates, which names the results kept by the
     * extraction cache (issue 18): this build's version, commit and time, so that any new build,
     * uncommitted changes included, reads every document again rather than trust results its code
     * might no longer give. Empty when the build wrote no build-info: such a build keeps no results.
     */
    public static java.util.Optional<String> extractorVersion() {
        return BUILT_AT == null ? java.util.Optional.empty()
                : java.util.Optional.of(CURRENT.version() + " " + CURRENT.commit() + " " + BUILT_AT);
    }

    private static Build read() {
        Properties info = properties("META-INF/build-info.properties");
        Properties git = properties("git.properties");
        String commit = git.getProperty("git.commit.id.full", git.getProperty("git.commit.id"));
        return new Build(info.getProperty("build.version", UNKNOWN), commit == null || commit.isBlank() ? null : commit);
    }

    private static Properties properties(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Build.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // As if the build had not written it: the version is "unknown", the commit absent.
        }
        return properties;
    }
}
