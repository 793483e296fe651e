package com.luckify.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.IntegrationTest;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Outbox events travel through Redis to their subscriptions' consumers and are handled once: a duplicate
 * message does nothing, a lost one is sent again, one no consumer can handle is set aside as a dead letter
 * without holding up the rest.
 */
class OutboxRelayIT extends IntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    EventDeliveries deliveries;

    @Autowired
    EventTransport transport;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anEventIsDeliveredToEachSubscriptionThatWantsItAndHandledOnceEvenWhenItsMessageComesTwice() throws Exception {
        long userId = userIdOf(newUserToken());
        long joined = insertEvent("LotteryJoined", "{\"lotteryId\":1,\"userId\":" + userId + ",\"instant\":false}");
        long unheard = insertEvent("CommentPraised", "{\"commentId\":1}");

        relay.relayPending();
        await("the join handled", () -> doneBy(Subscription.TASK_PROGRESS, joined) != null);

        assertThat(jdbc.queryForList("SELECT subscription FROM event_delivery WHERE event_id = ?", String.class, joined))
                .containsExactly("task-progress");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_delivery WHERE event_id = ?", Integer.class, unheard))
                .as("no subscription wants it").isZero();
        assertThat(jdbc.queryForObject("SELECT published_time IS NOT NULL FROM outbox_event WHERE id = ?", Boolean.class,
                unheard)).isTrue();
        String handledBy = doneBy(Subscription.TASK_PROGRESS, joined);

        transport.send(Subscription.TASK_PROGRESS, List.of(joined));
        deliveries.consume(Subscription.TASK_PROGRESS, List.of(joined));
        await("the duplicate message popped", () -> queueLength(Subscription.TASK_PROGRESS) == 0);

        assertThat(progress(userId)).as("counted once").isEqualTo(1);
        assertThat(doneBy(Subscription.TASK_PROGRESS, joined)).isEqualTo(handledBy);
    }

    @Test
    void aDeliveryWhoseMessageWasLostIsSentAgain() throws Exception {
        long userId = userIdOf(newUserToken());
        // what Redis losing the message leaves: relayed an hour ago, never handled (inserted so, in one statement:
        // as a pending event, the running relay could deliver it before the test marks it relayed)
        long joined = insertEvent("LotteryJoined", "{\"lotteryId\":1,\"userId\":" + userId + ",\"instant\":false}",
                "NOW(3) - INTERVAL 1 HOUR");
        jdbc.update("INSERT INTO event_delivery (subscription, event_id, relay_time) VALUES ('task-progress', ?, "
                + "NOW(3) - INTERVAL 1 HOUR)", joined);

        await("sent again and handled", () -> doneBy(Subscription.TASK_PROGRESS, joined) != null);

        assertThat(progress(userId)).isEqualTo(1);
    }

    @Test
    void anEventNoConsumerCanHandleIsSetAsideAndTheOthersAreHandled() throws Exception {
        long userId = userIdOf(newUserToken());
        long broken = insertEvent("LotteryJoined", "{\"lotteryId\":1}"); // no userId: the task consumer cannot handle it
        long fine = insertEvent("LotteryJoined", "{\"lotteryId\":1,\"userId\":" + userId + ",\"instant\":false}");

        relay.relayPending();
        await("the broken event tried ten times", () -> attempts(broken) == 10);

        Map<String, Object> parked = jdbc.queryForMap("SELECT attempts, last_error, done_time FROM event_delivery "
                + "WHERE subscription = 'task-progress' AND event_id = ?", broken);
        assertThat((String) parked.get("last_error")).contains("userId");
        assertThat(parked.get("done_time")).as("set aside, not lost").isNull();
        assertThat(doneBy(Subscription.TASK_PROGRESS, fine)).isNotNull();
        assertThat(progress(userId)).as("the good event counted once").isEqualTo(1);

        Thread.sleep(500); // far longer than the tenth retry's backoff (test profile: 10 × 20 ms)
        relay.redeliverOverdue();
        assertThat(attempts(broken)).as("no longer retried").isEqualTo(10);
    }

    private long insertEvent(String type, String payload) {
        return insertEvent(type, payload, "NULL");
    }

    /** The new event's own id (MAX(id) could be another event written meanwhile). */
    private long insertEvent(String type, String payload, String publishedTime) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (event_type, aggregate_type, "
                    + "aggregate_id, payload, published_time) VALUES (?, 'lottery', 1, ?, " + publishedTime + ")",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, type);
            insert.setString(2, payload);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    private String doneBy(Subscription subscription, long eventId) {
        List<String> doneBy = jdbc.queryForList("SELECT done_by FROM event_delivery WHERE subscription = ? AND event_id = ? "
                + "AND done_time IS NOT NULL", String.class, subscription.key(), eventId);
        return doneBy.isEmpty() ? null : doneBy.get(0);
    }

    private int attempts(long eventId) {
        List<Integer> attempts = jdbc.queryForList("SELECT attempts FROM event_delivery WHERE subscription = 'task-progress' "
                + "AND event_id = ?", Integer.class, eventId);
        return attempts.isEmpty() ? 0 : attempts.get(0);
    }

    private Integer progress(long userId) {
        return jdbc.queryForObject("SELECT progress FROM task_record WHERE user_id = ? AND task_id = 1", Integer.class, userId);
    }

    private long queueLength(Subscription subscription) {
        return redis.opsForList().size("luckify:events:" + subscription.key());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
