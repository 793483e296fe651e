package com.luckify.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.report.MonthlyReportsSchedule;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reports reach finance through the console: previewed and downloaded at once, made into the archive by
 * {@code reportJob} and downloaded later byte for byte, made monthly by the schedule once per month; every
 * preview and download is in the audit log.
 */
class ReportDeliveryIT extends AdminTest {

    @Autowired
    MonthlyReportsSchedule monthly;

    @Test
    void financePreviewsAndDownloadsAReportAndEachIsAudited() {
        AdminClient finance = loggedIn(StaffRole.FINANCE);
        String today = LocalDate.now(BUSINESS).toString();
        String query = "type=POINTS_LIABILITY&from=" + today + "&to=" + today;

        AdminClient.Page preview = finance.get("/admin/reports/file?" + query + "&format=PDF&inline=true");
        AdminClient.Page csv = finance.get("/admin/reports/file?" + query + "&format=CSV");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(preview.header("Content-Disposition")).startsWith("inline;").contains("points-liability-" + today);
        assertThat(preview.body()).startsWith("%PDF");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment;").contains(".csv");
        assertThat(csv.body()).contains("心愿值负债报表");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor_name = (SELECT username FROM staff_account"
                + " WHERE id = (SELECT MAX(actor_id) FROM audit_log WHERE action LIKE 'report.%')) AND action LIKE 'report.%'"
                + " ORDER BY id", String.class)).containsExactly("report.preview", "report.download");
        assertThat(finance.get("/admin/reports/file?type=PRIZE_FINANCE&format=PDF").body())
                .contains("Give a period of 1 to 366 days.");
    }

    @Test
    void aReportMadeIntoTheArchiveDownloadsByteForByteWithItsHash() throws Exception {
        AdminClient finance = loggedIn(StaffRole.FINANCE);
        String today = LocalDate.now(BUSINESS).toString();

        AdminClient.Page queued = finance.htmxPost("/admin/reports/archive", Map.of("type", "PRIZE_FINANCE", "format",
                "XLSX", "from", today, "to", today));
        long archiveId = Long.parseLong(queued.body().replaceAll("(?s).*Report (\\d+) is being made.*", "$1"));
        awaitReady(archiveId);

        byte[] file = finance.bytes("/admin/reports/archive/" + archiveId);
        Map<String, Object> row = jdbc.queryForMap("SELECT state, size, sha256, report_type, requested_by_staff_id"
                + " FROM report_archive WHERE id = ?", archiveId);
        assertThat(row).containsEntry("state", "READY").containsEntry("report_type", "PRIZE_FINANCE");
        assertThat(((Number) row.get("size")).longValue()).isEqualTo(file.length);
        assertThat(row.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(new String(file, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(finance.get("/admin/reports").body()).contains("data-archive=\"" + archiveId + "\"", "data-state=\"READY\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'report.download'"
                + " AND target_type = 'report_archive' AND target_id = ?", Integer.class, String.valueOf(archiveId))).isEqualTo(1);
    }

    @Test
    void theMonthlyScheduleArchivesLastMonthsPrizeAndPointsReportsOnce() throws Exception {
        // a month never archived before: the database is reused across runs, and a month archives once
        LocalDate month;
        do {
            month = LocalDate.of(2020, 1, 1).plusMonths(Math.floorMod(System.nanoTime(), 4_000));
        } while (jdbc.queryForObject("SELECT COUNT(*) FROM report_archive WHERE period_start = ?", Integer.class,
                month) > 0);

        int first = monthly.archiveMonth(month);
        int again = monthly.archiveMonth(month);

        assertThat(first).isEqualTo(4);
        assertThat(again).isZero();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT report_type, format, state FROM report_archive"
                + " WHERE period_start = ? AND requested_by_staff_id IS NULL", month);
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("state", "READY"));
    }

    @Test
    void moderatorsAndCampaignManagersHaveNoReports() {
        assertThat(loggedIn(StaffRole.MODERATOR).get("/admin/reports/file?type=POINTS_LIABILITY").status()).isEqualTo(403);
        assertThat(loggedIn(StaffRole.CAMPAIGN_MANAGER).get("/admin/reports").status()).isEqualTo(403);
    }

    private void awaitReady(long archiveId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String state = jdbc.queryForObject("SELECT state FROM report_archive WHERE id = ?", String.class, archiveId);
            if (!"RUNNING".equals(state)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("report " + archiveId + " still running");
    }
}
