package com.luckify.bench;

import com.luckify.LuckifyApplication;
import com.luckify.report.ReportFormat;
import com.luckify.report.ReportRequest;
import com.luckify.report.ReportService;
import com.luckify.report.ReportType;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports at scale (not a test): the draw audit of a lottery with 100,000 winners and the prize report over
 * 1,000,000 participations, in PDF and XLSX, printing wall time, peak heap and file size. Runs with a 512 MB heap
 * against MariaDB with the test profile: {@code ./mvnw -B -Pbench-reports -DskipTests verify -pl app -am}. The bench
 * data is made once (year 2003 lotteries named 报表压测) and reused by later runs.
 */
public final class ReportBenchmark {

    private static final String NAME = "报表压测";
    private static final LocalDate YEAR = LocalDate.of(2003, 1, 1);
    private static final int WINNERS = 100_000;
    private static final int LOTTERIES = 200;
    private static final int PER_LOTTERY = 5_000;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(LuckifyApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--luckify.roles=batch")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ReportService reports = context.getBean(ReportService.class);
            long owner = JobBenchmark.ensureUsers(jdbc, 1_000_000);
            long audited = auditedLottery(jdbc, owner);
            ensurePeriod(jdbc, owner);
            System.out.printf("%nLuckify report benchmark, %d cores, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-58s %10s %14s %12s%n", "report", "wall s", "peak heap MB", "file MB");
            for (ReportFormat format : new ReportFormat[] {ReportFormat.PDF, ReportFormat.XLSX}) {
                measure("draw audit, " + WINNERS + " winners, " + format, reports, ReportRequest.drawAudit(audited, format));
            }
            for (ReportFormat format : new ReportFormat[] {ReportFormat.PDF, ReportFormat.XLSX}) {
                measure("prize report, " + LOTTERIES * PER_LOTTERY + " participations, " + format, reports,
                        ReportRequest.period(ReportType.PRIZE_FINANCE, YEAR, YEAR.plusDays(364), format));
            }
        }
        System.exit(0);
    }

    private static void measure(String what, ReportService reports, ReportRequest request) {
        JobBenchmark.Measure measure = JobBenchmark.Measure.start();
        byte[] file = reports.renderToBytes(request);
        JobBenchmark.Measure.Result result = measure.stop();
        System.out.printf("%-58s %10.2f %14d %12.1f%n", what, result.seconds(), result.peakHeapMb(),
                file.length / 1048576.0);
    }

    /** A drawn lottery whose one prize has 100,000 winners (the bench users). */
    private static long auditedLottery(JdbcTemplate jdbc, long owner) throws Exception {
        Long existing = jdbc.queryForObject("SELECT MAX(id) FROM lottery WHERE name = ? AND announce_type = 1 AND cancelled_at"
                + " IS NOT NULL AND join_number = 0 AND is_announced = 1", Long.class, NAME + "审计");
        if (existing != null) {
            return existing;
        }
        long lotteryId = JobBenchmark.insertLottery(jdbc, owner, 1, "'2002-06-01 04:00:00'");
        jdbc.update("UPDATE lottery SET name = ?, is_announced = 1, announced_time = '2002-06-01 04:00:00',"
                + " participant_count = ? WHERE id = ?", NAME + "审计", WINNERS, lotteryId);
        jdbc.update("INSERT INTO prize (lottery_id, type, name, level, `count`, stock, grant_type) VALUES (?, 1, '蓝牙耳机', 1, ?, 0, 1)",
                lotteryId, WINNERS);
        long prizeId = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, lotteryId);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        jdbc.update("INSERT INTO draw_record (lottery_id, seed, seed_hash, state, algorithm, algorithm_version,"
                + " participant_count, participants_digest, winner_count, drawn_time) VALUES (?, ?, ?, 'DRAWN',"
                + " 'weighted-top-k/hmac-sha256', 1, ?, ?, ?, '2002-06-01 04:00:00')", lotteryId, seed,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed)), WINNERS,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[] {1})), WINNERS);
        jdbc.update("INSERT INTO lottery_participation (lottery_id, user_id, is_won, prize_id) SELECT ?, id, 1, ? FROM `user`"
                + " WHERE nickname LIKE 'jobbench-%' ORDER BY id LIMIT ?", lotteryId, prizeId, WINNERS);
        // cancelled afterwards: the integration tests' lists share this database and must not fill with bench data
        jdbc.update("UPDATE lottery SET cancelled_at = NOW(3), cancel_reason = 'benchmark' WHERE id = ?", lotteryId);
        return lotteryId;
    }

    /** 200 lotteries announced in 2003, 5,000 entries each, a tenth of them winners of one of two prizes. */
    private static void ensurePeriod(JdbcTemplate jdbc, long owner) {
        Integer made = jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE name = ?", Integer.class, NAME);
        for (int i = made; i < LOTTERIES; i++) {
            long lotteryId = JobBenchmark.insertLottery(jdbc, owner, 1, "'2003-01-01 04:00:00' + INTERVAL " + i + " DAY");
            jdbc.update("UPDATE lottery SET name = ?, is_announced = 1, announced_time = announce_time,"
                    + " award_deadline = announce_time + INTERVAL 30 DAY, participant_count = ? WHERE id = ?",
                    NAME, PER_LOTTERY, lotteryId);
            jdbc.update("INSERT INTO prize (lottery_id, type, name, level, `count`, stock, grant_type) VALUES"
                    + " (?, 1, '一等奖电视', 1, 100, 0, 1), (?, 3, '二等奖优惠券', 2, 400, 0, 2)", lotteryId, lotteryId);
            long first = jdbc.queryForObject("SELECT MIN(id) FROM prize WHERE lottery_id = ?", Long.class, lotteryId);
            jdbc.update("INSERT INTO lottery_participation (lottery_id, user_id, is_won, prize_id) SELECT ?, id,"
                    + " IF(rn <= 500, 1, 0), CASE WHEN rn <= 100 THEN ? WHEN rn <= 500 THEN ? END FROM (SELECT id,"
                    + " ROW_NUMBER() OVER (ORDER BY id) AS rn FROM `user` WHERE nickname LIKE 'jobbench-%'"
                    + " ORDER BY id LIMIT ? OFFSET ?) u", lotteryId, first, first + 1, PER_LOTTERY, (long) i * PER_LOTTERY);
            jdbc.update("UPDATE lottery SET cancelled_at = NOW(3), cancel_reason = 'benchmark' WHERE id = ?", lotteryId);
        }
    }
}
