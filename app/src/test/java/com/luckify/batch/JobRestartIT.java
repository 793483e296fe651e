package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.lottery.LotteryService;
import com.luckify.support.DrawFixtures;
import com.luckify.support.InjectedFault;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The jobs in the style of the Spring Batch samples, through {@link JobOperatorTestUtils}: given data, when a job
 * runs and fails mid-step (a fault injected into a chunk commit by the database), then its restart goes on after
 * the last committed chunk and ends as an uninterrupted run would; a completed instance is never launched again.
 */
class JobRestartIT extends IntegrationTest {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    @Qualifier("drawJob")
    Job drawJob;

    @Autowired
    @Qualifier("drawResultNotifyJob")
    Job drawResultNotifyJob;

    @Autowired
    @Qualifier("reconciliationJob")
    Job reconciliationJob;

    @Autowired
    LotteryService lotteryService;

    @Test
    void aDrawThatFailedMidStepIsRestartedAfterItsLastCommittedPageAndDrawsTheSameWinners() throws Exception {
        // given a due lottery with 30,000 participants: six pages of 5,000
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 5), prize(2, 20)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 30_000);
        makeDue(lotteryId);

        // when the fourth page's commit fails, and the draw is started again
        DrawRuns runs = drawFailingOnceAtTheFourthPage(lotteryId);

        // then the restart draws exactly the winners, count and digest anyone recomputes from the seed
        assertDrawnAsTheVerifierSays(lotteryId, 30_000, 25);
        assertThatThrownBy(runs::startAgain).as("a drawn lottery is never drawn again")
                .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }

    @Test
    void aDrawOfMoreUnitsThanItKeepsInMemoryRestartsTheSameWayAndSavesNoMoreStateForIt() throws Exception {
        // given 30,000 participants and 25,000 units (5,000 of a first prize, 20,000 of a second; set in the database
        // as staff may): more than the draw keeps in memory, so every participant is written as a candidate
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1), prize(2, 1)));
        jdbc.update("UPDATE prize SET `count` = IF(level = 1, 5000, 20000), stock = `count` WHERE lottery_id = ?",
                lotteryId);
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 30_000);
        makeDue(lotteryId);

        // when the fourth page's commit fails, and the draw is started again
        DrawRuns runs = drawFailingOnceAtTheFourthPage(lotteryId);

        // then everyone gets what the verifier says, in level order
        assertDrawnAsTheVerifierSays(lotteryId, 30_000, 25_000);
        // and what Batch saved for the draw does not grow with its 25,000 winners: the ranking is in the database
        // (Batch keeps a context of up to 2,500 characters in SHORT_CONTEXT, a longer one in SERIALIZED_CONTEXT)
        assertThat(jdbc.queryForObject("SELECT MAX(LENGTH(COALESCE(c.SERIALIZED_CONTEXT, c.SHORT_CONTEXT))) FROM BATCH_STEP_EXECUTION_CONTEXT c "
                + "JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.STEP_EXECUTION_ID "
                + "WHERE s.JOB_EXECUTION_ID IN (?, ?)", Integer.class, runs.failed().getId(), runs.restarted().getId()))
                .isLessThan(4_000);
        assertThat(jdbc.queryForObject("SELECT MAX(LENGTH(COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT))) FROM BATCH_JOB_EXECUTION_CONTEXT "
                + "WHERE JOB_EXECUTION_ID IN (?, ?)", Integer.class, runs.failed().getId(), runs.restarted().getId()))
                .isLessThan(4_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM draw_candidate WHERE lottery_id = ?", Integer.class,
                lotteryId)).isZero();
    }

    /**
     * Draws the due lottery with the fourth page's commit failing, which draws nothing, then starts the same job
     * instance again, which completes after reading again the page whose commit failed (its candidates were rolled
     * back) and the two after it.
     */
    private DrawRuns drawFailingOnceAtTheFourthPage(long lotteryId) throws Exception {
        JobOperatorTestUtils draws = utilsFor(drawJob);
        JobParameters parameters = new JobParametersBuilder().addLong("lotteryId", lotteryId).toJobParameters();
        JobExecution failed;
        try (InjectedFault fault = InjectedFault.atCommit(jdbc, "selectWinners", 4, "lotteryId", lotteryId)) {
            failed = draws.startJob(parameters);
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().toString()).contains("injected fault");
        assertThat(DrawFixtures.winners(jdbc, lotteryId)).as("nothing drawn by the failed run").isEmpty();

        JobExecution restarted = draws.startJob(parameters);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(stepCounts(restarted.getId(), "selectWinners")).containsEntry("READ_COUNT", 3L);
        return new DrawRuns(draws, parameters, failed, restarted);
    }

    private record DrawRuns(JobOperatorTestUtils draws, JobParameters parameters, JobExecution failed,
            JobExecution restarted) {

        void startAgain() throws Exception {
            draws.startJob(parameters);
        }
    }

    @Test
    void resultNoticesThatFailedMidStepAreRestartedAndEveryoneIsToldOnce() throws Exception {
        // given a lottery whose 1,200 participants all use WeChat (three chunks of 500), three of them winners; its
        // result notices are started here rather than by a draw's event
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 3)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 1_200);
        jdbc.update("INSERT INTO user_auth (user_id, auth_type, auth_key) SELECT user_id, 'wxMini', "
                + "CONCAT('o-restart-', lottery_id, '-', user_id) FROM lottery_participation WHERE lottery_id = ?", lotteryId);
        jdbc.update("UPDATE lottery_participation SET is_won = 1, prize_id = (SELECT id FROM prize WHERE lottery_id = ?) "
                + "WHERE lottery_id = ? ORDER BY id LIMIT 3", lotteryId, lotteryId);
        WeChatStub weChat = WeChatStub.instance();
        List<String> openIds = jdbc.queryForList("SELECT auth_key FROM user_auth a JOIN lottery_participation p "
                + "ON p.user_id = a.user_id WHERE p.lottery_id = ? AND a.auth_type = 'wxMini'", String.class, lotteryId);
        JobOperatorTestUtils notices = utilsFor(drawResultNotifyJob);
        JobParameters parameters = new JobParametersBuilder().addLong("lotteryId", lotteryId)
                .addString("day", "2031-06-01", false).toJobParameters();

        // when the second chunk's commit fails
        JobExecution failed;
        try (InjectedFault fault = InjectedFault.atCommit(jdbc, "notifyParticipants", 2, "lotteryId", lotteryId)) {
            failed = notices.startJob(parameters);
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        // then a restart tells the rest, and nobody twice
        assertThat(notices.startJob(parameters).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(openIds).hasSize(1_200).allSatisfy(openId -> assertThat(weChat.subscribeMessagesTo(openId)).hasSize(1));
        assertThat(openIds.stream().flatMap(openId -> weChat.subscribeMessagesTo(openId).stream())
                .filter(message -> message.contains("恭喜抽中"))).hasSize(3);
        assertThatThrownBy(() -> notices.startJob(parameters)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }

    @Test
    void aReconciliationWhoseChunkCommitFailedIsRestartedWithoutLosingThatChunksFindings() throws Exception {
        // given 1,200 users whose balance is 1 with nothing in their ledger, the newest balances there are
        String batch = "drift-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Object[]> names = IntStream.range(0, 1_200).mapToObj(i -> new Object[] {batch + i}).toList();
        jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", names);
        List<Long> drifted = jdbc.queryForList("SELECT id FROM `user` WHERE nickname LIKE ? ORDER BY id", Long.class,
                batch + "%");
        try {
            jdbc.update("INSERT INTO integral (user_id, integral) SELECT id, 1 FROM `user` WHERE nickname LIKE ?", batch + "%");
            // pointsBalances reads balances in user id order, 500 a chunk: the second chunk holding drifted users
            // holds nothing else
            long before = jdbc.queryForObject("SELECT COUNT(*) FROM integral WHERE user_id < ?", Long.class,
                    drifted.get(0));
            int secondDriftedChunk = (int) (before / 500) + 2;
            JobOperatorTestUtils reconciliation = utilsFor(reconciliationJob);
            String runId = "restart-" + UUID.randomUUID();
            JobParameters parameters = new JobParametersBuilder().addString("runId", runId).toJobParameters();

            // when that chunk's commit fails
            JobExecution failed;
            try (InjectedFault fault = InjectedFault.atCommit(jdbc, "pointsBalances", secondDriftedChunk, "runId", runId)) {
                failed = reconciliation.startJob(parameters);
            }
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(driftFindings(runId)).as("the failed chunk's findings rolled back").hasSizeLessThan(1_200);

            // then the restart reports every drifted balance, once
            assertThat(reconciliation.startJob(parameters).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(driftFindings(runId)).containsExactlyInAnyOrderElementsOf(
                    drifted.stream().map(String::valueOf).toList());
        } finally {
            // the shared database's balances stay equal to their ledgers
            jdbc.update("DELETE i FROM integral i JOIN `user` u ON u.id = i.user_id WHERE u.nickname LIKE ?", batch + "%");
        }
    }

    private void assertDrawnAsTheVerifierSays(long lotteryId, int participants, int winners) {
        DrawFixtures.VerifierRun verified = DrawFixtures.verify(jdbc, DrawFixtures.seedOf(jdbc, lotteryId), lotteryId);
        assertThat(DrawFixtures.winners(jdbc, lotteryId)).hasSize(winners)
                .containsExactlyInAnyOrderElementsOf(verified.awards());
        Map<String, Object> record = jdbc.queryForMap("SELECT participant_count, participants_digest, winner_count "
                + "FROM draw_record WHERE lottery_id = ?", lotteryId);
        assertThat(record).containsEntry("participant_count", participants).containsEntry("winner_count", winners);
        assertThat(verified.output()).contains("participants " + participants + " digest "
                + record.get("participants_digest"));
    }

    private List<String> driftFindings(String runId) {
        return jdbc.queryForList("SELECT subject_id FROM reconciliation_finding WHERE run_id = ? AND kind = 'POINTS_BALANCE' "
                + "AND expected = '0' AND actual = '1'", String.class, runId);
    }

    private JobOperatorTestUtils utilsFor(Job job) {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(job);
        return utils;
    }

    private Map<String, Object> stepCounts(long jobExecutionId, String step) {
        return jdbc.queryForMap("SELECT COMMIT_COUNT, READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = ?", jobExecutionId, step);
    }

    private void makeDue(long lotteryId) {
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
    }
}
