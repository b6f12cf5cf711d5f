package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;

/**
 * The extract step's worker makes each partition's step for it (issue 18: no step-scoped proxies),
 * and a partition's failures, in making its step or in running it, are the partition's, recorded
 * as a step's are; what was made for it is closed however it ends.
 */
class PartitionWorkerTest {

    private final JobRepository repository = new ResourcelessJobRepository();
    private final ResourcelessTransactionManager transactions = new ResourcelessTransactionManager();
    private final List<String> events = new ArrayList<>();

    @Test
    void eachPartitionGetsAStepMadeForItsExecutionAndClosedAfterIt() throws Exception {
        PartitionWorker worker = worker(execution -> {
            events.add("made for " + execution.getStepName());
            return new PartitionWorker.Parts(step(() -> events.add("ran " + execution.getStepName())),
                    () -> events.add("closed " + execution.getStepName()));
        });
        StepExecution first = partition("extractWorker:partition0");
        StepExecution second = partition("extractWorker:partition1");

        worker.execute(first);
        worker.execute(second);

        assertThat(events).containsExactly("made for extractWorker:partition0", "ran extractWorker:partition0",
                "closed extractWorker:partition0", "made for extractWorker:partition1", "ran extractWorker:partition1",
                "closed extractWorker:partition1");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(worker.getName()).isEqualTo("extractWorker");
        assertThat(worker.isAllowStartIfComplete()).as("a restart runs every partition again").isTrue();
    }

    @Test
    void aPartitionWhoseStepCannotBeMadeIsRecordedFailed() throws Exception {
        assertRecordedFailed("extractWorker:partition2", new IllegalStateException("the job's definition is gone from the work area"));
    }

    @Test
    void aPartitionWhoseStepCannotBeMadeForAnErrorIsRecordedFailedToo() throws Exception {
        // A class that cannot be initialised, the first time a partition's extractor is made.
        assertRecordedFailed("extractWorker:partition4", new ExceptionInInitializerError("the reader's patterns did not compile"));
    }

    private void assertRecordedFailed(String name, Throwable failure) throws Exception {
        PartitionWorker worker = worker(execution -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        });
        StepExecution partition = partition(name);

        worker.execute(partition);

        assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partition.getExitStatus().getExitDescription()).contains(failure.getMessage());
        assertThat(repository.getLastStepExecution(partition.getJobExecution().getJobInstance(), name).getStatus())
                .as("as the job repository holds it").isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void whatWasMadeForAFailedPartitionIsClosedToo() throws Exception {
        PartitionWorker worker = worker(execution -> new PartitionWorker.Parts(step(() -> {
            throw new IllegalStateException("a document broke the partition");
        }), () -> events.add("closed")));
        StepExecution partition = partition("extractWorker:partition3");

        worker.execute(partition);

        assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(events).containsExactly("closed");
    }

    @Test
    void whatWasMadeIsClosedWhenItsStepThrows() throws Exception {
        // A step that does not record its own failure (an interrupted job's) still leaves nothing open.
        Step throwing = new Step() {
            @Override
            public void execute(StepExecution stepExecution) {
                throw new IllegalStateException("the step broke off");
            }
        };
        PartitionWorker worker = worker(execution -> new PartitionWorker.Parts(throwing, () -> events.add("closed")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> worker.execute(partition("extractWorker:partition5")))
                .hasMessage("the step broke off");
        assertThat(events).containsExactly("closed");
    }

    private PartitionWorker worker(java.util.function.Function<StepExecution, PartitionWorker.Parts> parts) {
        return new PartitionWorker("extractWorker", repository, transactions, parts);
    }

    private Step step(Runnable work) {
        return new StepBuilder("extractWorker", repository).tasklet((contribution, context) -> {
            work.run();
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private StepExecution partition(String name) throws Exception {
        JobParameters parameters = new JobParameters();
        JobInstance instance = repository.createJobInstance("extractJob", parameters);
        JobExecution job = repository.createJobExecution(instance, parameters, new ExecutionContext());
        return repository.createStepExecution(name, job);
    }
}
