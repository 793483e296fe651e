package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.lottery.LotteryService;
import com.luckify.support.DrawFixtures;
import com.luckify.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Luckify processes (the {@code batch} role, the draw schedule every second) against the same MariaDB and
 * Redis: one is killed with SIGKILL in the middle of a draw; two others, running side by side, finish that draw
 * with exactly the winners an uninterrupted one gives and draw every other due lottery exactly once.
 */
class TwoProcessDrawIT extends IntegrationTest {

    private final List<Process> processes = new ArrayList<>();

    @Autowired
    LotteryService lotteryService;

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
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
    }

    /** Starts the application in a JVM of its own, with this test's class path and the test profile. */
    private Process luckify(String name) throws IOException {
        Path log = Path.of("target", "two-process-" + name + ".log");
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "com.luckify.LuckifyApplication",
                "--spring.profiles.active=test", "--server.port=0", "--luckify.roles=batch",
                "--luckify.draw.poll-interval=1s", "--luckify.draw.stale-after=10s", "--luckify.draw.lock-at-most-for=5s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
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

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what + " (process logs: target" + File.separator
                + "two-process-*.log)");
    }
}
