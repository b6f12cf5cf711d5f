package org.peelharvest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import org.peelharvest.publish.StagingArea;

/** Deletes a run's staged outcomes once its release is published; a failed run keeps them for its restart. */
class WorkAreaCleaner implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        RunSpec spec = RunSpec.from(execution.getJobParameters());
        try {
            Path workArea = spec.workArea(execution.getJobInstance().getInstanceId());
            new StagingArea(workArea).delete();
            deleteIfEmpty(workArea.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the work area of " + spec.name(), e);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }
}
