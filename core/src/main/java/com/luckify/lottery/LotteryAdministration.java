package com.luckify.lottery;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.LockRetry;
import com.luckify.common.Outbox;
import com.luckify.common.Paged;
import com.luckify.sponsor.SponsorService;
import com.luckify.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What campaign managers do with lotteries in the admin console: find them, create them for a user, publish test
 * lotteries, feature them, cancel them. Every change is audited in its own transaction and reaches the cached
 * public reads at once.
 */
@Service
public class LotteryAdministration {

    public static final int MAX_REASON_LENGTH = 255;

    private final LotteryAdminMapper admin;
    private final LotteryMapper lotteries;
    private final LotteryService service;
    private final LotteryPublication publication;
    private final ParticipationService participations;
    private final UserService users;
    private final SponsorService sponsors;
    private final AuditLog audit;
    private final Outbox outbox;
    private final LockRetry lockRetry;
    private final BusinessCalendar calendar;
    private final LotteryLimits limits;
    private final Clock clock;

    LotteryAdministration(LotteryAdminMapper admin, LotteryMapper lotteries, LotteryService service,
            LotteryPublication publication, ParticipationService participations, UserService users,
            SponsorService sponsors,
            AuditLog audit, Outbox outbox,
            LockRetry lockRetry, BusinessCalendar calendar, LotteryLimits limits, Clock clock) {
        this.admin = admin;
        this.lotteries = lotteries;
        this.service = service;
        this.publication = publication;
        this.participations = participations;
        this.users = users;
        this.sponsors = sponsors;
        this.audit = audit;
        this.outbox = outbox;
        this.lockRetry = lockRetry;
        this.calendar = calendar;
        this.limits = limits;
        this.clock = clock;
    }

    public Paged<Lottery> search(LotterySearch search, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> admin.search(search, offset, limit),
                () -> admin.count(search));
    }

    /** Live lotteries by how soon they are announced. */
    public List<Lottery> closingSoon(int limit) {
        return admin.closingSoon(clock.instant(), limit);
    }

    public Lottery require(long lotteryId) {
        Lottery lottery = lotteries.findLottery(lotteryId);
        if (lottery == null) {
            throw ActionRefused.of("lottery.not-found", "no lottery " + lotteryId);
        }
        return lottery;
    }

    /** The detail as its owner sees it (so test lotteries show too), with participants counted. */
    public LotteryDetail detail(long lotteryId) {
        return service.detail(lotteryId, require(lotteryId).userId());
    }

    public String cancelReason(long lotteryId) {
        return admin.cancelReason(lotteryId);
    }

    public Participants participants(long lotteryId, int page, int size) {
        return participations.participants(lotteryId, page, size);
    }

    /** Creates a lottery owned by {@code ownerId} with the same rules as the mini-program's createLottery. */
    public long create(StaffActor actor, long ownerId, LotteryDraft draft) {
        users.requireExists(ownerId);
        Long id = lockRetry.inTransaction(status -> {
            long created = service.create(ownerId, draft, limits.forStaff());
            audit.record(actor, "lottery.create", "lottery", created, null, Map.of("ownerId", ownerId,
                    "name", draft.name(), "announceType", draft.announceType(), "published", draft.publish(),
                    "prizes", draft.prizes().size()));
            return created;
        });
        service.changed(id);
        return id;
    }

    /**
     * Changes a draft: its terms, prizes and clock task are replaced with the same rules as at creation. Published
     * lotteries never change (people joined for what they showed); a publish at the same moment waits for this.
     */
    public void edit(StaffActor actor, long lotteryId, LotteryDraft draft) {
        Instant now = clock.instant();
        LotteryService.validate(draft, now);
        LotteryLimits.requireWithin(draft, limits.forStaff());
        lockRetry.inTransactionWithoutResult(status -> {
            Lottery before = require(lotteryId);
            if (draft.sponsorId() != null) {
                sponsors.requireOwnedForLottery(before.userId(), draft.sponsorId());
            }
            if (admin.updateDraft(lotteryId, draft) == 0) {
                throw ActionRefused.of("lottery.not-draft", "lottery " + lotteryId + " is " + LotteryState.of(before));
            }
            admin.deletePrizes(lotteryId);
            admin.deleteClockTask(lotteryId);
            for (PrizeDraft prize : draft.prizes()) {
                lotteries.insertPrize(lotteryId, prize, InstantOdds.of(prize));
            }
            if (draft.clockTask() != null) {
                lotteries.insertClockTask(lotteryId, draft.clockTask());
                lotteries.linkClockTask(lotteryId);
            }
            audit.record(actor, "lottery.edit", "lottery", lotteryId, Map.of("name", before.name(),
                    "announceTime", before.announceTime().toString()), Map.of("name", draft.name(),
                    "announceTime", draft.announceTime().toString(), "prizes", draft.prizes().size()));
        });
        service.changed(lotteryId);
    }

    /** Publishes a test lottery: from now on it is listed, can be joined, and has its draw seed or hot state. */
    public void publish(StaffActor actor, long lotteryId) {
        lockRetry.inTransactionWithoutResult(status -> {
            Lottery before = require(lotteryId);
            if (admin.publish(lotteryId, clock.instant()) == 0) {
                throw ActionRefused.of("lottery.cannot-publish", "lottery " + lotteryId + " is "
                        + LotteryState.of(before)
                        + (before.announceTime().isAfter(clock.instant()) ? "" : " and its announce time has passed"));
            }
            publication.prepare(lotteryId, before.announceType());
            audit.record(actor, "lottery.publish", "lottery", lotteryId, Map.of("state", LotteryState.of(before)),
                    Map.of("state", LotteryState.LIVE));
        });
        service.changed(lotteryId);
    }

    /** Featured lotteries ({@code is_selected}) head the mini-program's selected list. */
    public void feature(StaffActor actor, long lotteryId, boolean featured) {
        lockRetry.inTransactionWithoutResult(status -> {
            Lottery before = require(lotteryId);
            admin.setSelected(lotteryId, featured);
            audit.record(actor, featured ? "lottery.feature" : "lottery.unfeature", "lottery", lotteryId,
                    Map.of("featured", before.isSelected() == 1), Map.of("featured", featured));
        });
        service.changed(lotteryId);
    }

    /**
     * Cancels a lottery that has not been drawn: it takes no more participants and is never drawn. Nothing is
     * refunded (joining costs nothing); participants are told through the {@code LotteryCancelled} event.
     */
    public void cancel(StaffActor actor, long lotteryId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
            throw ActionRefused.of("lottery.cancel-reason", "a cancellation needs a reason of at most "
                    + MAX_REASON_LENGTH + " characters");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            Lottery before = require(lotteryId);
            if (admin.cancel(lotteryId, why, clock.instant()) == 0) {
                throw ActionRefused.of("lottery.cannot-cancel", "lottery " + lotteryId + " is "
                        + LotteryState.of(before)
                        + " or its draw has begun");
            }
            outbox.record("LotteryCancelled", "lottery", lotteryId, Map.of("lotteryId", lotteryId,
                    "name", before.name(), "reason", why));
            audit.record(actor, "lottery.cancel", "lottery", lotteryId, Map.of("state", LotteryState.of(before)),
                    Map.of("state", LotteryState.CANCELLED, "reason", why));
        });
        service.changed(lotteryId);
    }

    /** Entries per business day (all lotteries) from {@code from} to today, zero days included. */
    public Map<LocalDate, Long> participationsPerDay(LocalDate from) {
        return calendar.perDaySince(from,
                (start, end, offset) -> admin.participationsPerDay(start, end, offset, false));
    }

    /** Prizes won in instant lotteries per business day. */
    public Map<LocalDate, Long> instantWinsPerDay(LocalDate from) {
        return calendar.perDaySince(from,
                (start, end, offset) -> admin.participationsPerDay(start, end, offset, true));
    }

    /** Lotteries drawn per business day. */
    public Map<LocalDate, Long> drawsPerDay(LocalDate from) {
        return calendar.perDaySince(from, admin::drawsPerDay);
    }
}
