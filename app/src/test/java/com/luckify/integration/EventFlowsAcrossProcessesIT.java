package com.luckify.integration;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.EventTransport;
import com.luckify.common.Subscription;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.WeChatStub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two other Luckify processes ({@code worker} and {@code batch} roles) consume the events this one writes, while
 * this one's consumers are paused: joins made here move tasks forward there, full by-count lotteries are drawn
 * there, and every participant hears the result once, even when the events' messages come twice.
 */
class EventFlowsAcrossProcessesIT extends IntegrationTest {

    private final LuckifyProcesses processes = new LuckifyProcesses();

    @Autowired
    EventConsumers consumers;

    @Autowired
    EventTransport transport;

    @AfterEach
    void restore() {
        processes.close();
        consumers.resume();
    }

    @Test
    void eventsWrittenHereAreHandledOnceByWhicheverOtherProcessIsFree() throws Exception {
        consumers.pause();
        processes.start("east", "--luckify.roles=worker,batch");
        processes.start("west", "--luckify.roles=worker,batch");
        long firstEvent = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM outbox_event", Long.class);

        String owner = newUserToken();
        List<Long> lotteries = new ArrayList<>();
        List<String> players = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long lotteryId = createLottery(owner, lottery(2, 3, prize(1, 1)));
            lotteries.add(lotteryId);
            for (int j = 0; j < 3; j++) {
                String player = weChatUser();
                players.add(player);
                assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}",
                        tokenOf(player)).code()).isEqualTo(200);
            }
        }

        WeChatStub weChat = WeChatStub.instance();
        await("every participant told the result", 120, () -> players.stream()
                .allMatch(player -> !weChat.subscribeMessagesTo(player).isEmpty()));
        await("every delivery done", 30, () -> jdbc.queryForObject("SELECT COUNT(*) FROM event_delivery "
                + "WHERE event_id >= ? AND done_time IS NULL", Integer.class, firstEvent) == 0);

        // the same messages once more, as a redelivery racing a slow consumer would send them
        for (Subscription subscription : Subscription.values()) {
            List<Long> ids = jdbc.queryForList("SELECT event_id FROM event_delivery WHERE subscription = ? "
                    + "AND event_id >= ?", Long.class, subscription.key(), firstEvent);
            transport.send(subscription, ids);
        }
        Thread.sleep(3_000);

        for (long lotteryId : lotteries) {
            assertThat(jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                    Integer.class, lotteryId)).isEqualTo(1);
        }
        for (String player : players) {
            assertThat(weChat.subscribeMessagesTo(player)).as("one notice each").hasSize(1);
            assertThat(jdbc.queryForObject("SELECT progress FROM task_record WHERE user_id = ? AND task_id = 1",
                    Integer.class, userIdOfOpenId(player))).as("the join counted once").isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT subscription FROM event_delivery WHERE event_id >= ?", String.class,
                firstEvent)).containsExactlyInAnyOrder("task-progress", "draw-on-threshold", "draw-result-notice");
        assertThat(jdbc.queryForList("SELECT DISTINCT done_by FROM event_delivery WHERE event_id >= ?", String.class,
                firstEvent)).as("handled over there, not here").isNotEmpty().isSubsetOf("east", "west");
    }
}
