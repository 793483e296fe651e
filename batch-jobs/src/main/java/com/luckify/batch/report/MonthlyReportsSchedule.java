package com.luckify.batch.report;

import com.luckify.archive.ReportArchive;
import com.luckify.batch.support.ScheduleLock;
import com.luckify.common.BusinessCalendar;
import com.luckify.report.ReportFormat;
import com.luckify.report.ReportRequest;
import com.luckify.report.ReportType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Last month's prize and points reports, as PDF and XLSX, into the archive on the first of each month
 * ({@code luckify.reports.monthly-cron}, 04:00 business time by default), on one process only; a month already
 * archived by the schedule is not made again.
 */
@Component
public class MonthlyReportsSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportsSchedule.class);
    private static final String LOCK = "monthlyReportsSchedule";
    private static final List<ReportType> TYPES = List.of(ReportType.PRIZE_FINANCE, ReportType.POINTS_LIABILITY);
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.PDF, ReportFormat.XLSX);

    private final ReportArchiver archiver;
    private final ReportArchive archive;
    private final ScheduleLock lock;
    private final BusinessCalendar calendar;

    MonthlyReportsSchedule(ReportArchiver archiver, ReportArchive archive, ScheduleLock lock, BusinessCalendar calendar) {
        this.archiver = archiver;
        this.archive = archive;
        this.lock = lock;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${luckify.reports.monthly-cron:0 0 4 1 * *}", zone = "${luckify.business.time-zone:Asia/Shanghai}")
    void monthly() throws Exception {
        lock.runExclusively(LOCK, Duration.ofHours(2), Duration.ofMinutes(1),
                () -> archiveMonth(calendar.today().minusMonths(1).withDayOfMonth(1)));
    }

    /** Archives the month starting on {@code firstDay}; returns how many reports it made. */
    public int archiveMonth(LocalDate firstDay) throws Exception {
        LocalDate lastDay = firstDay.plusMonths(1).minusDays(1);
        int made = 0;
        for (ReportType type : TYPES) {
            for (ReportFormat format : FORMATS) {
                ReportRequest request = ReportRequest.period(type, firstDay, lastDay, format);
                if (archive.scheduledExists(ReportArchiver.entry(request, null))) {
                    continue;
                }
                long archiveId = archiver.enter(request, null);
                log.info("monthly {} {} for {} ended {}", type, format, firstDay,
                        archiver.run(archiveId, request).getStatus());
                made++;
            }
        }
        return made;
    }
}
