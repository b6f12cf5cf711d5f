package org.peelharvest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server that `.ci/run` installs and starts, named by PEEL_TEST_POSTGRES_URL,
 * _USER and _PASSWORD (environment variables or system properties). On a developer's machine
 * without them its tests are skipped; under CI ({@code CI=true}) they fail instead, as
 * {@link Programs#require} does for a missing program.
 */
public final class Postgres {

    private Postgres() {
    }

    /** A schema of one test's own, so that it sees no other test's runs; dropped on close. */
    public record Schema(String url, String user, String password) implements AutoCloseable {

        /** The settings that point the application's job repository here. */
        public Map<String, String> springProperties() {
            return Map.of("spring.datasource.url", url, "spring.datasource.username", user,
                    "spring.datasource.password", password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() throws SQLException {
            try (Connection db = connect(); Statement sql = db.createStatement()) {
                sql.execute("drop schema " + name() + " cascade");
            }
        }

        private String name() {
            return url.substring(url.lastIndexOf('=') + 1);
        }
    }

    public static Schema newSchema() throws SQLException {
        String url = setting("PEEL_TEST_POSTGRES_URL");
        boolean ci = "true".equals(System.getenv("CI"));
        if (url == null && ci) {
            throw new IllegalStateException("PEEL_TEST_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it");
        }
        assumeTrue(url != null, "PEEL_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against");
        String user = setting("PEEL_TEST_POSTGRES_USER");
        String password = setting("PEEL_TEST_POSTGRES_PASSWORD");
        String name = "peel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("create schema " + name);
        }
        return new Schema(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password);
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }
}
