package com.luckify.bench;

import com.luckify.LuckifyApplication;
import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.lottery.InstantWinService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The batch jobs at scale (not a test): {@code drawJob} over 100,000 and 1,000,000 participants with 1,000
 * prize units, and over 1,000,000 participants with 10,000,000 prize units (20 prizes of 500,000: everyone
 * wins), printing wall time and peak heap of each (the heap must grow neither with the participants nor with
 * the units), and {@code reconciliationJob} over 10,000 running instant lotteries. Runs against MariaDB and Redis with the
 * test profile: {@code ./mvnw -B -Pbench-jobs -DskipTests verify -pl app -am}.
 */
public final class JobBenchmark {

    private static final String USERS = "jobbench-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(LuckifyApplication.class);
        app.setAdditionalProfiles("test");
        // the batch role alone: no outbox relay, so no result notices run beside the measured jobs
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--luckify.roles=batch")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DrawLauncher draws = context.getBean(DrawLauncher.class);
            long owner = ensureUsers(jdbc, 1_000_000);
            List<Long> drawn = new ArrayList<>();
            System.out.printf("%nLuckify job benchmark, %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-44s %10s %14s %14s%n", "job", "wall s", "items/s", "peak heap MB");
            drawn.add(drawAndReport(jdbc, draws, owner, 100_000, 1, 1_000));
            drawn.add(drawAndReport(jdbc, draws, owner, 1_000_000, 1, 1_000));

            int instant = 10_000;
            List<Long> lotteries = runningInstantLotteries(jdbc, owner, instant);
            try {
                context.getBean(InstantWinService.class).rebuildMissingHotStates();
                Measure measure = Measure.start();
                JobExecution run = context.getBean(ReconciliationLauncher.class).run();
                Measure.Result result = measure.stop();
                System.out.printf("%-44s %10.2f %14.0f %14d   %s%n", "reconciliationJob, " + instant + " instant lotteries",
                        result.seconds(), instant / result.seconds(), result.peakHeapMb(), run.getStatus());
            } finally {
                // the integration tests share this database: their lists must not fill with bench lotteries
                jdbc.update("UPDATE lottery SET cancelled_at = NOW(3), cancel_reason = 'benchmark' WHERE id BETWEEN ? AND ?",
                        lotteries.get(0), lotteries.get(lotteries.size() - 1));
            }

            // last, so that the reconciliation above is measured over what earlier runs left, as before: a draw in
            // which every participant wins one of 20 prizes of 500,000 units. Then removed: the integration tests
            // share this database, and the reconciliation job counts every drawn prize's winners, so a million
            // winners left by each run would slow every later run of both
            long everyoneWins = drawAndReport(jdbc, draws, owner, 1_000_000, 20, 500_000);
            removeLottery(jdbc, everyoneWins);

            // the bench users have no WeChat: the result notices of these draws would only keep the next process
            // that relays events busy reading a million participants for nothing
            for (long lotteryId : drawn) {
                jdbc.update("UPDATE outbox_event SET published_time = NOW(3) WHERE aggregate_type = 'lottery' "
                        + "AND aggregate_id = ? AND published_time IS NULL", lotteryId);
            }
        }
        System.exit(0);
    }

    /** Draws a new due lottery of {@code prizes} prizes of {@code unitsPerPrize} units and prints the figures. */
    private static long drawAndReport(JdbcTemplate jdbc, DrawLauncher draws, long owner, int participants, int prizes,
            int unitsPerPrize) throws Exception {
        long lotteryId = dueDrawLottery(jdbc, owner, participants, prizes, unitsPerPrize);
        Measure measure = Measure.start();
        JobExecution execution = draws.draw(lotteryId);
        Measure.Result result = measure.stop();
        System.out.printf("%-44s %10.2f %14.0f %14d   %s, %s winners%n",
                "drawJob, " + participants + " participants, " + (long) prizes * unitsPerPrize + " units",
                result.seconds(), participants / result.seconds(), result.peakHeapMb(), execution.getStatus(),
                jdbc.queryForObject("SELECT winner_count FROM draw_record WHERE lottery_id = ?", Integer.class, lotteryId));
        return lotteryId;
    }

    /** Removes a bench lottery that has no clock task, comments or claims, with its entries and events. */
    private static void removeLottery(JdbcTemplate jdbc, long lotteryId) {
        int removed;
        do {
            // in slices, so that no statement runs for minutes
            removed = jdbc.update("DELETE FROM lottery_participation WHERE lottery_id = ? LIMIT 50000", lotteryId);
        } while (removed > 0);
        jdbc.update("DELETE d FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id "
                + "WHERE e.aggregate_type = 'lottery' AND e.aggregate_id = ?", lotteryId);
        jdbc.update("DELETE FROM outbox_event WHERE aggregate_type = 'lottery' AND aggregate_id = ?", lotteryId);
        jdbc.update("DELETE FROM draw_record WHERE lottery_id = ?", lotteryId);
        jdbc.update("DELETE FROM prize WHERE lottery_id = ?", lotteryId);
        jdbc.update("DELETE FROM lottery WHERE id = ?", lotteryId);
    }

    /** Bench users made once and reused by later runs; returns the first one's id. */
    static long ensureUsers(JdbcTemplate jdbc, int count) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE nickname LIKE ?", Integer.class, USERS + "%");
        List<Object[]> rows = new ArrayList<>();
        for (int i = existing; i < count; i++) {
            rows.add(new Object[] {USERS + i});
            if (rows.size() == 10_000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", rows);
                rows.clear();
            }
        }
        return jdbc.queryForObject("SELECT MIN(id) FROM `user` WHERE nickname LIKE ?", Long.class, USERS + "%");
    }

    private static long dueDrawLottery(JdbcTemplate jdbc, long owner, int participants, int prizes, int unitsPerPrize)
            throws Exception {
        long lotteryId = insertLottery(jdbc, owner, 1, "NOW(3) - INTERVAL 1 MINUTE");
        for (int level = 1; level <= prizes; level++) {
            jdbc.update("INSERT INTO prize (lottery_id, type, name, level, `count`, stock, grant_type) VALUES (?, 1, ?, ?, ?, ?, 1)",
                    lotteryId, level + "等奖", level, unitsPerPrize, unitsPerPrize);
        }
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        // a clear seed marked as from before sealing (V23), which the draw takes as it is: no key needed here
        jdbc.update("INSERT INTO draw_record (lottery_id, seed, seed_key_id, seed_hash, state) "
                + "VALUES (?, ?, 'legacy-unsealed', ?, 'PENDING')", lotteryId,
                seed, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed)));
        jdbc.update("INSERT INTO lottery_participation (lottery_id, user_id) SELECT ?, id FROM `user` WHERE nickname LIKE ? "
                + "ORDER BY id LIMIT ?", lotteryId, USERS + "%", participants);
        jdbc.update("UPDATE lottery SET participant_count = ? WHERE id = ?", participants, lotteryId);
        return lotteryId;
    }

    private static List<Long> runningInstantLotteries(JdbcTemplate jdbc, long owner, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long lotteryId = insertLottery(jdbc, owner, 3, "NOW(3) + INTERVAL 1 DAY");
            jdbc.update("INSERT INTO prize (lottery_id, type, name, level, `count`, stock, grant_type, win_probability_ppm) "
                    + "VALUES (?, 1, '即中奖', 1, 100, 100, 1, 100000)", lotteryId);
            ids.add(lotteryId);
        }
        return ids;
    }

    static long insertLottery(JdbcTemplate jdbc, long owner, int announceType, String announceTime) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO lottery (user_id, name, publish_time, "
                    + "award_deadline, announce_type, announce_time) VALUES (?, '压测', NOW(3), NOW(3) + INTERVAL 7 DAY, ?, "
                    + announceTime + ")", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, owner);
            insert.setInt(2, announceType);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** Wall time and the peak of the heap pools since {@link #start} (after a GC, so earlier garbage does not count). */
    record Measure(long startNanos) {

        static Measure start() {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Measure(System.nanoTime());
        }

        Result stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            return new Result(seconds, peak >> 20);
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .toList();
        }

        record Result(double seconds, long peakHeapMb) {
        }
    }
}
