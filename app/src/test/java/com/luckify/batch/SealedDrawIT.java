package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.draw.Entrant;
import com.luckify.draw.ParticipantDigest;
import com.luckify.lottery.DrawSeeds;
import com.luckify.lottery.LotteryService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.ClockTasks;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LotteryFixtures;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Nobody who reads the database before the draw can compute the winners, and the published participants are exactly
 * the drawn ones: given a published lottery, when its record is read before the draw, when joins and clock tasks race
 * the draw's start, and when the API's clock is behind the database's, then ...
 */
class SealedDrawIT extends IntegrationTest {

    private static final String DETAIL = "/lottery/v1/lottery/lotteryDetail";
    private static final String JOIN = "/lottery/v1/lottery/participation";
    private static final String PARTICIPANTS = "/lottery/v1/lottery/drawParticipants";

    @Autowired
    DrawLauncher launcher;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    DrawSeeds drawSeeds;

    @Test
    void theSeedIsNowhereInTheDatabaseBeforeTheDrawRevealsIt() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 1)));
        for (String player : bulkUserTokens(3)) {
            joined(player, lotteryId);
        }
        // what a dump of the database holds before the draw: the whole draw record
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM draw_record WHERE lottery_id = ?", lotteryId);
        assertThat(before.get("seed")).as("no seed in clear before the draw").isNull();
        assertThat((byte[]) before.get("sealed_seed")).hasSize(60);

        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode proof = api.post(DETAIL, "{\"id\":" + lotteryId + "}", owner).data().path("draw");
        byte[] seed = HexFormat.of().parseHex(proof.path("seed").asString());
        assertThat(sha256Hex(seed)).as("the revealed seed is the one committed at publication")
                .isEqualTo(proof.path("seedHash").asString()).isEqualTo(before.get("seed_hash"));
        for (Map.Entry<String, Object> column : before.entrySet()) {
            if (column.getValue() instanceof byte[] bytes) {
                assertThat(HexFormat.of().formatHex(bytes)).as(column.getKey())
                        .doesNotContain(HexFormat.of().formatHex(seed));
            }
            assertThat(String.valueOf(column.getValue())).as(column.getKey())
                    .doesNotContain(HexFormat.of().formatHex(seed));
        }
        Map<String, Object> after = jdbc.queryForMap("SELECT seed, sealed_seed FROM draw_record WHERE lottery_id = ?",
                lotteryId);
        assertThat((byte[]) after.get("seed")).as("revealed in the draw's record").isEqualTo(seed);
        assertThat(after.get("sealed_seed")).isNull();
    }

    @Test
    void theDatabaseRefusesASeedInClearBeforeTheDraw() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 1)));

        assertThat(updateRefused("UPDATE draw_record SET seed = UNHEX(seed_hash) WHERE lottery_id = " + lotteryId))
                .as("a pending record holds no seed in clear").isTrue();
        assertThat(updateRefused("UPDATE draw_record SET state = 'DRAWN', algorithm = 'x', algorithm_version = 1, "
                + "participant_count = 0, participants_digest = seed_hash, winner_count = 0, drawn_time = NOW(3) "
                + "WHERE lottery_id = " + lotteryId)).as("a drawn record reveals its seed").isTrue();
    }

    @Test
    void aSeedInClearFromBeforeSealingIsSealedAndStillDrawsTheSameWinners() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 2)));
        for (String player : bulkUserTokens(5)) {
            joined(player, lotteryId);
        }
        // as V23 leaves a record published before it: the seed in clear, marked
        byte[] legacy = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        jdbc.update("UPDATE draw_record SET seed = ?, sealed_seed = NULL, seed_key_id = 'legacy-unsealed', seed_hash = ? "
                + "WHERE lottery_id = ?", legacy, sha256Hex(legacy), lotteryId);

        assertThat(drawSeeds.sealPendingWithCurrentKey()).isGreaterThanOrEqualTo(1);

        Map<String, Object> sealed = jdbc.queryForMap("SELECT seed, sealed_seed, seed_key_id FROM draw_record "
                + "WHERE lottery_id = ?", lotteryId);
        assertThat(sealed.get("seed")).isNull();
        assertThat(sealed.get("seed_key_id")).isEqualTo("dev-only-test-1");
        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(api.post(DETAIL, "{\"id\":" + lotteryId + "}", owner).data().path("draw").path("seed").asString())
                .isEqualTo(HexFormat.of().formatHex(legacy));
    }

    @Test
    void aJoinAndAClockTaskRacingTheDrawsStartAreDrawnAsTheyArePublished() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clockedLottery());
        List<String> players = bulkUserTokens(6);
        for (String player : players.subList(0, 4)) {
            joined(player, lotteryId);
        }
        String lateJoiner = players.get(4);
        String lateClocker = players.get(5);
        joined(lateClocker, lotteryId);
        String ticket = ClockTasks.ticket(api, lateClocker, lotteryId);
        Instant announce = announceTimeOf(lotteryId);

        // both writes stall inside their transaction, as a slow disk or a long GC pause would make them
        try (SlowInsert slowJoin = new SlowInsert("lottery_participation", "user_id", userIdOf(lateJoiner));
                SlowInsert slowClockTask = new SlowInsert("clock_task_completion", "user_id", userIdOf(lateClocker))) {
            CompletableFuture<Response> join = CompletableFuture.supplyAsync(() ->
                    api.post(JOIN, "{\"lotteryId\":" + lotteryId + "}", lateJoiner));
            CompletableFuture<Response> clocked = CompletableFuture.supplyAsync(() ->
                    ClockTasks.complete(api, lateClocker, lotteryId, ticket));
            awaitStatementsSleeping(1);
            Thread.sleep(300); // the other one reaches its insert, or the lottery's row lock the first holds

            // the announced time passes (for the draw's process) while both are under way, and the draw begins
            clock.set(announce.plusSeconds(1));
            assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

            Response joined = join.get(30, TimeUnit.SECONDS);
            Response completed = clocked.get(30, TimeUnit.SECONDS);
            assertThat(List.of(joined.code(), completed.code())).as("each was either in time or refused")
                    .allMatch(code -> code == 200 || code == 500031);
        }

        Map<String, Object> record = jdbc.queryForMap("SELECT participant_count, participants_digest FROM draw_record "
                + "WHERE lottery_id = ?", lotteryId);
        List<Entrant> published = published(lotteryId);
        assertThat(published).as("the published list is the one the draw saw").hasSize((Integer) record.get("participant_count"));
        assertThat(digestOf(published)).as("with the weights it drew")
                .isEqualTo(record.get("participants_digest"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", Integer.class,
                lotteryId)).as("no entry got in after the draw").isEqualTo(published.size());
    }

    @Test
    void onceTheDrawHasBegunAJoinOrAClockTaskIsRefusedEvenByAnApiWhoseClockIsBehind() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clockedLottery());
        List<String> players = bulkUserTokens(6);
        for (String player : players.subList(0, 5)) {
            joined(player, lotteryId);
        }
        String lateClocker = players.get(4);
        String lateJoiner = players.get(5);
        String ticket = ClockTasks.ticket(api, lateClocker, lotteryId);
        Instant announce = announceTimeOf(lotteryId);

        Response join;
        Response clocked;
        // the draw takes its time over its candidates (a large lottery does), so there is a while when it has begun
        try (SlowInsert slowDraw = new SlowInsert("draw_candidate", "lottery_id", lotteryId)) {
            clock.set(announce.plusSeconds(1));
            CompletableFuture<BatchStatus> draw = CompletableFuture.supplyAsync(() -> launcher.draw(lotteryId).getStatus());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!"DRAWING".equals(jdbc.queryForObject("SELECT state FROM draw_record WHERE lottery_id = ?", String.class,
                    lotteryId))) {
                assertThat(System.nanoTime()).as("the draw began").isLessThan(deadline);
                Thread.sleep(20);
            }
            // meanwhile an API process whose clock is an hour behind still thinks the lottery open
            clock.set(announce.minusSeconds(3600));
            join = api.post(JOIN, "{\"lotteryId\":" + lotteryId + "}", lateJoiner);
            clocked = ClockTasks.complete(api, lateClocker, lotteryId, ticket);
            assertThat(draw.get(60, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETED);
        }

        assertThat(join.code()).as("a join after the draw began: %s", join).isEqualTo(500031);
        assertThat(clocked.code()).as("a clock task after the draw began: %s", clocked).isEqualTo(500031);
        Map<String, Object> record = jdbc.queryForMap("SELECT participant_count, participants_digest FROM draw_record "
                + "WHERE lottery_id = ?", lotteryId);
        List<Entrant> published = published(lotteryId);
        assertThat(published).extracting(Entrant::weight).as("nobody's weight changed after the draw").containsOnly(1);
        assertThat(published).hasSize(5).hasSize((Integer) record.get("participant_count"));
        assertThat(digestOf(published)).isEqualTo(record.get("participants_digest"));
    }

    @Test
    void aJoinAfterTheAnnouncedTimeByTheDatabasesClockIsRefusedWhateverTheApisClockSays() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET announce_time = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        clock.set(Instant.now().minusSeconds(3600)); // this process's clock is an hour behind

        Response join = api.post(JOIN, "{\"lotteryId\":" + lotteryId + "}", newUserToken());

        assertThat(join.code()).as("%s", join).isEqualTo(500031);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", Integer.class,
                lotteryId)).isZero();
    }

    private void joined(String player, long lotteryId) {
        assertThat(api.post(JOIN, "{\"lotteryId\":" + lotteryId + "}", player).status()).isEqualTo(200);
    }

    private Instant announceTimeOf(long lotteryId) {
        return jdbc.queryForObject("SELECT announce_time FROM lottery WHERE id = ?", Timestamp.class, lotteryId)
                .toInstant();
    }

    private static String digestOf(List<Entrant> published) {
        ParticipantDigest digest = new ParticipantDigest();
        published.forEach(digest::add);
        return digest.finish();
    }

    private List<Entrant> published(long lotteryId) {
        List<Entrant> published = new ArrayList<>();
        long after = 0;
        do {
            JsonNode page = api.post(PARTICIPANTS, "{\"lotteryId\":" + lotteryId + ",\"lastUserId\":" + after
                    + ",\"pageSize\":100}").data();
            page.path("list").forEach(e -> published.add(new Entrant(e.path("userId").asLong(), e.path("weight").asInt())));
            after = page.path("lastUserId").asLong();
        } while (after != 0);
        return published;
    }

    /** Waits until {@code n} statements sleep in a trigger (their writers hold their locks by then). */
    private void awaitStatementsSleeping(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE = 'User sleep'",
                Integer.class) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the slow inserts never started");
            }
            Thread.sleep(20);
        }
    }

    private boolean updateRefused(String sql) {
        try {
            jdbc.update(sql);
            return false;
        } catch (org.springframework.dao.DataAccessException e) {
            return true;
        }
    }

    private void makeDue(long lotteryId) {
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
    }

    private static String clockedLottery() {
        return LotteryFixtures.lottery(1, 0, prize(1, 2)).replace("\"isClocked\":0", "\"isClocked\":1,\"clockTask\":"
                + "{\"type\":3,\"seconds\":0,\"appletType\":0,\"pageLink\":\"\",\"appId\":\"\",\"pagePath\":\"\","
                + "\"image\":\"https://img.example.com/c.png\",\"videoAccountId\":\"\",\"videoId\":\"\",\"articleLink\":\"\","
                + "\"copywriting\":\"看图\",\"chanceType\":2,\"increaseMultiple\":3}");
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * A trigger that holds each insert of a row whose {@code column} is {@code value} for two seconds, inside the
     * writer's transaction, as a slow disk or a long pause would.
     */
    private final class SlowInsert implements AutoCloseable {

        private final String trigger;

        SlowInsert(String table, String column, long value) {
            trigger = "test_slow_" + table + "_" + value;
            jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW "
                    + "IF NEW." + column + " = " + value + " THEN DO SLEEP(2); END IF");
        }

        @Override
        public void close() {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
    }
}
