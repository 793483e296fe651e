package com.luckify.batch.notify;

import com.luckify.batch.support.AfterCommit;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Starts {@code drawResultNotifyJob} once a draw is recorded ({@code DrawCompleted}), after the relay commits. */
@Component
class NotifyOnDrawCompleted implements DomainEventHandler {

    private static final Logger log = LoggerFactory.getLogger(NotifyOnDrawCompleted.class);

    private final JobOperator jobs;
    private final Job drawResultNotifyJob;
    private final Executor executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "draw-result-notify");
        thread.setDaemon(true);
        return thread;
    });

    NotifyOnDrawCompleted(JobOperator jobs, Job drawResultNotifyJob) {
        this.jobs = jobs;
        this.drawResultNotifyJob = drawResultNotifyJob;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("DrawCompleted");
    }

    @Override
    public void handle(DomainEvent event) {
        long lotteryId = event.longValue("lotteryId");
        Runnable start = () -> executor.execute(() -> {
            try {
                jobs.start(drawResultNotifyJob, new JobParametersBuilder().addLong("lotteryId", lotteryId, true)
                        .toJobParameters());
            } catch (Exception e) {
                log.warn("could not notify the results of lottery {}: {}", lotteryId, e.toString());
            }
        });
        AfterCommit.run(start);
    }
}
