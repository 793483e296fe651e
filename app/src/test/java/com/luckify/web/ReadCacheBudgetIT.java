package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.SharedReadCache;
import com.luckify.support.AddressedClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.web.support.ApiRateLimits.Budgets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.unit.DataSize;

/**
 * Reads anyone may make cannot fill the heap or walk the database: the shared read caches weigh their entries
 * against a byte budget whatever cursors clients send, while the pages everyone reads stay cached; page numbers
 * have a cap; and each address has a budget for reads without a token.
 */
class ReadCacheBudgetIT extends IntegrationTest {

    private static final String LIST = "/lottery/v1/lottery/lotteryList";

    @Autowired
    @Qualifier("lotteryReadCache")
    SharedReadCache lotteryCache;

    @Autowired
    RedissonClient redisson;

    @Autowired
    Budgets budgets;

    @Test
    void thousandsOfDistinctCursorsLeaveTheListCacheWithinItsByteBudget() throws Exception {
        // twenty lotteries with the longest introduction there is: a cached page of ten weighs about 45 KB
        String introduce = "\"introduce\":\"" + "详".repeat(2000) + "\"";
        List<Long> ids = new ArrayList<>();
        for (int owner = 0; owner < 4; owner++) {
            String token = newUserToken();
            for (int i = 0; i < 5; i++) {
                ids.add(createLottery(token, lottery(1, 0, prize(1, 1)).replace("\"introduce\":\"介绍\"", introduce)));
            }
        }
        long newest = ids.stream().mapToLong(Long::longValue).max().orElseThrow();

        // 3,000 pages, each after a cursor nobody else sends (all above the newest id, so each holds ten of these)
        List<Long> cursors = LongStream.range(0, 3_000).map(i -> newest + 1 + i).boxed().toList();
        AtomicInteger answered = new AtomicInteger();
        runConcurrently(4, cursors, cursor -> {
            Response page = api.send("GET", LIST + "?lastId=" + cursor + "&pageSize=10&isSelected=0", null, null, null);
            if (page.status() == 200) {
                answered.incrementAndGet();
            }
            return null;
        });

        assertThat(answered.get()).isEqualTo(3_000);
        long weighed = lotteryCache.weighedBytes();
        assertThat(weighed).as("weighed bytes").isLessThanOrEqualTo(lotteryCache.maxBytes())
                // 3,000 pages of 45 KB would be 135 MB: the budget was met, and entries weigh what they hold
                .isGreaterThan(lotteryCache.maxBytes() / 2);
    }

    @Test
    void aPageEveryoneReadsStaysCachedThroughAFloodOfCursors() {
        // a cache of its own (1 MB), so nothing else this process does can end its epoch mid-test
        SharedReadCache cache = new SharedReadCache(redisson, "test-" + UUID.randomUUID(), Duration.ofHours(1),
                DataSize.ofMegabytes(1)) {
        };
        try {
            AtomicInteger firstPageLoads = new AtomicInteger();
            String page = "页".repeat(2_000);
            for (int i = 0; i < 3_000; i++) {
                if (i % 50 == 0) {
                    cache.get("first page", () -> {
                        firstPageLoads.incrementAndGet();
                        return List.of(page);
                    });
                }
                // a cursor nobody else sends: 4 KB each, 12 MB in all
                int cursor = i;
                cache.get("after " + cursor, () -> List.of(page + cursor));
                assertThat(cache.weighedBytes()).isLessThanOrEqualTo(DataSize.ofMegabytes(1).toBytes());
            }

            assertThat(firstPageLoads.get()).as("the first page was loaded once and then served from memory").isEqualTo(1);
        } finally {
            cache.destroy();
        }
    }

    @Test
    void deepPagesAreRefusedNamingTheCap() {
        String token = newUserToken();
        long lotteryId = createLottery(token, lottery(1, 0, prize(1, 1)));

        Response deepest = api.post("/lottery/v1/lottery/lotteryListSlow", "{\"pageIndex\":100,\"pageSize\":10,\"isSelected\":0}");
        Response tooDeep = api.post("/lottery/v1/lottery/lotteryListSlow", "{\"pageIndex\":101,\"pageSize\":10,\"isSelected\":0}");
        Response tooDeepByGet = api.send("GET", "/lottery/v1/lottery/lotteryListSlow?pageIndex=1000000&pageSize=10&isSelected=0",
                null, null, null);
        Response participants = api.post("/lottery/v1/lottery/participations",
                "{\"lotteryId\":" + lotteryId + ",\"pageIndex\":101,\"pageSize\":10}", token);

        assertThat(deepest.code()).isEqualTo(200);
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.code()).isEqualTo(100002);
        assertThat(tooDeep.msg()).isEqualTo("参数错误,field \"pageIndex\" must be at most 100");
        assertThat(tooDeepByGet.code()).isEqualTo(100002);
        assertThat(participants.msg()).isEqualTo("参数错误,field \"pageIndex\" must be at most 100");
    }

    @Test
    void eachAddressHasABudgetForReadsWithoutAToken() {
        AddressedClient phone = AddressedClient.atFreshAddress(port);
        long budget = budgets.publicReadPerAddress();
        long started = System.nanoTime();

        int answered = 0;
        Response last = null;
        while (answered <= 3 * budget) {
            // two public reads in turn: they share the address's budget
            last = answered % 2 == 0 ? phone.get("/comment/v1/comment/getLastId")
                    : phone.get(LIST + "?lastId=0&pageSize=10&isSelected=0");
            if (last.status() != 200) {
                break;
            }
            answered++;
        }
        // the budget refills while it is spent: a permit every interval / budget
        long refilled = (System.nanoTime() - started) / 1_000_000 * budget / budgets.interval().toMillis() + 1;

        assertThat(last.status()).as("%s", last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo(100010);
        assertThat((long) answered).isBetween(budget, budget + refilled);
        assertThat(AddressedClient.atFreshAddress(port).get(LIST + "?lastId=0&pageSize=10&isSelected=0").status())
                .as("another address").isEqualTo(200);
    }
}
