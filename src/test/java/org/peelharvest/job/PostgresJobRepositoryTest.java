package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataIntegrityViolationException;

import org.peelharvest.publish.ReleaseValidator;
import org.peelharvest.testing.Postgres;

/**
 * The job repository in PostgreSQL, as the README sets it, against a real server: each run a
 * process of its own, each test a fresh schema (so its first run creates the tables).
 */
class PostgresJobRepositoryTest {

    private static final int LAUNCHES_AT_ONCE = 8;
    private static final int ROUNDS = 3;

    @TempDir
    Path home;

    private Postgres.Schema schema;

    @BeforeEach
    void aSchemaOfItsOwn() throws SQLException {
        schema = Postgres.newSchema();
    }

    @AfterEach
    void dropIt() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aRunPublishesAndIsRecordedInPostgres() throws Exception {
        CliProcess.Result result = CliProcess.start(home, schema.springProperties(), "run", jobFile("sample").toString())
                .await();

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(new ReleaseValidator().problems(home.resolve("output/sample/latest"))).isEmpty();
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION where STATUS = 'COMPLETED'")).isEqualTo(1);
        assertThat(home.resolve("output/.sample.peel-harvest/job-repository")).as("no H2 file beside the output").doesNotExist();
    }

    @Test
    void aRunKilledWhileExtractingIsResumedByTheNextRun() throws Exception {
        Map<String, String> oneDocumentAChunk = new HashMap<>(schema.springProperties());
        oneDocumentAChunk.put("peel.chunk-size", "1");
        Path job = jobFile("sample");
        CliProcess killed = CliProcess.start(home, oneDocumentAChunk, "run", job.toString());
        StagedLogs.awaitReport(killed, home.resolve("output/.sample.peel-harvest/work"));
        killed.kill();
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION where STATUS = 'STARTED'"))
                .as("the killed run is recorded as still running").isEqualTo(1);

        CliProcess.Result resumed = CliProcess.start(home, oneDocumentAChunk, "run", job.toString()).await();

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(Outcome.OK);
        assertThat(resumed.out()).contains("resuming run 1 of sample where it stopped", "documents read: 8");
        assertThat(new ReleaseValidator().problems(home.resolve("output/sample/latest"))).isEmpty();
        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION where STATUS = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void twoJobsStartedAtTheSameMomentOnAFreshRepositoryBothPublish() throws Exception {
        CliProcess first = CliProcess.start(home, schema.springProperties(), "run", jobFile("first").toString());
        CliProcess second = CliProcess.start(home, schema.springProperties(), "run", jobFile("second").toString());

        for (CliProcess.Result result : List.of(first.await(), second.await())) {
            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        }
        assertThat(new ReleaseValidator().problems(home.resolve("output/first/latest"))).isEmpty();
        assertThat(new ReleaseValidator().problems(home.resolve("output/second/latest"))).isEmpty();
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION where STATUS = 'COMPLETED'")).isEqualTo(2);
    }

    @Test
    void jobInstancesOfDifferentWorkCreatedAtTheSameMomentNeverAbortEachOther() throws Exception {
        try (ConfigurableApplicationContext application = application()) {
            JobRepository repository = application.getBean(JobRepository.class);
            ExecutorService launches = Executors.newFixedThreadPool(LAUNCHES_AT_ONCE);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    launchAtOnce(repository, launches, round);
                }
            } finally {
                launches.shutdownNow();
            }
        }

        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(ROUNDS * LAUNCHES_AT_ONCE);
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION")).isEqualTo(ROUNDS * LAUNCHES_AT_ONCE);
    }

    @Test
    void theSameJobInstanceCreatedTwiceAtTheSameMomentIsCreatedOnce() throws Exception {
        try (ConfigurableApplicationContext application = application()) {
            JobRepository repository = application.getBean(JobRepository.class);
            JobParameters parameters = new JobParametersBuilder().addString("name", "twice").addLong("run", 1L)
                    .toJobParameters();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService launches = Executors.newFixedThreadPool(2);
            try {
                List<Future<JobInstance>> created = List.of(1, 2).stream().map(launch -> launches.submit(() -> {
                    together.await();
                    return repository.createJobInstance("extractJob", parameters);
                })).toList();
                long refused = 0;
                for (Future<JobInstance> instance : created) {
                    try {
                        instance.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        // Refused either by the database (both looked before either inserted: the unique key) or
                        // by Spring Batch's own look before inserting (the other had already committed).
                        assertThat(e.getCause()).isInstanceOfAny(DataIntegrityViolationException.class,
                                IllegalStateException.class);
                        if (e.getCause() instanceof IllegalStateException) {
                            assertThat(e.getCause()).hasMessageContaining("must not already exist");
                        }
                        refused++;
                    }
                }
                assertThat(refused).isEqualTo(1);
            } finally {
                launches.shutdownNow();
            }
        }
        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(1);
    }

    /** The application against this test's schema, for the job repository only: no job is run. */
    private ConfigurableApplicationContext application() {
        Map<String, Object> settings = new HashMap<>(schema.springProperties());
        settings.put("peel.home", home.toString());
        return new SpringApplicationBuilder(PeelHarvestApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("postgres", settings))).run();
    }

    /** What {@code JobOperator.start} records before a job runs: its instance, then its execution. */
    private static void launchAtOnce(JobRepository repository, ExecutorService launches, int round) throws Exception {
        CyclicBarrier together = new CyclicBarrier(LAUNCHES_AT_ONCE);
        List<Future<JobExecution>> launched = new ArrayList<>();
        for (int job = 0; job < LAUNCHES_AT_ONCE; job++) {
            JobParameters parameters = new JobParametersBuilder().addString("name", "job-" + round + "-" + job)
                    .addLong("run", 1L).toJobParameters();
            launched.add(launches.submit(() -> {
                together.await();
                JobInstance instance = repository.createJobInstance("extractJob", parameters);
                return repository.createJobExecution(instance, parameters, new ExecutionContext());
            }));
        }
        for (Future<JobExecution> launch : launched) {
            assertThat(launch.get(60, TimeUnit.SECONDS).getId()).isNotNull();
        }
    }

    private Path jobFile(String name) throws IOException {
        Path file = home.resolve("jobs/" + name + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: " + name + "\ninput:\n  - " + Path.of("input/sample").toAbsolutePath()
                + "\noutput: ../output/" + name + "\n");
        return file;
    }

    private long count(String query) throws SQLException {
        try (Connection db = schema.connect(); Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
