package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import org.peelharvest.publish.WriteFailure;

/** The one line that names why a run failed: what a person must fix, wherever it is among the run's failures (issue 17, item 8). */
class OutcomeCauseTest {

    @Test
    void aFileNotWrittenIsNamedWithTheSystemsReasonWhereverItIsAmongTheFailures() {
        Throwable job = new IllegalStateException("Partition handler returned an unsuccessful step");
        Throwable partition = new RuntimeException("Unable to process chunk", new UncheckedIOException("cannot stage",
                new WriteFailure(Path.of("/data/.out.publishing/questions.csv"), new IOException("No space left on device"))));

        assertThat(Outcome.causeOf(List.of(job, partition)))
                .isEqualTo("no space left on device writing /data/.out.publishing/questions.csv");
    }

    @Test
    void theJobRepositoryFailingToWriteItsFileIsNamedAsSuch() {
        Throwable repository = new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("The database has been closed", new IOException("No space left on device")));

        assertThat(Outcome.causeOf(List.of(repository))).isEqualTo("no space left on device writing the job repository");
    }

    @Test
    void anyOtherFailureIsItsInnermostCause() {
        Throwable failure = new IllegalStateException("outer", new IllegalArgumentException("the real reason"));

        assertThat(Outcome.causeOf(List.of(failure))).isEqualTo("the real reason");
        assertThat(Outcome.causeOf(List.of())).isEmpty();
    }

    @Test
    void aCauseIsSaidInWordsNeverByItsJavaType() {
        Throwable torn = new IllegalStateException("outer", new java.io.EOFException());
        Throwable bare = new IllegalStateException("outer", new NullPointerException());

        assertThat(Outcome.causeOf(List.of(torn))).isEqualTo("the data ends early");
        assertThat(Outcome.causeOf(List.of(bare))).isEqualTo("an unexpected error (run it again with --debug to see where)");
    }

    @Test
    void aFileThatFailsIsNamedWithTheSystemsReason() {
        Throwable blocked = new IllegalStateException("outer",
                new java.nio.file.FileSystemException("/srv/peel/blocker/snapshots", null, "Not a directory"));

        assertThat(Outcome.causeOf(List.of(blocked))).isEqualTo("not a directory (/srv/peel/blocker/snapshots)");
    }

    @Test
    void aRunThatFailedBeforePublishingSaysItPublishedNothingRatherThanCountingDuplicates() {
        Outcome failed = new Outcome(org.springframework.batch.core.BatchStatus.FAILED, 3, 0, 0, "", 0, "",
                java.time.Duration.ZERO, "", "no space left on device writing out/reports.csv", "", "", 2, 2, null, 0);

        assertThat(failed.summary()).contains("documents read: 3\nreports extracted: 3 (none published)\n")
                .doesNotContain("duplicate");
    }
}
