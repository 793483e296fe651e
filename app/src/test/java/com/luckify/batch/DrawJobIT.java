package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.support.ExecutionStopper;
import com.luckify.draw.Award;
import com.luckify.draw.Candidate;
import com.luckify.draw.DrawAlgorithm;
import com.luckify.draw.DrawVerifier;
import com.luckify.draw.Entrant;
import com.luckify.draw.PrizeRun;
import com.luckify.lottery.LotteryDraws;
import com.luckify.lottery.LotteryService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.ClockTasks;
import com.luckify.support.DrawFixtures;
import com.luckify.support.DrawFixtures.VerifierRun;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LotteryFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The draw job against MariaDB: given a lottery and its participants, when it is drawn, then ... */
class DrawJobIT extends IntegrationTest {

    private static final String PARTICIPANTS = "/lottery/v1/lottery/drawParticipants";

    @Autowired
    DrawLauncher launcher;

    @Autowired
    ExecutionStopper stopper;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    LotteryDraws draws;

    @Test
    void aDueLotteryIsDrawnOnceAndAnyoneCanRecomputeItsWinners() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clockedLottery(1, 0, prize(2, 3), prize(1, 2)));
        List<String> players = bulkUserTokens(40);
        for (int i = 0; i < players.size(); i++) {
            join(players.get(i), lotteryId);
            if (i % 4 == 0) {
                assertThat(ClockTasks.startAndComplete(api, players.get(i), lotteryId).status()).isEqualTo(200);
            }
        }
        makeDue(lotteryId);
        assertThat(api.post(PARTICIPANTS, "{\"lotteryId\":" + lotteryId + ",\"lastUserId\":0,\"pageSize\":10}").code())
                .as("the list is published once it stops changing").isEqualTo(500045);

        JobExecution execution = launcher.draw(lotteryId);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> record = jdbc.queryForMap("SELECT seed, state, algorithm, algorithm_version, participant_count, "
                + "participants_digest, winner_count, job_execution_id FROM draw_record WHERE lottery_id = ?", lotteryId);
        assertThat(record).containsEntry("state", "DRAWN").containsEntry("participant_count", 40)
                .containsEntry("winner_count", 5).containsEntry("algorithm", "weighted-top-k/hmac-sha256")
                .containsEntry("algorithm_version", 1).containsEntry("job_execution_id", execution.getId());
        assertThat(winners(lotteryId)).hasSize(5);
        assertThat(jdbc.queryForList("SELECT stock FROM prize WHERE lottery_id = ?", Integer.class, lotteryId))
                .containsOnly(0);
        assertThat(jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND weight = 3",
                Integer.class, lotteryId)).as("clock task done: weight x3").isEqualTo(10);

        // the verifier, given what is published, gets the same winners, prizes and digest
        VerifierRun verified = verify((byte[]) record.get("seed"), lotteryId);
        assertThat(verified.awards()).containsExactlyInAnyOrderElementsOf(winners(lotteryId));
        assertThat(verified.output()).contains("digest " + record.get("participants_digest"));
        List<Long> levelOne = jdbc.queryForList("SELECT id FROM prize WHERE lottery_id = ? AND level = 1", Long.class,
                lotteryId);
        assertThat(verified.awards().subList(0, 2)).extracting(Award::prizeId).containsOnly(levelOne.get(0));

        // and so does anyone who only has the API: the revealed seed, the prizes and the participant list
        JsonNode detail = api.post("/lottery/v1/lottery/lotteryDetail", "{\"id\":" + lotteryId + "}", owner).data();
        JsonNode proof = detail.path("draw");
        assertThat(proof.path("participantsDigest").asString()).isEqualTo(record.get("participants_digest"));
        assertThat(proof.path("algorithm").asString()).isEqualTo("weighted-top-k/hmac-sha256");
        List<PrizeRun> prizes = new ArrayList<>();
        for (JsonNode prize : detail.path("prizes")) {
            prizes.add(new PrizeRun(prize.path("id").asLong(), prize.path("level").asInt(), prize.path("count").asLong()));
        }
        List<Entrant> published = new ArrayList<>();
        long after = 0;
        do {
            JsonNode page = api.post(PARTICIPANTS, "{\"lotteryId\":" + lotteryId + ",\"lastUserId\":" + after
                    + ",\"pageSize\":7}").data();
            page.path("list").forEach(e -> published.add(new Entrant(e.path("userId").asLong(), e.path("weight").asInt())));
            after = page.path("lastUserId").asLong();
        } while (after != 0);
        List<Award> fromApi = DrawVerifier.verify(HexFormat.of().parseHex(proof.path("seed").asString()), published,
                prizes, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(published).hasSize(40);
        assertThat(fromApi).containsExactlyInAnyOrderElementsOf(winners(lotteryId));

        assertThat(launcher.draw(lotteryId)).as("a drawn lottery is never drawn again").isNull();
        assertThat(winners(lotteryId)).hasSize(5);
        assertThat(candidates(lotteryId)).as("the candidates are removed once the draw is recorded").isZero();
        // the event says how many won, not who: its consumers read the winners from the database
        assertThat(jdbc.queryForObject("SELECT payload FROM outbox_event WHERE event_type = 'DrawCompleted' "
                + "AND aggregate_id = ?", String.class, lotteryId)).contains("\"winners\":5", "\"participants\":40")
                .doesNotContain("winnerIds");
    }

    @Test
    void aStaffLotteryOfTenMillionPrizeUnitsDrawsItsFewParticipantsOnePrizeEach() {
        // given 20 prizes of 500,000 units each, as staff may create (straight in the database: the mini-program's
        // limits refuse it), and 7 participants
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE prize SET `count` = 500000, stock = 500000 WHERE lottery_id = ?", lotteryId);
        for (int level = 2; level <= 20; level++) {
            jdbc.update("INSERT INTO prize (lottery_id, type, name, level, `count`, stock, grant_type) "
                    + "VALUES (?, 1, ?, ?, 500000, 500000, 1)", lotteryId, "奖品" + level, level);
        }
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 7);
        makeDue(lotteryId);

        // when it is drawn
        JobExecution execution = launcher.draw(lotteryId);

        // then each participant wins one unit of the first prize, which is all the stock that moves
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long first = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ? AND level = 1", Long.class, lotteryId);
        assertThat(winners(lotteryId)).hasSize(7).extracting(Award::prizeId).containsOnly(first);
        assertThat(winners(lotteryId)).containsExactlyInAnyOrderElementsOf(
                verify(DrawFixtures.seedOf(jdbc, lotteryId), lotteryId).awards());
        assertThat(jdbc.queryForObject("SELECT SUM(stock) FROM prize WHERE lottery_id = ?", Long.class, lotteryId))
                .isEqualTo(10_000_000L - 7);
        assertThat(jdbc.queryForObject("SELECT winner_count FROM draw_record WHERE lottery_id = ?", Integer.class,
                lotteryId)).isEqualTo(7);
        assertThat(candidates(lotteryId)).isZero();
    }

    @Test
    void whenUnitsOutnumberTheParticipantsEveryoneWinsOnePrizeInLevelOrder() {
        // given 108 units (3 of the first prize, 5 of the second, 100 of the third) and 20 participants
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(3, 100), prize(1, 3),
                prize(2, 5)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 20);
        makeDue(lotteryId);

        // when it is drawn
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then everyone wins exactly once: the three best keys the first prize, the next five the second, the
        // other twelve the third, exactly as the verifier ranks them
        List<Award> verified = verify(DrawFixtures.seedOf(jdbc, lotteryId), lotteryId).awards();
        List<Long> byLevel = jdbc.queryForList("SELECT id FROM prize WHERE lottery_id = ? ORDER BY level", Long.class,
                lotteryId);
        assertThat(verified).extracting(Award::prizeId).containsExactlyElementsOf(IntStream.range(0, 20)
                .mapToObj(place -> byLevel.get(place < 3 ? 0 : place < 8 ? 1 : 2)).toList());
        assertThat(winners(lotteryId)).hasSize(20).containsExactlyInAnyOrderElementsOf(verified);
        assertThat(jdbc.queryForList("SELECT stock FROM prize WHERE lottery_id = ? ORDER BY level", Integer.class,
                lotteryId)).containsExactly(0, 0, 88);
    }

    @Test
    void theDatabaseRanksCandidatesExactlyAsJavaComparesTheirKeys() {
        // given six single-unit prizes, levels 1 to 6, and six participants whose candidates carry keys chosen to
        // probe the order: two equal keys, neighbouring doubles, zero, the most negative finite double
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1), prize(2, 1),
                prize(3, 1), prize(4, 1), prize(5, 1), prize(6, 1)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 6);
        List<Long> users = jdbc.queryForList("SELECT user_id FROM lottery_participation WHERE lottery_id = ? "
                + "ORDER BY user_id", Long.class, lotteryId);
        double[] keys = {-0.5, -0.5, Math.nextUp(-0.5), -Double.MAX_VALUE, 0.0, Math.nextDown(-0.5)};
        draws.keepCandidates(lotteryId, IntStream.range(0, 6)
                .mapToObj(i -> new Candidate(users.get(i), 1, DrawAlgorithm.sortable(keys[i]))).toList());

        // when the draw is recorded
        assertThat(draws.complete(draws.plan(lotteryId), 6, "0".repeat(64), 0L)).isTrue();

        // then the places are Java's order: higher key first (Double.compare), lower user id first on equal keys
        List<Integer> javaOrder = IntStream.range(0, 6).boxed().sorted(Comparator.<Integer>comparingDouble(i -> keys[i])
                .reversed().thenComparing(users::get)).toList();
        assertThat(javaOrder).containsExactly(4, 2, 0, 1, 5, 3);
        List<Long> byLevel = jdbc.queryForList("SELECT id FROM prize WHERE lottery_id = ? ORDER BY level", Long.class,
                lotteryId);
        assertThat(winners(lotteryId)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 6)
                .mapToObj(place -> new Award(users.get(javaOrder.get(place)), byLevel.get(place))).toList());
        assertThat(candidates(lotteryId)).isZero();
    }

    @Test
    void candidatesLeftBehindByADrawThatIsOverAreRemovedAndThoseOfADrawUnderWayKept() {
        // given a drawn lottery whose candidates were left behind (its process died before removing them), and a
        // lottery being drawn
        long drawn = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));
        long drawing = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));
        DrawFixtures.bulkParticipants(jdbc, drawn, 3);
        DrawFixtures.bulkParticipants(jdbc, drawing, 3);
        makeDue(drawn);
        assertThat(launcher.draw(drawn).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        jdbc.update("UPDATE draw_record SET state = 'DRAWING' WHERE lottery_id = ?", drawing);
        for (long lotteryId : List.of(drawn, drawing)) {
            jdbc.update("INSERT INTO draw_candidate (lottery_id, user_id, weight, draw_key) SELECT lottery_id, user_id, 1, "
                    + "-user_id FROM lottery_participation WHERE lottery_id = ?", lotteryId);
        }

        // when the draw schedule tidies up
        assertThat(draws.discardLeftoverCandidates()).isPositive();

        // then
        assertThat(candidates(drawn)).isZero();
        assertThat(candidates(drawing)).isEqualTo(3);
        jdbc.update("DELETE FROM draw_candidate WHERE lottery_id = ?", drawing);
        jdbc.update("UPDATE draw_record SET state = 'PENDING' WHERE lottery_id = ?", drawing);
    }

    @Test
    void aLotteryWithoutParticipantsIsAnnouncedWithoutWinners() {
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 3)));
        makeDue(lotteryId);

        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForMap("SELECT state, participant_count, winner_count FROM draw_record WHERE lottery_id = ?",
                lotteryId)).containsEntry("state", "DRAWN").containsEntry("participant_count", 0)
                .containsEntry("winner_count", 0);
        assertThat(jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT stock FROM prize WHERE lottery_id = ?", Integer.class, lotteryId))
                .isEqualTo(3);
    }

    @Test
    void aLotteryNotYetDueIsLeftAloneAndDrawnOnceItIs() {
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));
        join(newUserToken(), lotteryId);

        JobExecution early = launcher.draw(lotteryId);

        assertThat(early.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(early.getExitStatus().getExitDescription()).contains("is not due");
        assertThat(jdbc.queryForObject("SELECT state FROM draw_record WHERE lottery_id = ?", String.class, lotteryId))
                .isEqualTo("PENDING");
        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(winners(lotteryId)).hasSize(1);
    }

    @Test
    void aByCountLotteryIsDrawnAsSoonAsItIsFull() throws Exception {
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(2, 3, prize(1, 1)));
        for (String player : bulkUserTokens(3)) {
            join(player, lotteryId);
        }

        // JoinThresholdReached → outbox relay → the draw, without waiting for the schedule
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?",
                Integer.class, lotteryId) == 0) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId))
                .isEqualTo(1);
        assertThat(winners(lotteryId)).hasSize(1);
    }

    @Test
    void aDrawWhoseProcessDiedMidwayResumesAndEndsWithTheWinnersAnUninterruptedDrawGives() throws Exception {
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 10), prize(2, 40)));
        int participants = 50_000;
        DrawFixtures.bulkParticipants(jdbc, lotteryId, participants);
        makeDue(lotteryId);

        CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(() -> launcher.draw(lotteryId));
        // the draw reads pages of 5,000 participants: stop it once the first page is committed
        long executionId = awaitReadCount(lotteryId, 1);
        assertThat(stopper.stop(executionId)).isTrue();
        // Batch 6 ends a step stopped between chunks as STOPPED, or FAILED if the stop raced its bookkeeping;
        // either way the instance is not complete and starts again where its last committed chunk ended
        assertThat(first.get(60, TimeUnit.SECONDS).getStatus()).isIn(BatchStatus.STOPPED, BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT state FROM draw_record WHERE lottery_id = ?", String.class, lotteryId))
                .isEqualTo("DRAWING");
        assertThat(winners(lotteryId)).isEmpty();
        // what kill -9 would have left: the execution and its step still STARTED, silent for an hour
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL, "
                + "LAST_UPDATED = NOW(3) - INTERVAL 1 HOUR WHERE JOB_EXECUTION_ID = ?", executionId);
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                + "WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'selectWinners'", executionId);
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET LAST_UPDATED = NOW(3) - INTERVAL 1 HOUR WHERE JOB_EXECUTION_ID = ?",
                executionId);

        JobExecution resumed = launcher.draw(lotteryId);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(first.get().getJobInstanceId());
        assertThat(readCount(resumed.getId())).as("pages read after the restart: it went on after the last committed one")
                .isBetween(1L, participants / 5_000L - 1);
        byte[] seed = jdbc.queryForObject("SELECT seed FROM draw_record WHERE lottery_id = ?", byte[].class, lotteryId);
        VerifierRun uninterrupted = verify(seed, lotteryId);
        assertThat(winners(lotteryId)).containsExactlyInAnyOrderElementsOf(uninterrupted.awards()).hasSize(50);
        assertThat(uninterrupted.output()).contains("digest " + jdbc.queryForObject(
                "SELECT participants_digest FROM draw_record WHERE lottery_id = ?", String.class, lotteryId));
    }

    @Test
    void theWinnersListAndTheVerifyPageStayBoundedHoweverLargeTheDraw() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 10_000), prize(2, 1)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 10_001);
        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode winners = api.post("/lottery/v1/lottery/getLotteryWinnersList", "{\"lotteryId\":" + lotteryId + "}")
                .data().path("list");
        assertThat(winners).hasSize(2);
        assertThat(winners.get(0).path("winnerCount").asInt()).as("every winner counted").isEqualTo(10_000);
        assertThat(winners.get(0).path("users")).as("the first 200 named").hasSize(200);
        assertThat(winners.get(1).path("winnerCount").asInt()).isEqualTo(1);
        assertThat(winners.get(1).path("users")).hasSize(1);

        String page = new String(api.get("/lottery/verify/" + lotteryId).body(), StandardCharsets.UTF_8);
        assertThat(page).as("more winners than a browser checks: the page says so and embeds none")
                .contains("too large to check in a browser").contains("DrawVerifier").doesNotContain("data-winner-user-id");
    }

    private static String clockedLottery(int announceType, int joinNumber, String... prizes) {
        String plain = LotteryFixtures.lottery(announceType, joinNumber, prizes);
        return plain.replace("\"isClocked\":0", "\"isClocked\":1,\"clockTask\":{\"type\":3,\"seconds\":0,"
                + "\"appletType\":0,\"pageLink\":\"\",\"appId\":\"\",\"pagePath\":\"\",\"image\":\"https://img.example.com/c.png\","
                + "\"videoAccountId\":\"\",\"videoId\":\"\",\"articleLink\":\"\",\"copywriting\":\"看图\",\"chanceType\":2,"
                + "\"increaseMultiple\":3}");
    }

    private void join(String token, long lotteryId) {
        Response response = api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    /** Moves the announce time into the past, as time passing would. */
    private void makeDue(long lotteryId) {
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
    }

    private long awaitReadCount(long lotteryId, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT s.JOB_EXECUTION_ID, s.READ_COUNT FROM BATCH_STEP_EXECUTION s "
                    + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
                    + "WHERE p.PARAMETER_NAME = 'lotteryId' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = 'selectWinners'",
                    Long.toString(lotteryId));
            if (!rows.isEmpty() && ((Number) rows.get(0).get("READ_COUNT")).longValue() >= atLeast) {
                return ((Number) rows.get(0).get("JOB_EXECUTION_ID")).longValue();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the draw never read " + atLeast + " pages");
    }

    private long readCount(long jobExecutionId) {
        return jdbc.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = 'selectWinners'", Long.class, jobExecutionId);
    }

    private int candidates(long lotteryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM draw_candidate WHERE lottery_id = ?", Integer.class, lotteryId);
    }

    private List<Award> winners(long lotteryId) {
        return DrawFixtures.winners(jdbc, lotteryId);
    }

    private VerifierRun verify(byte[] seed, long lotteryId) {
        return DrawFixtures.verify(jdbc, seed, lotteryId);
    }
}
