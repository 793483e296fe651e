package com.luckify.batch.retention;

import com.luckify.common.OutboxRetention;
import com.luckify.notification.NotificationRetention;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code retentionJob}: removes what has been handled and has outlived its use, so these tables stop growing for
 * ever. Each step reads the removable ids in id order and removes them a chunk per transaction, after checking
 * each row again; the position is kept in the step's context, so a failed run restarts after its last committed
 * chunk, and a second run finds nothing left to do.
 * <ol>
 * <li>{@code outboxEvents}: outbox events every subscription has handled, relayed more than
 * {@code outbox-age} ago, with their {@code event_delivery} rows ({@link OutboxRetention});</li>
 * <li>{@code notificationLogs}: notification logs created more than {@code notification-age} ago, with their
 * resolved dead letters; a log whose dead letter is open stays ({@link NotificationRetention});</li>
 * <li>{@code batchHistory}: Spring Batch job instances whose executions all ended more than {@code batch-age}
 * ago, none running, with everything Batch keeps of them ({@link JobHistory}).</li>
 * </ol>
 * Rows are removed, not archived: none of them is evidence. What audits need lives elsewhere and is never touched
 * here (participations, draw records, the audit log, the report archive, points ledgers).
 * The identifying parameter {@code asOf} (an ISO instant) fixes the cutoffs, so a restart removes by the same
 * ones; every run is its own instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionJobConfiguration {

    static final String JOB = "retentionJob";
    static final String AS_OF = "asOf";
    static final List<String> STEPS = List.of("outboxEvents", "notificationLogs", "batchHistory");

    @Bean
    Job retentionJob(JobRepository jobs, Step outboxEvents, Step notificationLogs, Step batchHistory) {
        return new JobBuilder(JOB, jobs).start(outboxEvents).next(notificationLogs).next(batchHistory).build();
    }

    @Bean
    Step outboxEvents(JobRepository jobs, PlatformTransactionManager transactions, ExpiredRows expiredEvents,
            RetentionProperties properties) {
        return purgeStep("outboxEvents", jobs, transactions, expiredEvents, properties.chunkSize());
    }

    @Bean
    Step notificationLogs(JobRepository jobs, PlatformTransactionManager transactions, ExpiredRows expiredNotifications,
            RetentionProperties properties) {
        return purgeStep("notificationLogs", jobs, transactions, expiredNotifications, properties.chunkSize());
    }

    @Bean
    Step batchHistory(JobRepository jobs, PlatformTransactionManager transactions, ExpiredRows expiredJobInstances,
            RetentionProperties properties) {
        return purgeStep("batchHistory", jobs, transactions, expiredJobInstances, instancesPerChunk(properties));
    }

    // these three are built as their step starts, with the run's cutoff; no inferred destroy method: the step
    // closes its streams itself, and close() would run twice
    @Bean(destroyMethod = "")
    @StepScope
    ExpiredRows expiredEvents(OutboxRetention outbox, RetentionProperties properties,
            @Value("#{jobParameters['" + AS_OF + "']}") String asOf) {
        return new ExpiredRows("outbox events", new Purge(outbox::lastRelayedBefore, outbox::handledAfter, outbox::delete),
                Instant.parse(asOf).minus(properties.outboxAge()), properties.chunkSize());
    }

    @Bean(destroyMethod = "")
    @StepScope
    ExpiredRows expiredNotifications(NotificationRetention notifications, RetentionProperties properties,
            @Value("#{jobParameters['" + AS_OF + "']}") String asOf) {
        return new ExpiredRows("notification logs", new Purge(notifications::lastCreatedBefore,
                notifications::expiredAfter, notifications::delete),
                Instant.parse(asOf).minus(properties.notificationAge()), properties.chunkSize());
    }

    @Bean(destroyMethod = "")
    @StepScope
    ExpiredRows expiredJobInstances(JobHistory history, RetentionProperties properties,
            @Value("#{jobParameters['" + AS_OF + "']}") String asOf) {
        return new ExpiredRows("job instances", new Purge(history::lastInstanceBefore, history::overAfter, history::delete),
                Instant.parse(asOf).minus(properties.batchAge()), instancesPerChunk(properties));
    }

    /** An instance is a dozen rows or so, some of them large (a draw's step contexts): a fifth of the chunk size. */
    private static int instancesPerChunk(RetentionProperties properties) {
        return Math.max(1, properties.chunkSize() / 5);
    }

    /** A chunk is one page of ids: one read, one removal, one transaction. */
    private static Step purgeStep(String name, JobRepository jobs, PlatformTransactionManager transactions,
            ExpiredRows rows, int chunkSize) {
        return new StepBuilder(name, jobs).<Long, Long>chunk(chunkSize)
                .transactionManager(transactions)
                .reader(rows)
                .writer(rows)
                .stream(rows)
                .build();
    }
}
