package com.luckify.lottery;

import com.luckify.common.ActionRefused;
import com.luckify.sponsor.Sponsor;
import com.luckify.sponsor.SponsorService;
import com.luckify.user.PublicUser;
import com.luckify.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The lottery feature's data for finance and audit reports, read in pages so that a report over 100,000 winners
 * or a million entries never holds them all at once.
 */
@Service
public class LotteryReporting {

    private final ReportingMapper reporting;
    private final LotteryMapper lotteries;
    private final SponsorService sponsors;
    private final UserService users;
    private final Clock clock;

    LotteryReporting(ReportingMapper reporting, LotteryMapper lotteries, SponsorService sponsors, UserService users,
            Clock clock) {
        this.reporting = reporting;
        this.lotteries = lotteries;
        this.sponsors = sponsors;
        this.users = users;
        this.clock = clock;
    }

    /** The draw's proof; the seed only once the draw is done (before that it is still a secret). */
    public DrawAuditHeader drawAudit(long lotteryId) {
        ReportingMapper.AuditRow row = reporting.auditRow(lotteryId);
        if (row == null) {
            throw ActionRefused.of("report.no-draw", "lottery " + lotteryId + " has no draw record");
        }
        String sponsorName = row.sponsorId() == null ? ""
                : sponsors.forDisplay(row.sponsorId()).map(Sponsor::name).orElse("");
        boolean drawn = "DRAWN".equals(row.drawState());
        return new DrawAuditHeader(row.lotteryId(), row.name(), sponsorName, row.publishTime(), row.announcedTime(),
                row.drawState(), row.seedHash(), drawn ? HexFormat.of().formatHex(row.seed()) : null,
                row.participantCount(), row.participantsDigest(), row.algorithm(), row.algorithmVersion(),
                row.winnerCount(), row.jobExecutionId(), row.drawnTime());
    }

    /** The lottery's prizes in level order: the audit report lists the winners prize by prize. */
    public List<Prize> prizesOf(long lotteryId) {
        return lotteries.findPrizes(lotteryId);
    }

    /** A prize's winners after a participation id, in id order, with masked names: the audit report's pages. */
    public List<AuditedWinner> winnersAfter(Prize prize, long afterParticipationId, int limit) {
        List<ReportingMapper.WinnerRow> rows = reporting.winnersAfter(prize.id(), prize.lotteryId(), afterParticipationId,
                limit);
        Map<Long, PublicUser> names = users.publicUsers(rows.stream().map(ReportingMapper.WinnerRow::userId).toList());
        return rows.stream().map(row -> new AuditedWinner(row.participationId(), prize.level(), prize.name(),
                row.userId(), names.containsKey(row.userId()) ? names.get(row.userId()).nickname() : "")).toList();
    }

    /**
     * Every prize of the lotteries announced in {@code [from, to)}, instant ones by their announce time too, with
     * sponsor and lottery names; counted by MySQL, so the rows are few however many entries there were.
     */
    public List<PrizeStatementRow> prizeStatement(Instant from, Instant to) {
        List<ReportingMapper.PrizeRow> rows = reporting.prizeStatement(from, to, clock.instant());
        Map<Long, String> sponsorNames = rows.stream().map(ReportingMapper.PrizeRow::sponsorId).filter(id -> id != null)
                .distinct().collect(Collectors.toMap(id -> id,
                        id -> sponsors.forDisplay(id).map(Sponsor::name).orElse("#" + id)));
        return rows.stream().map(row -> new PrizeStatementRow(row.sponsorId() == null ? 0 : row.sponsorId(),
                row.sponsorId() == null ? "" : sponsorNames.get(row.sponsorId()), row.lotteryId(), row.lotteryName(),
                row.prizeId(), row.prizeType(), row.prizeLevel(), row.prizeName(), row.offered(), row.issued(),
                row.claimed(), row.unclaimed(), row.expired(), row.remaining())).toList();
    }
}
