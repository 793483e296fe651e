package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.common.Outbox;
import com.luckify.sponsor.Sponsor;
import com.luckify.sponsor.SponsorService;
import com.luckify.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Creating lotteries and reading them: the lists and the detail page. */
@Service
@EnableConfigurationProperties(LotteryLimits.class)
public class LotteryService {

    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final SponsorService sponsors;
    private final LotteryPublication publication;
    private final Outbox outbox;
    private final LotteryReadCache cache;
    private final WinnerBoard winnerBoard;
    private final LockRetry lockRetry;
    private final UserService users;
    private final LotteryLimits limits;
    private final Clock clock;

    LotteryService(LotteryMapper lotteries, ParticipationMapper participations, SponsorService sponsors,
            LotteryPublication publication, Outbox outbox, LotteryReadCache cache, WinnerBoard winnerBoard,
            LockRetry lockRetry, UserService users, LotteryLimits limits, Clock clock) {
        this.lotteries = lotteries;
        this.participations = participations;
        this.sponsors = sponsors;
        this.publication = publication;
        this.outbox = outbox;
        this.cache = cache;
        this.winnerBoard = winnerBoard;
        this.lockRetry = lockRetry;
        this.users = users;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Creates a lottery with its prizes and clock task. Published lotteries get their draw seed (by time or
     * count) or their instant-win hot state (instant) in the same step, so a published lottery is always
     * ready to be joined; if Redis cannot take the hot state, nothing is created.
     */
    public long create(long ownerId, LotteryDraft draft) {
        return create(ownerId, draft, limits.forUsers());
    }

    /** As {@link #create(long, LotteryDraft)}, within the limits of {@code tier} (staff create larger lotteries). */
    long create(long ownerId, LotteryDraft draft, LotteryLimits.Tier tier) {
        Instant now = clock.instant();
        validate(draft, now);
        LotteryLimits.requireWithin(draft, tier);
        LotteryDraft normalized = draft.sponsorId() != null && draft.sponsorId() == 0 ? withoutSponsor(draft) : draft;
        // run again whole on a lost lock contest; an instant lottery's hot state is then installed under the new id
        Long id = lockRetry.inTransaction(status -> {
            if (tier.openPerCreator() > 0) {
                // one creation per owner at a time, so two cannot both pass the count below
                users.lockForCountedWrite(ownerId);
            }
            if (normalized.sponsorId() != null) {
                sponsors.requireOwnedForLottery(ownerId, normalized.sponsorId());
            }
            if (tier.openPerCreator() > 0 && lotteries.countOpenCreatedBy(ownerId, now) >= tier.openPerCreator()) {
                throw LotteryLimits.openLotteriesRefusal(tier);
            }
            NewLotteryRow row = new NewLotteryRow(ownerId, normalized, normalized.publish() ? now : null);
            lotteries.insertLottery(row);
            for (PrizeDraft prize : normalized.prizes()) {
                lotteries.insertPrize(row.id, prize, InstantOdds.of(prize));
            }
            if (normalized.clockTask() != null) {
                lotteries.insertClockTask(row.id, normalized.clockTask());
                lotteries.linkClockTask(row.id);
            }
            if (normalized.publish()) {
                publication.prepare(row.id, normalized.announceType());
            }
            outbox.record("LotteryCreated", "lottery", row.id, Map.of("lotteryId", row.id, "userId", ownerId,
                    "announceType", normalized.announceType(), "published", normalized.publish()));
            return row.id;
        });
        cache.invalidate();
        return id;
    }

    /**
     * Tells every process that a lottery changed outside this service (drawn, cancelled, featured), so no
     * cached list or detail shows it as it was.
     */
    public void changed(long lotteryId) {
        cache.invalidate();
    }

    /** The detail page. Unpublished test lotteries are visible to their owner only. */
    public LotteryDetail detail(long lotteryId, Long callerId) {
        UnchangingParts parts = cache.get(new DetailKey(lotteryId), () -> unchangingParts(lotteryId));
        Lottery lottery = parts == null ? null : parts.lottery();
        if (lottery == null || (lottery.publishTime() == null && !Long.valueOf(lottery.userId()).equals(callerId))) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        // stock, entries and the caller's state move with every join: always read live
        return new LotteryDetail(lottery, lotteries.findPrizes(lotteryId), parts.sponsor(), parts.clockTask(),
                parts.draw(), callerId == null ? CallerState.ANONYMOUS : callerState(lotteryId, callerId),
                participations.countEntries(lotteryId),
                lottery.isAnnounced() == 1 ? winnerBoard.of(lotteryId) : List.of());
    }

    private UnchangingParts unchangingParts(long lotteryId) {
        Lottery lottery = lotteries.findLottery(lotteryId);
        if (lottery == null) {
            return null;
        }
        Sponsor sponsor = lottery.sponsorId() == null ? null : sponsors.forDisplay(lottery.sponsorId()).orElse(null);
        return new UnchangingParts(lottery, sponsor, lotteries.findClockTask(lotteryId), drawProof(lotteryId));
    }

    /** Published, open lotteries, newest first; with a caller, those the caller joined are left out. */
    public List<Lottery> openLotteries(ListQuery query, boolean featuredOnly, Long hideJoinedBy) {
        if (query.size() == 0) {
            return List.of();
        }
        if (hideJoinedBy != null) {
            return lotteries.publicList(query.cursor(), query.size(), featuredOnly, hideJoinedBy, clock.instant());
        }
        List<Lottery> cached = cache.get(new ListKey(query.cursor(), query.size(), featuredOnly, 0),
                () -> List.copyOf(lotteries.publicList(query.cursor(), query.size(), featuredOnly, null, clock.instant())));
        return stillOpen(cached);
    }

    /** The same lotteries by page number (1-based; the original used the page index as a row offset). */
    public List<Lottery> openLotteriesPage(int page, int size, boolean featuredOnly) {
        int pageSize = new ListQuery(0, size).size();
        if (pageSize == 0) {
            return List.of();
        }
        long offset = (long) (Math.max(page, 1) - 1) * pageSize;
        return stillOpen(cache.get(new ListKey(null, pageSize, featuredOnly, offset),
                () -> List.copyOf(lotteries.publicPage(offset, pageSize, featuredOnly, clock.instant()))));
    }

    /** A cached page may hold an instant lottery whose time ran out since: time needs no invalidation. */
    private List<Lottery> stillOpen(List<Lottery> cached) {
        Instant now = clock.instant();
        return cached.stream().filter(l -> !l.isInstant() || l.announceTime().isAfter(now)).toList();
    }

    private record ListKey(Long cursor, int size, boolean featuredOnly, long offset) {
    }

    private record DetailKey(long lotteryId) {
    }

    /** What only a lottery-level change (publish, draw, cancel, feature) alters. */
    private record UnchangingParts(Lottery lottery, Sponsor sponsor, ClockTask clockTask, DrawProof draw) {
    }

    public List<Lottery> createdBy(long userId, ListQuery query) {
        return query.size() == 0 ? List.of() : lotteries.createdBy(userId, query.cursor(), query.size());
    }

    private DrawProof drawProof(long lotteryId) {
        LotteryMapper.DrawRow row = lotteries.findDrawRecord(lotteryId);
        if (row == null) {
            return null;
        }
        boolean drawn = "DRAWN".equals(row.state());
        return new DrawProof(row.seedHash(), row.state(), drawn ? HexFormat.of().formatHex(row.seed()) : null,
                row.algorithm(), row.algorithmVersion(), row.participantCount(), row.participantsDigest(),
                row.drawnTime());
    }

    private CallerState callerState(long lotteryId, long userId) {
        ParticipationMapper.CallerRow row = participations.callerState(lotteryId, userId);
        return new CallerState(row.participated() > 0, row.won() == 1, row.prizeId() == null ? 0 : row.prizeId(),
                row.clockTaskDone() > 0, row.prizeClaimed() > 0);
    }

    static void validate(LotteryDraft draft, Instant now) {
        if (!draft.announceTime().isAfter(now)) {
            throw BusinessException.of(ErrorCode.ANNOUNCE_TIME_NOT_FUTURE);
        }
        if (!draft.announceTime().isBefore(draft.awardDeadline())) {
            throw BusinessException.of(ErrorCode.ANNOUNCE_AFTER_DEADLINE);
        }
        if (draft.announceType() == AnnounceType.BY_PARTICIPANTS && draft.joinNumber() <= 0) {
            throw BusinessException.of(ErrorCode.JOIN_NUMBER_REQUIRED);
        }
        if (draft.prizes() == null || draft.prizes().isEmpty()) {
            throw BusinessException.of(ErrorCode.PRIZES_REQUIRED);
        }
        if (draft.announceType() == AnnounceType.INSTANT) {
            InstantOdds.requireAtMostCertain(draft.prizes());
        }
    }

    /** The original's clients send sponsorId 0 for "no sponsor". */
    private static LotteryDraft withoutSponsor(LotteryDraft d) {
        return new LotteryDraft(d.name(), d.thumb(), d.announceType(), d.announceTime(), d.joinNumber(), d.introduce(),
                d.awardDeadline(), null, d.prizes(), d.clockTask(), d.publish());
    }
}
