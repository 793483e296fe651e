package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.lottery.InstantHotState;
import com.luckify.lottery.InstantWinService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Instant win under real concurrency against MariaDB and Redis: never oversold, never twice, fails closed. */
class InstantWinIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";

    @Autowired
    InstantWinService instantWin;

    @Autowired
    RedissonClient redisson;

    @Test
    void twoThousandUsersOnSixtyFourThreadsWinExactlyTheFiftyUnits() throws Exception {
        // given prizes whose odds add up to certainty, so the stock of 50 runs out long before 2,000 attempts
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 20, 500_000), prize(2, 30, 500_000)));
        List<String> users = bulkUserTokens(2_000);
        Map<String, Long> wonBy = new ConcurrentHashMap<>();

        // when
        List<Response> responses = runConcurrently(64, users, token -> {
            Response response = attempt(token, id);
            if (response.code() == 200 && response.data().path("prizeId").asLong() > 0) {
                wonBy.put(token, response.data().path("prizeId").asLong());
            }
            return response;
        });

        // then every attempt was answered, either recorded or refused because nothing was left
        assertThat(responses).extracting(Response::code).containsOnly(200, 500044);
        long recorded = responses.stream().filter(r -> r.code() == 200).count();
        assertThat(wonBy).hasSize(50);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", id)).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(recorded);
        assertThat(count("SELECT COUNT(DISTINCT user_id) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(recorded);
        assertThat(count("SELECT COALESCE(SUM(stock), -1) FROM prize WHERE lottery_id = ?", id)).isZero();
        InstantHotState hot = instantWin.hotState(id);
        assertThat(hot.stock().values()).containsOnly(0);
        assertThat(hot.entrants()).isEqualTo((int) recorded);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'PrizeWon' AND aggregate_id = ?", id))
                .isEqualTo(50);
    }

    @Test
    void oneUserFiringFiftyConcurrentAttemptsGetsOneEntry() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 500_000)));
        String token = newUserToken();
        List<String> sameUser = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sameUser.add(token);
        }

        List<Response> responses = runConcurrently(50, sameUser, t -> attempt(t, id));

        assertThat(responses).filteredOn(r -> r.code() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.code() != 200).extracting(Response::code).containsOnly(500028, 100010);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(1);
        assertThat(instantWin.hotState(id).entrants()).isEqualTo(1);
    }

    @Test
    void aDatabaseFailureAfterTheReservationGivesTheUnitBack() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        String token = newUserToken();
        long userId = userIdOf(token);
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        String trigger = failEntriesOf(userId);
        Response failed;
        try {
            failed = attempt(token, id);
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger);
        }

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo(100005);
        assertThat(failed.body()).doesNotContain("injected").doesNotContain("SQL");
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(5);
        assertThat(instantWin.hotState(id).stock()).containsEntry(prizeId, 5);
        assertThat(instantWin.hotState(id).entrants()).isZero();
        // and the user was not marked as entered: the retry wins
        Response retry = attempt(token, id);
        assertThat(retry.data().path("prizeId").asLong()).isEqualTo(prizeId);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(4);
    }

    @Test
    void attemptsWrittenTogetherStillGetTheirOwnOutcomes() throws Exception {
        // concurrent attempts are written in batches; one user is blacklisted and one user's entry fails
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 1_000, 500_000)));
        List<String> users = bulkUserTokens(300);
        long blacklisted = userIdOf(users.get(100));
        long failing = userIdOf(users.get(200));
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", blacklisted);
        String trigger = failEntriesOf(failing);
        List<Response> responses;
        try {
            responses = runConcurrently(32, users, token -> attempt(token, id));
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger);
        }

        assertThat(responses.get(100).code()).isEqualTo(200015);
        assertThat(responses.get(200).code()).isEqualTo(100005);
        List<Response> others = new ArrayList<>(responses);
        others.remove(200);
        others.remove(100);
        assertThat(others).extracting(Response::code).containsOnly(200);
        long winners = others.stream().filter(r -> r.data().path("prizeId").asLong() > 0).count();
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(298);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND user_id IN (?, ?)", id,
                blacklisted, failing)).isZero();
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", id))
                .isEqualTo(winners);
        long stock = count("SELECT stock FROM prize WHERE lottery_id = ?", id);
        assertThat(stock).isEqualTo(1_000 - winners);
        assertThat(instantWin.hotState(id).stock().values()).containsExactly((int) stock);
        assertThat(instantWin.hotState(id).entrants()).isEqualTo(298);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'PrizeWon' AND aggregate_id = ?", id))
                .isEqualTo(winners);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'LotteryJoined' AND aggregate_id = ?", id))
                .isEqualTo(298);
    }

    @Test
    void aUnitRedisReservedButMySqlNoLongerHasIsNoWin() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        // drift the reconciliation job repairs: MySQL's units are gone, Redis still has 5
        jdbc.update("UPDATE prize SET stock = 0 WHERE id = ?", prizeId);
        String token = newUserToken();

        Response response = attempt(token, id);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.data().path("prizeId").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND user_id = ? AND is_won = 0 "
                + "AND prize_id IS NULL", id, userIdOf(token))).isEqualTo(1);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'PrizeWon' AND aggregate_id = ?", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'LotteryJoined' AND aggregate_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void aBlacklistedUserIsRefusedAndLeavesTheStockAsItWas() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        String token = newUserToken();
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userIdOf(token));

        Response refused = attempt(token, id);

        assertThat(refused.code()).isEqualTo(200015);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isZero();
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(5);
        assertThat(instantWin.hotState(id).stock()).containsEntry(prizeId, 5);
        assertThat(instantWin.hotState(id).entrants()).isZero();
        // lifted, the same user enters and wins (the odds are certain)
        jdbc.update("UPDATE user_blacklist SET lifted_at = UTC_TIMESTAMP(3) WHERE user_id = ?", userIdOf(token));
        assertThat(attempt(token, id).data().path("prizeId").asLong()).isEqualTo(prizeId);
    }

    @Test
    void redisFlushedMidwayFailsClosedThenHealsAndTheNumbersAgree() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 40, 100_000), prize(2, 40, 100_000)));
        List<String> users = bulkUserTokens(600);
        AtomicBoolean flushed = new AtomicBoolean();
        CountDownLatch halfway = new CountDownLatch(200);

        List<Response> responses = runConcurrently(32, users, token -> {
            halfway.countDown();
            if (halfway.getCount() == 0 && flushed.compareAndSet(false, true)) {
                redisson.getKeys().flushdb();
            }
            return attempt(token, id);
        });

        assertThat(flushed).isTrue();
        assertThat(responses).extracting(Response::code).isSubsetOf(200, 500036, 500044).contains(500036);
        long winners = count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", id);
        long entries = count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id);
        assertThat(winners + count("SELECT SUM(stock) FROM prize WHERE lottery_id = ?", id)).isEqualTo(80);
        assertThat(responses.stream().filter(r -> r.code() == 200).count()).isEqualTo(entries);

        // the attempts that found the state missing had it rebuilt from MySQL; once settled, Redis agrees with MySQL
        await("the hot state rebuilt and settled", 15, () -> {
            InstantHotState hot = instantWin.hotState(id);
            return hot.ready() && hot.entrants() == entries && hot.stock().entrySet().stream().allMatch(stock ->
                    stock.getValue() == count("SELECT stock FROM prize WHERE id = ?", stock.getKey()));
        });
        long left = count("SELECT SUM(stock) FROM prize WHERE lottery_id = ?", id);
        assertThat(attempt(newUserToken(), id).code()).isEqualTo(left > 0 ? 200 : 500044);
    }

    @Test
    void onceEveryUnitIsGoneAttemptsAreRefusedAndNotRecorded() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 1, 1_000_000)));
        assertThat(attempt(newUserToken(), id).data().path("prizeId").asLong()).isPositive();

        Response late = attempt(newUserToken(), id);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.code()).isEqualTo(500044);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(1);
    }

    @Test
    void runningInstantLotteriesWithoutHotStateGetItBackAtStartUp() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 3, 1_000_000)));
        attempt(newUserToken(), id);
        redisson.getKeys().delete("luckify:instant:{" + id + "}:state", "luckify:instant:{" + id + "}:entrants");
        assertThat(instantWin.hotState(id).ready()).isFalse();

        // what HotStateRecovery runs when a process starts
        int rebuilt = instantWin.rebuildMissingHotStates();

        assertThat(rebuilt).isPositive();
        assertThat(instantWin.hotState(id).stock().values()).containsExactly(2);
        assertThat(instantWin.hotState(id).entrants()).isEqualTo(1);
        assertThat(attempt(newUserToken(), id).data().path("prizeId").asLong()).isPositive();
    }

    @Test
    void anInstantAttemptOnAnotherKindOfLotteryIsRefused() {
        long byTime = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));

        assertThat(attempt(newUserToken(), byTime).code()).isEqualTo(500034);
    }

    @Test
    void withDefaultOddsMostAttemptsWinNothingAndTheAnswerIsSynchronous() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(5, 100)));
        List<String> users = bulkUserTokens(50);

        List<Response> responses = runConcurrently(8, users, token -> attempt(token, id));

        // a level-5 prize has no default band, as in the original: nobody wins it instantly
        assertThat(responses).extracting(r -> r.data().path("prizeId").asLong()).containsOnly(0L);
        assertThat(count("SELECT stock FROM prize WHERE lottery_id = ?", id)).isEqualTo(100);
    }

    private Response attempt(String token, long lotteryId) {
        return api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token);
    }

    /** Makes MariaDB fail every entry of the user, as a database failure would; drop the returned trigger after. */
    private String failEntriesOf(long userId) {
        String trigger = "fail_entry_" + userId;
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON lottery_participation FOR EACH ROW "
                + "BEGIN IF NEW.user_id = " + userId + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; "
                + "END IF; END");
        return trigger;
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
