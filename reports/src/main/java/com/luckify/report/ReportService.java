package com.luckify.report;

import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessMetrics;
import com.luckify.lottery.AuditedWinner;
import com.luckify.lottery.DrawAuditHeader;
import com.luckify.lottery.LotteryReporting;
import com.luckify.lottery.Prize;
import com.luckify.lottery.PrizeStatementRow;
import com.luckify.points.PointsLedger;
import com.luckify.points.PointsLiability;
import com.luckify.points.PointsReason;
import com.luckify.reconciliation.Finding;
import com.luckify.reconciliation.ReconciliationFindings;
import com.luckify.report.ReportLines.FindingLine;
import com.luckify.report.ReportLines.PointsLine;
import com.luckify.report.ReportLines.PrizeLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/**
 * Makes a report: gathers its figures from the features, fills the compiled template and writes PDF, XLSX or CSV.
 * Filling goes through a swap-file virtualizer, so a report's pages wait on disk, not in the heap.
 */
@Service
public class ReportService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Winners read per query while the draw audit fills. */
    private static final int WINNER_PAGE = 2_000;
    private static final Map<Integer, String> PRIZE_TYPES = Map.of(1, "实物 Physical", 2, "现金 Cash", 3, "优惠券 Coupon",
            4, "积分 Points", 5, "其他 Other");

    private final ReportTemplates templates;
    private final ReportExport export;
    private final LotteryReporting lotteries;
    private final ReconciliationFindings findings;
    private final PointsLedger points;
    private final BusinessCalendar calendar;
    private final BusinessMetrics metrics;

    ReportService(ReportTemplates templates, ReportExport export, LotteryReporting lotteries,
            ReconciliationFindings findings, PointsLedger points, BusinessCalendar calendar, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.templates = templates;
        this.export = export;
        this.lotteries = lotteries;
        this.findings = findings;
        this.points = points;
        this.calendar = calendar;
    }

    /** Writes the report to {@code out} (not closed); the request is checked first. */
    public void render(ReportRequest request, OutputStream out) {
        ReportRequest report = request.validated();
        long started = System.nanoTime();
        String result = "error";
        try {
            fill(report, out);
            result = "rendered";
        } finally {
            metrics.reportRendered(report.type().name().toLowerCase(java.util.Locale.ROOT),
                    report.format().name().toLowerCase(java.util.Locale.ROOT), result,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void fill(ReportRequest report, OutputStream out) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("generatedAt", time(calendar.now()) + " (" + calendar.zone().getId() + ")");
        RecordDataSource rows = switch (report.type()) {
            case DRAW_AUDIT -> drawAudit(report.lotteryId(), parameters);
            case PRIZE_FINANCE -> prizeReport(report, parameters);
            case RECONCILIATION -> reconciliation(report.runId(), parameters);
            case POINTS_LIABILITY -> pointsLiability(report, parameters);
        };
        export.fillAndExport(templates.of(report.type()), parameters, rows, report.format(), out);
    }

    /** Renders into a file and returns its bytes: for the archive, which stores and hashes the whole file. */
    public byte[] renderToBytes(ReportRequest request) {
        try {
            Path file = Files.createTempFile("luckify-report-", "." + request.format().extension());
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    render(request, out);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordDataSource drawAudit(long lotteryId, Map<String, Object> parameters) {
        DrawAuditHeader header = lotteries.drawAudit(lotteryId);
        parameters.put("lotteryId", Long.toString(header.lotteryId()));
        parameters.put("lotteryName", header.name());
        parameters.put("sponsorName", header.sponsorName());
        parameters.put("publishTime", time(header.publishTime()));
        parameters.put("announcedTime", time(header.announcedTime()));
        parameters.put("drawnTime", time(header.drawnTime()));
        parameters.put("drawState", header.drawState());
        parameters.put("seedHash", header.seedHash());
        parameters.put("revealedSeed", header.revealedSeed() == null ? "（开奖前保密 secret until the draw）" : header.revealedSeed());
        parameters.put("participantCount", text(header.participantCount()));
        parameters.put("participantsDigest", header.participantsDigest());
        parameters.put("algorithm", header.algorithm() == null ? "" : header.algorithm() + " v" + header.algorithmVersion());
        parameters.put("jobExecutionId", text(header.jobExecutionId()));
        parameters.put("winnerCount", text(header.winnerCount()));
        return new RecordDataSource(new WinnerPages(lotteries, lotteries.prizesOf(lotteryId)));
    }

    private RecordDataSource prizeReport(ReportRequest report, Map<String, Object> parameters) {
        List<PrizeStatementRow> rows = lotteries.prizeStatement(calendar.startOf(report.from()),
                calendar.startOf(report.to().plusDays(1)));
        parameters.put("periodLabel", report.from() + " – " + report.to() + " (" + calendar.zone().getId() + ")");
        parameters.put("chart", PrizeChart.of(rows));
        List<PrizeLine> lines = rows.stream().map(row -> new PrizeLine(row.sponsorName(), row.lotteryName(),
                row.prizeLevel(), row.prizeName(), PRIZE_TYPES.getOrDefault(row.prizeType(), String.valueOf(row.prizeType())),
                row.offered(), row.issued(), row.claimed(), row.unclaimed(), row.expired(), row.remaining())).toList();
        return new RecordDataSource(lines.iterator());
    }

    private RecordDataSource reconciliation(String runId, Map<String, Object> parameters) {
        parameters.put("runId", runId);
        findings.runRecord(runId).ifPresentOrElse(run -> {
            parameters.put("runStatus", "job execution #" + run.jobExecutionId());
            parameters.put("runStarted", time(run.recorded()));
        }, () -> {
            parameters.put("runStatus", "无差异 nothing found");
            parameters.put("runStarted", "");
        });
        List<FindingLine> lines = findings.ofRun(runId).stream()
                .sorted(Comparator.comparing(Finding::kind))
                .map(f -> new FindingLine(f.kind(), f.subjectType() + " " + f.subjectId(), f.expected(), f.actual(),
                        f.repaired() ? 1 : 0, f.repairNote()))
                .toList();
        return new RecordDataSource(lines.iterator());
    }

    private RecordDataSource pointsLiability(ReportRequest report, Map<String, Object> parameters) {
        PointsLiability liability = points.liability(calendar.startOf(report.from()),
                calendar.startOf(report.to().plusDays(1)), 20);
        parameters.put("periodLabel", report.from() + " – " + report.to() + " (" + calendar.zone().getId() + ")");
        parameters.put("granted", liability.granted());
        parameters.put("spent", liability.spent());
        parameters.put("outstanding", liability.outstanding());
        parameters.put("holders", liability.holders());
        List<PointsLine> lines = new ArrayList<>();
        for (PointsLiability.ReasonTotal reason : liability.byReason()) {
            lines.add(new PointsLine("按原因 By reason", reasonText(reason.reason()), reason.granted(), reason.spent(), null));
        }
        for (PointsLiability.TopEarner earner : liability.topEarners()) {
            lines.add(new PointsLine("赚取最多 Top earners", "#" + earner.userId() + " " + earner.maskedName(),
                    earner.earned(), null, earner.balance()));
        }
        return new RecordDataSource(lines.iterator());
    }

    private static String reasonText(String reason) {
        return Arrays.stream(PointsReason.values()).filter(r -> r.name().equals(reason)).findFirst()
                .map(r -> r.text() + " " + reason).orElse(reason);
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(calendar.zone()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The winners of a lottery, prize by prize in level order, read page by page as the template asks for rows. */
    private static final class WinnerPages implements Iterator<AuditedWinner> {

        private final LotteryReporting lotteries;
        private final Iterator<Prize> prizes;
        private Prize prize;
        private List<AuditedWinner> page = List.of();
        private int next;

        WinnerPages(LotteryReporting lotteries, List<Prize> prizes) {
            this.lotteries = lotteries;
            this.prizes = prizes.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next >= page.size()) {
                long after = page.isEmpty() ? 0 : page.get(page.size() - 1).participationId();
                if (prize != null && page.size() == WINNER_PAGE) {
                    page = lotteries.winnersAfter(prize, after, WINNER_PAGE);
                } else if (prizes.hasNext()) {
                    prize = prizes.next();
                    page = lotteries.winnersAfter(prize, 0, WINNER_PAGE);
                } else {
                    return false;
                }
                next = 0;
            }
            return true;
        }

        @Override
        public AuditedWinner next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(next++);
        }
    }
}
