package org.peelharvest.job;

import java.nio.file.Path;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.validate.ReportValidator;
import org.peelharvest.validate.ReportWarnings;

/**
 * The extract job: {@code harvestStep} harvests into a snapshot when the job names seeds (and ends the
 * job when it finds no report; a failed harvest fails the job, so nothing is published and {@code latest}
 * stays where it was); {@code extractStep} lists the documents and deals them out to partitions, in
 * each of which {@code extractWorker} reads each document, extracts and validates its report and
 * stages it (a document is the unit of work and of skipping); {@code publishStep} publishes the
 * staged reports, their warnings and the rejects as one release.
 */
@Configuration(proxyBeanMethods = false)
class ExtractJobConfiguration {

    /** Stopped between documents by SIGTERM and SIGINT when the command line runs it ({@link SignalStop}). */
    @Bean
    Job extractJob(JobRepository jobRepository, Step harvestStep, Step extractStep, Step publishStep,
                   org.springframework.beans.factory.ObjectProvider<SignalStop> signalStop) {
        JobBuilder job = new JobBuilder(jobRepository);
        signalStop.ifAvailable(job::listener);
        return job
                .start(harvestStep).on(HarvestTasklet.NO_REPORTS).end()
                .from(harvestStep).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(harvestStep).on("*").to(extractStep).next(publishStep)
                .end()
                .build();
    }

    @Bean
    Step harvestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     HarvestTasklet harvestTasklet) {
        return new StepBuilder(jobRepository)
                .tasklet(harvestTasklet, transactionManager)
                .build();
    }

    /**
     * The job's definition, read once per step from the work area file its job parameters name. Not
     * proxied (a record cannot be): it is made when a step-scoped bean of the same step needs it, on
     * that step's thread. A partition's worker reads its own ({@link #extractWorker}).
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    JobDefinition jobDefinition(@Value("#{stepExecution}") StepExecution stepExecution) {
        return JobDefinition.from(stepExecution.getJobParameters());
    }

    /** The staging area of the step's job instance, for the partition and publish steps. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    StagingArea stagingArea(JobDefinition jobDefinition, @Value("#{stepExecution}") StepExecution stepExecution) {
        return stagingAreaOf(jobDefinition, stepExecution);
    }

    /**
     * The staging area of the job instance a step belongs to, a restart finding the same one, as
     * that step writes to it: a partition writes its outcomes to logs of its own, named by its execution.
     */
    private static StagingArea stagingAreaOf(JobDefinition job, StepExecution step) {
        return JobRunner.stagingArea(job, step.getJobExecution()).writingAs(step.getId());
    }

    @Bean
    @StepScope
    HarvestTasklet harvestTasklet(JobDefinition jobDefinition, CommandOutput output) {
        return new HarvestTasklet(jobDefinition, output);
    }

    /**
     * Partitions a thread: a partition that ends early leaves its thread to the next one waiting,
     * so the threads end together even where a document's size misjudges its work (issue 11).
     */
    static final int PARTITIONS_A_THREAD = 4;

    /**
     * The documents dealt out by size to {@value #PARTITIONS_A_THREAD} partitions for each of
     * {@code peel.threads} threads ({@link #workers}), each partition a worker step of its own;
     * every core parses while the job repository, staging and validation of the others go on beside it.
     */
    @Bean
    Step extractStep(JobRepository jobRepository, DocumentPartitioner documentPartitioner, Step extractWorker,
                     @Value("${peel.threads:0}") int threads, @Value("${" + SHORT_RUN + ":false}") boolean shortRun) {
        int workers = workers(threads, Runtime.getRuntime().availableProcessors(), shortRun);
        return new StepBuilder(jobRepository)
                .partitioner("extractWorker", documentPartitioner)
                .step(extractWorker)
                .gridSize(workers * PARTITIONS_A_THREAD)
                .taskExecutor(extractThreads(workers))
                // Runs again on every restart, so inputs changed since the kill are read (issue 9, item 10).
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * Set by the launcher ({@code ./peel-harvest}) for a short run, an {@code extract} of at most 4 MB
     * of inputs: documents that small cannot fill the heap, however many are read at once.
     */
    static final String SHORT_RUN = "peel.short-run";

    /**
     * The extract step's threads: {@code threads} where set; else one a core, and one more in a short
     * run. Over 780 small pages on two cores a third thread finished the documents about 5% sooner in
     * each of five sets of alternated runs (issue 18); a larger run keeps one a core, so that two of
     * its largest PDFs, not three, share the heap.
     */
    static int workers(int threads, int cores, boolean shortRun) {
        if (threads > 0) {
            return threads;
        }
        return shortRun ? cores + 1 : cores;
    }

    private static SimpleAsyncTaskExecutor extractThreads(int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("peel-harvest-extract-");
        executor.setConcurrencyLimit(threads);
        return executor;
    }

    /**
     * One partition's documents: a document is the unit of work and of skipping. Each partition's
     * step is made for it ({@link PartitionWorker}): its job definition and staging area (its own
     * logs, named by its execution), reader, processor, writer and listeners.
     */
    @Bean
    Step extractWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       ProgressReporter progressReporter, DocumentExtractor.Limits documentLimits,
                       ExtractionCaches extractionCaches, @Value("${peel.chunk-size:10}") int chunkSize,
                       @Value("${" + JobLaunch.FULL + "}") boolean full) {
        String name = "extractWorker";
        return new PartitionWorker(name, jobRepository, transactionManager, execution -> {
            JobDefinition job = JobDefinition.from(execution.getJobParameters());
            StagingArea staging = stagingAreaOf(job, execution);
            try {
                // Reads, extracts and validates one document, or takes what an earlier run found from the output's cache.
                ExtractProcessor processor = new ExtractProcessor(new DocumentExtractor(documentLimits), new ReportValidator(),
                        extractionCaches.of(job.output()), full);
                Step step = new StepBuilder(name, jobRepository)
                        .<DocumentRef, ExtractedDocument>chunk(chunkSize)
                        .transactionManager(transactionManager)
                        .reader(new DocumentReader(staging, DocumentPartitioner.nameOf(execution)))
                        .processor(processor)
                        .writer(new StagingWriter(staging))
                        .faultTolerant()
                        .skipPolicy(new RejectedDocumentSkipPolicy())
                        .skipListener(new RejectRecorder(staging))
                        .listener(progressReporter.listener(execution.getJobExecutionId()))
                        .build();
                return new PartitionWorker.Parts(step, staging);
            } catch (RuntimeException | Error e) {
                staging.close();
                throw e;
            }
        });
    }

    /** The extraction cache of each output, bounded by {@code peel.cache.max-size} (application.yaml). */
    @Bean
    ExtractionCaches extractionCaches(@Value("${" + ExtractionCache.MAX_SIZE_SETTING + "}") DataSize maxSize) {
        return new ExtractionCaches(maxSize.toBytes());
    }

    /** What one document may cost: {@code peel.limits.max-document-size} and {@code peel.limits.document-timeout}. */
    @Bean
    DocumentExtractor.Limits documentLimits(org.springframework.core.env.Environment environment) {
        return DocumentLimitSettings.of(environment);
    }

    @Bean
    Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     PublishTasklet publishTasklet) {
        return new StepBuilder(jobRepository)
                .tasklet(publishTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    DocumentPartitioner documentPartitioner(@Value("#{stepExecution}") StepExecution stepExecution,
                                            JobDefinition jobDefinition, StagingArea stagingArea,
                                            JobRepository jobRepository, ProgressReporter progressReporter) {
        String snapshot = jobDefinition.harvest() == null ? null : harvestedSnapshot(stepExecution, jobRepository);
        return new DocumentPartitioner(snapshot == null ? jobDefinition.inputs()
                : jobDefinition.withInput(Path.of(snapshot)).inputs(),
                stagingArea, progressReporter, stepExecution.getJobExecutionId());
    }

    /**
     * The snapshot this job instance's harvest wrote, from the harvest step's own context: saved before
     * the step is recorded complete, so a run killed right after its harvest (before the job's context
     * was saved) is resumed past its harvest and still finds it, in this execution or an earlier one.
     */
    private static String harvestedSnapshot(StepExecution stepExecution, JobRepository jobRepository) {
        StepExecution harvest = jobRepository.getLastStepExecution(stepExecution.getJobExecution().getJobInstance(),
                "harvestStep");
        String snapshot = harvest == null ? null : harvest.getExecutionContext().getString(HarvestTasklet.SNAPSHOT, null);
        if (snapshot == null) {
            // Reading the job's other inputs alone would publish a release without what was harvested.
            throw new IllegalStateException("the snapshot this run harvested is not recorded in the job repository");
        }
        return snapshot;
    }

    @Bean
    ProgressReporter progressReporter(org.springframework.beans.factory.ObjectProvider<CommandOutput> output,
                                      @Value("${peel.progress-interval:10s}") java.time.Duration interval) {
        // A context started without the command line's output (a test's) shows progress on the standard streams.
        return new ProgressReporter(output.getIfAvailable(() -> CommandOutput.of(System.out, System.err, false, false))
                .withInterval(interval));
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(JobDefinition jobDefinition, StagingArea stagingArea,
                                  org.springframework.core.env.Environment environment) {
        return new PublishTasklet(stagingArea, new DatasetPublisher(jobDefinition.csv(), new ReportWarnings()::of),
                jobDefinition, Invocation.from(environment));
    }
}
