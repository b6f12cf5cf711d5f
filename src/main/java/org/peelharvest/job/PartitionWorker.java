package org.peelharvest.job;

import java.util.function.Function;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker step of the extract step's partitions: for each partition's execution it makes a step
 * of its own (its reader, processor, writer and listeners made for that partition) and runs it,
 * then closes what was made for it ({@link Parts#close}). The partitions run side by side, each
 * in its own thread, and share nothing but what is shared by design (the extraction cache, the
 * progress).
 *
 * <p>Step-scoped beans did this before: every call to the reader, processor, writer and listeners
 * went through a proxy that looked the partition's bean up, and each bean was made by resolving
 * its arguments (expressions included) for each partition, about a tenth of the extract threads'
 * own time over 780 small pages (issue 18's profile).
 */
final class PartitionWorker implements Step {

    /** A partition's step and what it must close when it ends, however it ends. */
    record Parts(Step step, AutoCloseable close) {
    }

    private final String name;
    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final Function<StepExecution, Parts> parts;

    /**
     * @param name  the step's name ({@code extractWorker}); a partition's execution is named by the
     *              partition step ({@code extractWorker:partition3})
     * @param parts makes a partition's step from its execution; what goes wrong in making one is
     *              recorded as that partition's failure, as a step's own failures are, and a restart
     *              runs it again
     */
    PartitionWorker(String name, JobRepository repository, PlatformTransactionManager transactions,
                    Function<StepExecution, Parts> parts) {
        this.name = name;
        this.repository = repository;
        this.transactions = transactions;
        this.parts = parts;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The partitions run again on a restart too: the partition step takes this from its worker step. */
    @Override
    public boolean isAllowStartIfComplete() {
        return true;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        Parts made;
        try {
            made = parts.apply(stepExecution);
        } catch (RuntimeException | Error e) {
            // An error too (a class that cannot be initialised): the step records it, as it records its own.
            failing(e).execute(stepExecution);
            return;
        }
        try {
            made.step().execute(stepExecution);
        } finally {
            try {
                made.close().close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + stepExecution.getStepName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** A step that fails with {@code failure}, so that the partition's execution records it. */
    private Step failing(Throwable failure) {
        return new StepBuilder(name, repository).tasklet((contribution, context) -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }, transactions).build();
    }
}
