package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.lottery.InstantWinService;
import com.luckify.lottery.LotteryService;
import com.luckify.reconciliation.Finding;
import com.luckify.reconciliation.ReconciliationFindings;
import com.luckify.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** Given data kept twice that agrees or not, when the reconciliation job runs, then it reports and repairs. */
class ReconciliationJobIT extends IntegrationTest {

    @Autowired
    ReconciliationLauncher reconciliation;

    @Autowired
    ReconciliationFindings findings;

    @Autowired
    InstantWinService instantWin;

    @Autowired
    DrawLauncher draws;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    RedissonClient redisson;

    @Test
    void healthyDataGivesNoFindingsAndEveryDifferenceIsReportedAndRepairedFromMySql() throws Exception {
        // state other tests left behind (a flushed Redis, say) is repaired by a first run
        assertThat(reconciliation.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findingsOf(reconciliation.run())).as("a run over healthy data").isEmpty();

        String owner = newUserToken();
        long instant = createLottery(owner, lottery(3, 0, prize(1, 5, 1_000_000)));
        String winner = newUserToken();
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + instant + "}", winner);
        long prizeId = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, instant);
        redisson.getMap("luckify:instant:{" + instant + "}:state", StringCodec.INSTANCE).put("stock:" + prizeId, "9");
        redisson.getSet("luckify:instant:{" + instant + "}:entrants", StringCodec.INSTANCE).add("424242");

        long commentId = prizeShow(instant, winner);
        jdbc.update("UPDATE `comment` SET praise_count = 5 WHERE id = ?", commentId);

        long userId = userIdOf(owner);
        api.post("/checkin/v1/checkin", "", owner);
        jdbc.update("UPDATE integral SET integral = integral + 7 WHERE user_id = ?", userId);

        long drawn = createLottery(owner, lottery(1, 0, prize(1, 2)));
        api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + drawn + "}", winner);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", drawn);
        lotteryService.changed(drawn);
        draws.draw(drawn);
        long drawnPrize = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, drawn);
        jdbc.update("UPDATE prize SET stock = stock + 1 WHERE id = ?", drawnPrize);
        try {
            List<Finding> found = findingsOf(reconciliation.run());

            assertThat(found).extracting(f -> f.kind() + " " + f.subjectId() + " " + f.expected() + "/" + f.actual()
                    + (f.repaired() ? " repaired" : "")).containsExactlyInAnyOrder(
                    "INSTANT_STOCK " + prizeId + " 4/9 repaired",
                    "INSTANT_ENTRANTS " + instant + " 1/2 repaired",
                    "PRAISE_COUNT " + commentId + " 0/5 repaired",
                    "POINTS_BALANCE " + userId + " 5/12",
                    "DRAW_STOCK " + drawnPrize + " stock 1/stock 2");
            assertThat(instantWin.hotState(instant).stock()).containsEntry(prizeId, 4);
            assertThat(instantWin.hotState(instant).entrants()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT praise_count FROM `comment` WHERE id = ?", Integer.class, commentId))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT integral FROM integral WHERE user_id = ?", Long.class, userId))
                    .as("MySQL's own books are never rewritten").isEqualTo(12);
        } finally {
            // leave the shared database as healthy as it was
            jdbc.update("UPDATE integral SET integral = integral - 7 WHERE user_id = ?", userId);
            jdbc.update("UPDATE prize SET stock = stock - 1 WHERE id = ?", drawnPrize);
        }
    }

    @Test
    void aRunLeftRunningByAKilledProcessDoesNotBlockTheNextOne() throws Exception {
        JobExecution earlier = reconciliation.run();
        assertThat(earlier.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // what kill -9 leaves: the execution and its steps STARTED, silent for an hour
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL, "
                + "LAST_UPDATED = NOW(3) - INTERVAL 1 HOUR WHERE JOB_EXECUTION_ID = ?", earlier.getId());
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET LAST_UPDATED = NOW(3) - INTERVAL 1 HOUR WHERE JOB_EXECUTION_ID = ?",
                earlier.getId());

        JobExecution next = reconciliation.run();

        assertThat(next).as("not refused as if the dead run were still going").isNotNull();
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                earlier.getId())).isEqualTo("FAILED");
    }

    private long prizeShow(long lotteryId, String winnerToken) {
        return api.post("/comment/v1/comment/addComment", "{\"lotteryId\":" + lotteryId + ",\"content\":\"对账\"}",
                winnerToken).data().path("id").asLong();
    }

    private List<Finding> findingsOf(JobExecution execution) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return findings.ofRun(execution.getJobParameters().getString("runId"));
    }
}
