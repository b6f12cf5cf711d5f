package org.peelharvest.job;

import java.nio.file.Path;

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
import org.springframework.transaction.PlatformTransactionManager;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Report;
import org.peelharvest.publish.DatasetPublisher;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.validate.ReportValidator;

/**
 * The extract job: {@code extractStep} reads each document, extracts and validates its report and
 * stages it (a document is the unit of work and of skipping); {@code publishStep} publishes the
 * staged reports and rejects as one release.
 */
@Configuration(proxyBeanMethods = false)
class ExtractJobConfiguration {

    @Bean
    Job extractJob(JobRepository jobRepository, Step extractStep, Step publishStep) {
        return new JobBuilder(jobRepository)
                .start(extractStep)
                .next(publishStep)
                .listener(new WorkAreaCleaner())
                .build();
    }

    @Bean
    Step extractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     DocumentReader documentReader, StagingArea stagingArea, ProgressReporter progressReporter,
                     @Value("${peel.chunk-size:10}") int chunkSize) {
        return new StepBuilder(jobRepository)
                .<Path, Report>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(documentReader)
                .processor(new ExtractProcessor(new DocumentExtractor(), new ReportValidator()))
                .writer(new StagingWriter(stagingArea))
                .faultTolerant()
                .skipPolicy(new RejectedDocumentSkipPolicy())
                .skipListener(new RejectRecorder(stagingArea))
                .listener(progressReporter)
                .build();
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
    RunSpec runSpec(@Value("#{stepExecution}") StepExecution stepExecution) {
        return RunSpec.from(stepExecution.getJobExecution().getJobParameters());
    }

    @Bean
    @StepScope
    StagingArea stagingArea(RunSpec runSpec, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new StagingArea(runSpec.workArea(stepExecution.getJobExecution().getJobInstance().getInstanceId()));
    }

    @Bean
    @StepScope
    DocumentReader documentReader(RunSpec runSpec) {
        return new DocumentReader(runSpec.inputs());
    }

    @Bean
    @StepScope
    ProgressReporter progressReporter(DocumentReader documentReader) {
        return new ProgressReporter(documentReader, System.out);
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(StagingArea stagingArea, RunSpec runSpec) {
        return new PublishTasklet(stagingArea, new DatasetPublisher(), runSpec);
    }
}
