package org.peelharvest.bench;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The start-up yardstick of issue 11: a minimal Spring Boot application with Spring Batch and the
 * same job repository (H2 file, the project's application.yaml), whose one step prints
 * "first document" as it starts. Its time to that line is compared with the extract job's time to
 * its first document.
 */
@SpringBootApplication
public class MinimalBatchApp {

    @Bean
    Job minimalJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder("minimalJob", jobRepository)
                .start(new StepBuilder("minimalStep", jobRepository).tasklet((contribution, context) -> {
                    System.out.println("first document");
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(MinimalBatchApp.class, args)) {
            context.getBean(JobOperator.class).start(context.getBean(Job.class),
                    new JobParametersBuilder().addLong("at", System.currentTimeMillis()).toJobParameters());
        }
    }
}
