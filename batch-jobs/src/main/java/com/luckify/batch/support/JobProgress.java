package com.luckify.batch.support;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Where a job execution stands, for the admin console's live view: its status and times, and per step what Batch
 * recorded at the last chunk commit (items read and written, chunks committed).
 */
public record JobProgress(long executionId, String jobName, String status, String exitCode, String exitDescription,
        LocalDateTime startTime, LocalDateTime endTime, LocalDateTime lastUpdated, String parameters,
        int totalSteps, List<StepProgress> steps) {

    public record StepProgress(String name, String status, long readCount, long writeCount, long commitCount,
            long rollbackCount, LocalDateTime startTime, LocalDateTime endTime) {

        boolean finished() {
            return "COMPLETED".equals(status);
        }
    }

    public boolean running() {
        return endTime == null && ("STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status));
    }

    /** Finished steps out of the job's steps, 0 to 100; a completed job is 100 whatever steps it skipped. */
    public int percent() {
        if ("COMPLETED".equals(status)) {
            return 100;
        }
        if (totalSteps == 0) {
            return 0;
        }
        long finished = steps.stream().filter(StepProgress::finished).count();
        return (int) Math.min(99, finished * 100 / totalSteps);
    }
}
