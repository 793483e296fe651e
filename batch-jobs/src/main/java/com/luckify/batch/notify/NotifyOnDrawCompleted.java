package com.luckify.batch.notify;

import com.luckify.checkin.CheckinService;
import com.luckify.common.AfterCommit;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import java.util.Set;
import java.util.concurrent.Executor;
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
    private final CheckinService checkins;
    // a few lotteries at a time, so that one with a million participants does not hold up the others
    private final Executor afterCommit = AfterCommit.executor("draw-result-notify", 3);

    NotifyOnDrawCompleted(JobOperator jobs, Job drawResultNotifyJob, CheckinService checkins) {
        this.jobs = jobs;
        this.drawResultNotifyJob = drawResultNotifyJob;
        this.checkins = checkins;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("DrawCompleted");
    }

    @Override
    public void handle(DomainEvent event) {
        long lotteryId = event.longValue("lotteryId");
        afterCommit.execute(() -> {
            try {
                // the day is fixed at the first start (a restart reuses the parameters), so a run finished on a
                // later day still finds the notices it already sent
                jobs.start(drawResultNotifyJob, new JobParametersBuilder().addLong("lotteryId", lotteryId, true)
                        .addString("day", checkins.today().toString(), false).toJobParameters());
            } catch (Exception e) {
                log.warn("could not notify the results of lottery {}: {}", lotteryId, e.toString());
            }
        });
    }
}
