package org.peelharvest.job;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the job repository's tables only when they are missing. Spring Boot's own initializer
 * ({@code spring.batch.jdbc.initialize-schema: always}) runs Spring Batch's schema script on every
 * start and ignores the "Table … already exists" errors, but H2 writes each of them, with its stack
 * trace, to the repository's {@code .trace.db} file: about 31 KB a run and a {@code status}, for
 * ever (issue 17, item 11). Replacing Boot's bean (it backs off when one of its type is defined)
 * keeps its settings, script and ordering before the job repository.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositorySchema {

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                        BatchJdbcProperties properties) {
        return new WhenMissing(dataSource, properties);
    }

    /** Boot's initializer, asked first whether the repository's first table is there. */
    static final class WhenMissing extends BatchDataSourceScriptDatabaseInitializer {

        private final String table;

        WhenMissing(DataSource dataSource, BatchJdbcProperties properties) {
            super(dataSource, properties);
            this.table = properties.getTablePrefix() == null ? "BATCH_JOB_INSTANCE"
                    : properties.getTablePrefix() + "JOB_INSTANCE";
        }

        @Override
        public boolean initializeDatabase() {
            return !exists(getDataSource(), table) && super.initializeDatabase();
        }
    }

    /**
     * Whether {@code table} exists, asked of the database's metadata (a query of a missing table
     * would itself be a traced error); its name as H2 keeps unquoted names (upper case) or as
     * PostgreSQL does (lower case), in the schema the connection uses.
     */
    static boolean exists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = connection.getSchema();
            return has(metadata, schema, table.toUpperCase(Locale.ROOT))
                    || has(metadata, schema, table.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            // Cannot tell: let the script run, as Spring Boot does, and its errors be ignored.
            return false;
        }
    }

    /** In the connection's own schema only: a shared PostgreSQL may hold the tables of other schemas. */
    private static boolean has(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        try (ResultSet tables = metadata.getTables(null, schema, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
