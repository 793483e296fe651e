package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.batch.support.JobProgress;
import com.luckify.batch.support.JobProgressBoard;
import com.luckify.lottery.LotteryService;
import com.luckify.support.DrawFixtures;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** What the admin console shows of jobs: their executions, filtered, and a running one's progress as it goes. */
class JobProgressIT extends IntegrationTest {

    @Autowired
    JobProgressBoard board;

    @Autowired
    DrawLauncher draws;

    @Autowired
    ReconciliationLauncher reconciliation;

    @Autowired
    LotteryService lotteryService;

    @Test
    void aRunningDrawShowsItsPagesAsTheyAreCommittedAndEndsAtAHundredPercent() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 60_000);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);

        CompletableFuture<JobExecution> draw = CompletableFuture.supplyAsync(() -> draws.draw(lotteryId));
        List<JobProgress> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!draw.isDone() && System.nanoTime() < deadline) {
            board.recent("drawJob", "STARTED", 5).stream().filter(p -> p.parameters().contains("lotteryId=" + lotteryId))
                    .findFirst().ifPresent(seen::add);
            Thread.sleep(5);
        }
        long executionId = draw.get(60, TimeUnit.SECONDS).getId();

        assertThat(seen).as("seen while running").isNotEmpty().allSatisfy(p -> {
            assertThat(p.running()).isTrue();
            assertThat(p.percent()).isBetween(0, 99);
            assertThat(p.totalSteps()).isEqualTo(3);
        });
        assertThat(seen.stream().flatMap(p -> p.steps().stream()).filter(s -> s.name().equals("selectWinners"))
                .mapToLong(JobProgress.StepProgress::readCount).max().orElse(0)).as("pages read while running")
                .isBetween(1L, 12L);
        JobProgress done = board.of(executionId).orElseThrow();
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.endTime()).isNotNull();
        assertThat(done.steps()).extracting(JobProgress.StepProgress::name)
                .containsExactly("beginDraw", "selectWinners", "recordDraw");
        assertThat(done.steps().get(1).readCount()).as("12 pages of 5,000").isEqualTo(12);
        assertThat(done.steps().get(1).commitCount()).as("a chunk a page").isEqualTo(12);
    }

    @Test
    void executionsAreListedNewestFirstAndFilteredByJobAndStatus() throws Exception {
        long first = reconciliation.run().getId();
        long second = reconciliation.run().getId();

        assertThat(board.recent("reconciliationJob", "COMPLETED", 2)).extracting(JobProgress::executionId)
                .containsExactly(second, first);
        assertThat(board.recent("reconciliationJob", "FAILED", 200)).extracting(JobProgress::executionId)
                .doesNotContain(first, second);
        assertThat(board.recent(null, null, 200)).extracting(JobProgress::jobName).contains("reconciliationJob");
        assertThat(board.of(second).orElseThrow().steps()).hasSize(4).allSatisfy(s -> assertThat(s.status())
                .isEqualTo("COMPLETED"));
        assertThat(board.of(Long.MAX_VALUE)).isEmpty();
        assertThat(board.jobNames()).contains("drawJob", "reconciliationJob", "checkinReminderJob", "drawResultNotifyJob",
                "claimDeadlineReminderJob");
    }
}
