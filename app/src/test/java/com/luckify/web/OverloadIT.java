package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.GroupCommit;
import com.luckify.lottery.InstantHotState;
import com.luckify.lottery.InstantWinService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Back-pressure of the group-commit writers: when the writer is stuck (here on a row lock the test holds) and its
 * queue is full, callers are answered busy (100012, HTTP 503) at once, or once their wait is over, and nothing of
 * theirs is written, then or later.
 */
class OverloadIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    /** The test profile's {@code luckify.instant.group-commit.capacity}. */
    private static final int CAPACITY = 70;
    /** With the one the writer holds and the queued ones, within Tomcat's 100 threads. */
    private static final int OVERFLOW = 25;

    @Autowired
    InstantWinService instantWin;

    @Autowired
    @Qualifier("instantEntryWriter")
    GroupCommit<?, ?> instantWriter;

    @Autowired
    DataSource dataSource;

    @Test
    void aFullInstantQueueAnswersBusyAtOnceAndGivesEveryReservationBack() throws Exception {
        // given a lottery where every attempt wins, so every entry must update the prize row
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 1_000, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        List<String> users = bulkUserTokens(1 + CAPACITY + OVERFLOW);
        List<String> crowd = users.subList(1, users.size());
        Map<String, Long> millis = new ConcurrentHashMap<>();
        ExecutorService firstCaller = Executors.newSingleThreadExecutor();
        Response first;
        List<Response> answers;
        try (Connection holder = dataSource.getConnection()) {
            // the test's own transaction holds the prize row: the writer's first batch waits for it
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT stock FROM prize WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, prizeId);
                lock.executeQuery().close();
            }
            CompletableFuture<Response> firstAnswer = CompletableFuture.supplyAsync(() -> attempt(users.get(0), id),
                    firstCaller);
            LuckifyProcesses.await("the writer waits for the prize row", 10, () -> count(
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE prize SET stock%'") > 0);

            // when more attempts arrive than the queue holds
            answers = runConcurrently(crowd.size(), crowd, token -> {
                long start = System.nanoTime();
                Response response = attempt(token, id);
                millis.put(token, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return response;
            });
            holder.rollback();
            first = firstAnswer.get(30, TimeUnit.SECONDS);
        } finally {
            firstCaller.shutdownNow();
        }

        // then all of them were told busy: those beyond the queue at once, the queued ones after their 2 s wait
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo(100012);
        });
        assertThat(millis.values()).filteredOn(ms -> ms < 1_000).hasSize(OVERFLOW);
        assertThat(millis.values()).filteredOn(ms -> ms >= 1_900).hasSize(CAPACITY);
        assertThat(millis.values()).allSatisfy(ms -> assertThat(ms).isLessThan(5_000));
        // the attempt the writer had taken was not reported busy: it waited for its commit and won
        assertThat(first.code()).as("%s", first).isEqualTo(200);
        assertThat(first.data().path("prizeId").asLong()).isEqualTo(prizeId);
        // and nothing of the busy ones was written, then or later: MySQL and Redis agree on one entry
        assertThat(instantWriter.stats().queued()).isZero();
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(999);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'PrizeWon' AND aggregate_id = ?", id))
                .isEqualTo(1);
        InstantHotState hot = instantWin.hotState(id);
        assertThat(hot.stock()).containsEntry(prizeId, 999);
        assertThat(hot.entrants()).isEqualTo(1);
        // a busy caller was not marked as entered: trying again wins
        Response again = attempt(crowd.get(0), id);
        assertThat(again.code()).as("%s", again).isEqualTo(200);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(998);
    }

    private Response attempt(String token, long lotteryId) {
        return api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token);
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
