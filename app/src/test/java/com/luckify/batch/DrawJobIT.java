package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.support.ExecutionStopper;
import com.luckify.draw.Award;
import com.luckify.draw.DrawVerifier;
import com.luckify.draw.Entrant;
import com.luckify.draw.PrizeUnit;
import com.luckify.lottery.LotteryService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.DrawFixtures;
import com.luckify.support.DrawFixtures.VerifierRun;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LotteryFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aDueLotteryIsDrawnOnceAndAnyoneCanRecomputeItsWinners() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clockedLottery(1, 0, prize(2, 3), prize(1, 2)));
        List<String> players = bulkUserTokens(40);
        for (int i = 0; i < players.size(); i++) {
            join(players.get(i), lotteryId);
            if (i % 4 == 0) {
                assertThat(api.post("/lottery/v1/lottery/completeClockTask", "{\"lotteryId\":" + lotteryId + "}",
                        players.get(i)).status()).isEqualTo(200);
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
        List<PrizeUnit> units = new ArrayList<>();
        for (JsonNode prize : detail.path("prizes")) {
            for (int i = 0; i < prize.path("count").asInt(); i++) {
                units.add(new PrizeUnit(prize.path("id").asLong(), prize.path("level").asInt()));
            }
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
                units, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(published).hasSize(40);
        assertThat(fromApi).containsExactlyInAnyOrderElementsOf(winners(lotteryId));

        assertThat(launcher.draw(lotteryId)).as("a drawn lottery is never drawn again").isNull();
        assertThat(winners(lotteryId)).hasSize(5);
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

    private static String clockedLottery(int announceType, int joinNumber, String... prizes) {
        String plain = LotteryFixtures.lottery(announceType, joinNumber, prizes);
        return plain.replace("\"isClocked\":0", "\"isClocked\":1,\"clockTask\":{\"type\":3,\"seconds\":5,"
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

    private List<Award> winners(long lotteryId) {
        return DrawFixtures.winners(jdbc, lotteryId);
    }

    private VerifierRun verify(byte[] seed, long lotteryId) {
        return DrawFixtures.verify(jdbc, seed, lotteryId);
    }
}
