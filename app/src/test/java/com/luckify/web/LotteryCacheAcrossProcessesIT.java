package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.answersApi;
import static com.luckify.support.LuckifyProcesses.await;
import static com.luckify.support.LuckifyProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.lottery.LotteryService;
import com.luckify.support.ApiClient;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A second Luckify process (the {@code api} role) caches the public list in its own memory; a change made
 * through this process reaches it over Redis pub/sub at once. Its watch of Redis, which catches lost messages,
 * is made too slow here to be what tells it; the second test shows that watch doing its part when no message came.
 */
class LotteryCacheAcrossProcessesIT extends IntegrationTest {

    private static final String LIST = "/lottery/v1/lottery/lotteryList";

    private final LuckifyProcesses processes = new LuckifyProcesses();

    @Autowired
    LotteryService lotteries;

    @Autowired
    RedissonClient redisson;

    @AfterEach
    void stopProcesses() {
        processes.close();
    }

    @Test
    void anotherProcessStopsListingAnAnnouncedLotteryAtOnce() throws Exception {
        int port = freePort();
        // its watch of Redis is off for the test's length: only the change's message can reach it
        processes.start("cache-reader", "--luckify.roles=api", "--server.port=" + port, "--luckify.lottery.cache-watch=1h");
        ApiClient other = new ApiClient(port);
        await("the second process answering", 120, () -> answersApi(other));
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        assertThat(listed(other)).contains(id);

        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", id);
        assertThat(listed(other)).as("served from the other process's cache until it is told").contains(id);
        lotteries.changed(id);

        await("the other process drops the announced lottery", 5, () -> !listed(other).contains(id));
    }

    @Test
    void aChangeWhoseMessageWasLostIsSeenByTheGenerationWatch() throws Exception {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        assertThat(listed(api)).contains(id);
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", id);
        assertThat(listed(api)).as("cached").contains(id);

        // what a change does, minus the pub/sub message
        redisson.getAtomicLong("luckify:lottery:generation").incrementAndGet();

        await("the watch sees the new generation", 5, () -> !listed(api).contains(id));
    }

    private static List<Long> listed(ApiClient client) {
        JsonNode list = client.post(LIST, "{\"lastId\":0,\"pageSize\":10,\"isSelected\":0}").data().path("list");
        List<Long> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
