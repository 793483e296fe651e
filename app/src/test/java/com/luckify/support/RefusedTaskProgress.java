package com.luckify.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real failure of a real consumer: while armed, the database refuses to write one user's task progress (trigger
 * of test migration {@code R__test_refused_task_progress.sql}), so the task-progress consumer fails on every event
 * of that user, rolls back, and after {@code luckify.events.max-attempts} failures sets the delivery aside as a dead
 * letter. Closing it lifts the refusal: the next delivery succeeds.
 */
public final class RefusedTaskProgress implements AutoCloseable {

    /** The test profile's {@code luckify.events.max-attempts} (the default). */
    public static final int MAX_ATTEMPTS = 10;

    private final JdbcTemplate jdbc;
    private final long userId;

    private RefusedTaskProgress(JdbcTemplate jdbc, long userId) {
        this.jdbc = jdbc;
        this.userId = userId;
    }

    public static RefusedTaskProgress of(JdbcTemplate jdbc, long userId) {
        jdbc.update("INSERT IGNORE INTO test_refused_task_progress (user_id) VALUES (?)", userId);
        return new RefusedTaskProgress(jdbc, userId);
    }

    /** The database takes the user's task progress again. */
    @Override
    public void close() {
        jdbc.update("DELETE FROM test_refused_task_progress WHERE user_id = ?", userId);
    }

    /** The id of the {@code LotteryJoined} event of this user joining this lottery, once it is recorded. */
    public long joinEvent(long lotteryId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM outbox_event WHERE event_type = 'LotteryJoined' "
                    + "AND aggregate_id = ? AND JSON_VALUE(payload, '$.userId') = ?", Long.class, lotteryId, userId);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no LotteryJoined event of user " + userId + " in lottery " + lotteryId);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the task-progress delivery of {@code eventId} has used up its attempts: a dead letter. */
    public void awaitDeadLetter(long eventId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (attempts(eventId) < MAX_ATTEMPTS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event " + eventId + " tried only " + attempts(eventId) + " times");
            }
            Thread.sleep(50);
        }
    }

    private int attempts(long eventId) {
        List<Integer> attempts = jdbc.queryForList("SELECT attempts FROM event_delivery WHERE subscription = 'task-progress' "
                + "AND event_id = ? AND done_time IS NULL", Integer.class, eventId);
        return attempts.isEmpty() ? 0 : attempts.get(0);
    }
}
