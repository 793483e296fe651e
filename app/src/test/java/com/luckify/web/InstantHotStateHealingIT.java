package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.luckify.lottery.InstantHotState;
import com.luckify.lottery.InstantWinService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instant lottery whose Redis state is lost heals by itself: attempts fail closed (500036) until one rebuild from
 * MySQL, made off the request threads and once however many attempts meet the missing state, brings it back within
 * seconds; reservations and wins of attempts that raced with the rebuild never come back as units.
 */
class InstantHotStateHealingIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    /** What the rebuilder logs once per rebuild of state found missing; the test counts these per lottery. */
    private static final String REBUILT = "hot state rebuilt from MySQL after it was found missing";

    @Autowired
    InstantWinService instantWin;

    @Autowired
    RedissonClient redisson;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        rebuilderLog().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        rebuilderLog().detachAppender(logged);
    }

    @Test
    void manyAttemptsMeetingLostStateFailClosedUntilOneRebuildBringsItBack() throws Exception {
        // given a running instant lottery with entrants and winners (more units than the attempts below could win),
        // whose Redis state is then lost
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 200, 200_000), prize(2, 200, 200_000)));
        runConcurrently(8, bulkUserTokens(40), token -> attempt(token, id));
        deleteHotState(id);

        // when 64 threads make 400 attempts at once
        List<Response> burst = runConcurrently(64, bulkUserTokens(400), token -> attempt(token, id));

        // then those that met the missing state failed closed, and the state came back with one rebuild
        assertThat(burst).extracting(Response::code).isSubsetOf(200, 500036);
        assertThat(burst).filteredOn(response -> response.code() == 500036).hasSizeGreaterThan(1);
        await("an attempt answered again", 10, () -> attempt(newUserToken(), id).code() == 200);
        assertThat(rebuildsLoggedFor(id)).isEqualTo(1);
        assertNothingOversold(id, 400);
        awaitRedisAgreesWithMySql(id);
    }

    @Test
    void whileAnotherProcessHoldsTheRebuildLockThisOneDoesNotRebuildAndFailsClosed() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 1_000_000)));
        assertThat(attempt(newUserToken(), id).code()).isEqualTo(200);
        // given the lottery's rebuild lock held as another process would hold it while rebuilding
        RLock rebuilding = redisson.getLock("luckify:instant:{" + id + "}:rebuild");
        rebuilding.lock(30, TimeUnit.SECONDS);
        try {
            deleteHotState(id);

            // when attempts keep coming for longer than the retry interval of one second
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
            while (System.nanoTime() < until) {
                // then each fails closed, and this process leaves the rebuild to the lock's holder
                assertThat(attempt(newUserToken(), id).code()).isEqualTo(500036);
                Thread.sleep(100);
            }
            assertThat(instantWin.hotState(id).ready()).isFalse();
            assertThat(rebuildsLoggedFor(id)).isZero();
        } finally {
            rebuilding.unlock();
        }

        // and once the holder is gone without rebuilding, the next attempts get it rebuilt here
        await("an attempt answered again", 10, () -> attempt(newUserToken(), id).code() == 200);
        assertThat(rebuildsLoggedFor(id)).isEqualTo(1);
        awaitRedisAgreesWithMySql(id);
    }

    @Test
    void aReservationGivenBackAfterARebuildIsNotAddedToTheRebuiltStock() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        String token = newUserToken();
        // given an attempt that reserved a unit and whose entry fails in MySQL after two seconds
        String trigger = slowEntriesOf(userIdOf(token), true);
        Response failed;
        try {
            CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> attempt(token, id));
            Thread.sleep(700);
            // when the state is lost and rebuilt from MySQL meanwhile (MySQL has all 5 units: nothing was committed)
            deleteHotState(id);
            instantWin.rebuildHotState(id);
            failed = slow.get(20, TimeUnit.SECONDS);
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger);
        }

        // then the failed attempt's reservation, made in the lost state, is not given back to the rebuilt one
        assertThat(failed.code()).isEqualTo(100005);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(5);
        assertThat(instantWin.hotState(id).stock()).containsEntry(prizeId, 5);
        assertThat(instantWin.hotState(id).entrants()).isZero();
    }

    @Test
    void aWinCommittedAfterTheRebuildReadMySqlIsNotOfferedAgain() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        String token = newUserToken();
        long userId = userIdOf(token);
        // given a winning attempt whose transaction takes two seconds to commit
        String trigger = slowEntriesOf(userId, false);
        Response won;
        try {
            CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> attempt(token, id));
            Thread.sleep(700);
            // when the state is lost and rebuilt from MySQL before the win commits (MySQL still shows 5 units)
            deleteHotState(id);
            instantWin.rebuildHotState(id);
            won = slow.get(20, TimeUnit.SECONDS);
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger);
        }

        // then the unit MySQL gave out is taken out of Redis again, and the winner counts as entered
        assertThat(won.data().path("prizeId").asLong()).isEqualTo(prizeId);
        assertThat(count("SELECT stock FROM prize WHERE id = ?", prizeId)).isEqualTo(4);
        awaitRedisAgreesWithMySql(id);
        assertThat(attempt(token, id).code()).isEqualTo(500028);
    }

    @Test
    void aStateThatMissedWritesIsBroughtToMySqlByTheFirstAttemptThatMeetsTheDifference() throws Exception {
        // given Redis state that missed writes MySQL has, as a replica promoted before it received them would:
        // every unit given out, and two users entered
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = count("SELECT id FROM prize WHERE lottery_id = ?", id);
        String entered = newUserToken();
        String alsoEntered = newUserToken();
        // (after the settling that follows the publication's install, five seconds on, so that one cannot repair it)
        Thread.sleep(6_500);
        for (String token : List.of(entered, alsoEntered)) {
            jdbc.update("INSERT INTO lottery_participation (lottery_id, user_id, is_won, prize_id) VALUES (?, ?, 0, NULL)",
                    id, userIdOf(token));
        }
        jdbc.update("UPDATE prize SET stock = 0 WHERE id = ?", prizeId);

        // when an attempt reserves a unit MySQL no longer has, and an entered user tries again
        Response noUnit = attempt(newUserToken(), id);
        Response again = attempt(entered, id);

        // then both are answered as MySQL says (no win; already joined), and Redis is brought to MySQL within seconds
        assertThat(noUnit.code()).isEqualTo(200);
        assertThat(noUnit.data().path("prizeId").asLong()).isZero();
        assertThat(again.code()).isEqualTo(500028);
        awaitRedisAgreesWithMySql(id, 3);
        // so the lottery answers sold out instead of offering the four units Redis still counted
        assertThat(attempt(newUserToken(), id).code()).isEqualTo(500044);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", id)).isZero();
    }

    private void assertNothingOversold(long lotteryId, int units) {
        long wins = count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", lotteryId);
        assertThat(wins).isLessThanOrEqualTo(units);
        assertThat(count("SELECT SUM(stock) FROM prize WHERE lottery_id = ?", lotteryId)).isEqualTo(units - wins);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation lp JOIN prize p ON p.id = lp.prize_id "
                + "WHERE lp.lottery_id = ? AND lp.is_won = 1", lotteryId)).isEqualTo(wins);
    }

    /** Redis's stock of every prize equals MySQL's and its entrants are MySQL's entries (the rebuild has settled). */
    private void awaitRedisAgreesWithMySql(long lotteryId) throws InterruptedException {
        awaitRedisAgreesWithMySql(lotteryId, 15);
    }

    private void awaitRedisAgreesWithMySql(long lotteryId, int seconds) throws InterruptedException {
        await("Redis agreeing with MySQL on lottery " + lotteryId, seconds, () -> {
            InstantHotState hot = instantWin.hotState(lotteryId);
            if (!hot.ready() || hot.entrants() != count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?",
                    lotteryId)) {
                return false;
            }
            Map<Long, Integer> stock = hot.stock();
            return jdbc.queryForList("SELECT id, stock FROM prize WHERE lottery_id = ?", lotteryId).stream()
                    .allMatch(row -> Integer.valueOf(((Number) row.get("stock")).intValue())
                            .equals(stock.get(((Number) row.get("id")).longValue())));
        });
    }

    private long rebuildsLoggedFor(long lotteryId) {
        String lottery = "instant lottery " + lotteryId + " ";
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith(lottery) && message.contains(REBUILT)).count();
    }

    private static Logger rebuilderLog() {
        return (Logger) LoggerFactory.getLogger("com.luckify.lottery.HotStateRebuilder");
    }

    private void deleteHotState(long lotteryId) {
        redisson.getKeys().delete("luckify:instant:{" + lotteryId + "}:state", "luckify:instant:{" + lotteryId + "}:entrants");
    }

    /** Makes MariaDB hold each entry of the user for two seconds, then fail it or let it through. */
    private String slowEntriesOf(long userId, boolean fail) {
        String trigger = "slow_entry_" + userId;
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON lottery_participation FOR EACH ROW "
                + "BEGIN IF NEW.user_id = " + userId + " THEN DO SLEEP(2); "
                + (fail ? "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; " : "") + "END IF; END");
        return trigger;
    }

    private Response attempt(String token, long lotteryId) {
        return api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token);
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
