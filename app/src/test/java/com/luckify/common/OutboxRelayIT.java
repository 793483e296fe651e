package com.luckify.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events reach their consumers once; one that cannot be handled is set aside without holding up the rest. */
class OutboxRelayIT extends IntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void anEventNoConsumerCanHandleIsSetAsideAndTheOthersAreDelivered() {
        long userId = userIdOf(newUserToken());
        long broken = insertEvent("{\"lotteryId\":1}"); // no userId: the task consumer cannot handle it
        long fine = insertEvent("{\"lotteryId\":1,\"userId\":" + userId + ",\"instant\":false}");

        for (int i = 0; i < 20 && attempts(broken) < 10; i++) {
            relay.relayPending();
        }

        Map<String, Object> parked = jdbc.queryForMap(
                "SELECT attempts, last_error, published_time FROM outbox_event WHERE id = ?", broken);
        assertThat(parked.get("attempts")).isEqualTo(10);
        assertThat((String) parked.get("last_error")).contains("userId");
        assertThat(parked.get("published_time")).as("set aside, not lost").isNull();
        assertThat(jdbc.queryForObject("SELECT published_time IS NOT NULL FROM outbox_event WHERE id = ?", Boolean.class,
                fine)).isTrue();
        assertThat(jdbc.queryForObject("SELECT progress FROM task_record WHERE user_id = ? AND task_id = 1",
                Integer.class, userId)).as("the good event counted once").isEqualTo(1);

        relay.relayPending();
        assertThat(attempts(broken)).as("no longer retried").isEqualTo(10);
    }

    private long insertEvent(String payload) {
        jdbc.update("INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload) "
                + "VALUES ('LotteryJoined', 'lottery', 1, ?)", payload);
        return jdbc.queryForObject("SELECT MAX(id) FROM outbox_event", Long.class);
    }

    private int attempts(long id) {
        return jdbc.queryForObject("SELECT attempts FROM outbox_event WHERE id = ?", Integer.class, id);
    }
}
