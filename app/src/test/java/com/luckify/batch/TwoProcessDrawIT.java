package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.lottery.LotteryService;
import com.luckify.support.DrawFixtures;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Luckify processes (the {@code batch} role, the draw schedule every second) against the same MariaDB and
 * Redis: one is killed with SIGKILL in the middle of a draw; two others, running side by side, finish that draw
 * with exactly the winners an uninterrupted one gives, draw every other due lottery exactly once, and run the
 * result notices of every draw.
 */
class TwoProcessDrawIT extends IntegrationTest {

    private final LuckifyProcesses processes = new LuckifyProcesses();

    @Autowired
    LotteryService lotteryService;

    @AfterEach
    void stopProcesses() {
        processes.close();
    }

    @Test
    void aDrawLeftByAKilledProcessIsFinishedByAnotherAndEveryDueLotteryIsDrawnOnce() throws Exception {
        String owner = newUserToken();
        long big = createLottery(owner, lottery(1, 0, prize(1, 20)));
        DrawFixtures.bulkParticipants(jdbc, big, 300_000);
        List<Long> small = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = createLottery(owner, lottery(1, 0, prize(1, 1)));
            DrawFixtures.bulkParticipants(jdbc, id, 3);
            small.add(id);
        }
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id BETWEEN ? AND ?", big,
                small.get(small.size() - 1));
        lotteryService.changed(big);

        Process first = luckify("first");
        await("the first process is drawing the big lottery", 90, () -> pagesRead(big) >= 1);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(state(big)).as("killed mid-draw").isEqualTo("DRAWING");

        luckify("second");
        luckify("third");
        await("every lottery drawn", 120, () -> state(big).equals("DRAWN")
                && small.stream().allMatch(id -> state(id).equals("DRAWN")));

        byte[] seed = DrawFixtures.seedOf(jdbc, big);
        assertThat(DrawFixtures.winners(jdbc, big)).hasSize(20)
                .containsExactlyInAnyOrderElementsOf(DrawFixtures.verify(jdbc, seed, big).awards());
        assertThat(executionStatuses(big)).as("the killed run, recovered as failed, then the finished one")
                .containsExactly("FAILED", "COMPLETED");
        for (long id : small) {
            assertThat(executionStatuses(id)).as("lottery %d drawn once, by one process", id).containsExactly("COMPLETED");
            assertThat(DrawFixtures.winners(jdbc, id)).hasSize(1);
        }
        // each DrawCompleted reaches one of the processes, which tells the participants (none of these has WeChat)
        await("every draw's result notice job done", 120, () -> jdbc.queryForObject("SELECT COUNT(*) FROM event_delivery d "
                + "JOIN outbox_event e ON e.id = d.event_id WHERE d.subscription = 'draw-result-notice' AND d.done_time IS NOT NULL "
                + "AND e.aggregate_id BETWEEN ? AND ?", Integer.class, big, small.get(small.size() - 1)) == 1 + small.size());
    }

    private Process luckify(String name) throws IOException {
        return processes.start(name, "--luckify.roles=batch", "--luckify.draw.poll-interval=1s",
                "--luckify.draw.stale-after=10s", "--luckify.draw.lock-at-most-for=5s");
    }

    private long pagesRead(long lotteryId) {
        Long pages = jdbc.queryForObject("SELECT MAX(s.READ_COUNT) FROM BATCH_STEP_EXECUTION s "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'lotteryId' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = 'selectWinners'",
                Long.class, Long.toString(lotteryId));
        return pages == null ? 0 : pages;
    }

    private String state(long lotteryId) {
        return jdbc.queryForObject("SELECT state FROM draw_record WHERE lottery_id = ?", String.class, lotteryId);
    }

    private List<String> executionStatuses(long lotteryId) {
        return jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND i.JOB_NAME = 'drawJob' JOIN BATCH_JOB_EXECUTION_PARAMS p "
                + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'lotteryId' AND p.PARAMETER_VALUE = ? "
                + "ORDER BY e.JOB_EXECUTION_ID", String.class, Long.toString(lotteryId));
    }
}
