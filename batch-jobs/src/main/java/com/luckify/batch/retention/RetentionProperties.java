package com.luckify.batch.retention;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code luckify.retention.*}: how old handled rows get before {@code retentionJob} removes them, and how many it
 * removes per transaction. A bare number is days. Ages under a day are refused: they would remove what a restart
 * or a person may still need (a failed job's positions, a notice's at-most-once claim).
 *
 * @param outboxAge       outbox events every subscription has handled, counted from their relay
 * @param notificationAge notification logs (and their resolved dead letters), counted from their creation
 * @param batchAge        Spring Batch job instances, counted from the end of their last execution
 * @param chunkSize       rows (job instances for Batch's tables) removed per transaction
 */
@ConfigurationProperties("luckify.retention")
record RetentionProperties(
        @DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) Duration outboxAge,
        @DefaultValue("90d") @DurationUnit(ChronoUnit.DAYS) Duration notificationAge,
        @DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) Duration batchAge,
        @DefaultValue("500") int chunkSize) {

    RetentionProperties {
        requireAtLeastADay("outbox-age", outboxAge);
        requireAtLeastADay("notification-age", notificationAge);
        requireAtLeastADay("batch-age", batchAge);
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("luckify.retention.chunk-size must be 1 to 10000, not " + chunkSize);
        }
    }

    private static void requireAtLeastADay(String name, Duration age) {
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("luckify.retention." + name + " must be at least a day, not " + age);
        }
    }
}
