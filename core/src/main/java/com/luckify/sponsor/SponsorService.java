package com.luckify.sponsor;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sponsors: anyone may read a sponsor, only its owner may change or delete it. */
@Service
public class SponsorService {

    static final int SHOWN = 1;

    private final SponsorMapper sponsors;
    private final SponsorUsage usage;
    private final LockRetry lockRetry;

    SponsorService(SponsorMapper sponsors, SponsorUsage usage, LockRetry lockRetry) {
        this.sponsors = sponsors;
        this.usage = usage;
        this.lockRetry = lockRetry;
    }

    public long add(long ownerId, SponsorDraft draft) {
        return lockRetry.inTransaction(status -> {
            NewSponsorRow row = new NewSponsorRow(ownerId, withDefaults(draft));
            sponsors.insert(row);
            return row.id;
        });
    }

    /** The owner's sponsors, newest first; {@code page} starts at 1. */
    public List<Sponsor> listOwn(long ownerId, int page, int pageSize) {
        if (pageSize == 0) {
            return List.of();
        }
        return sponsors.listByOwner(ownerId, (long) (page - 1) * pageSize, pageSize);
    }

    /**
     * A sponsor as {@code viewerId} may see it: a hidden one ({@code is_show} 2, by staff or by its owner) is not
     * public, so anyone but its owner is told it does not exist, as for a deleted one.
     */
    public Sponsor detail(long sponsorId, OptionalLong viewerId) {
        Sponsor sponsor = sponsors.findLive(sponsorId);
        boolean visible = sponsor != null
                && (sponsor.isShow() == SHOWN || viewerId.isPresent() && viewerId.getAsLong() == sponsor.userId());
        if (!visible) {
            throw BusinessException.of(ErrorCode.SPONSOR_NOT_FOUND);
        }
        return sponsor;
    }

    /**
     * For a lottery being created inside the caller's transaction: the sponsor must exist and belong to the
     * caller, and it stays locked until that transaction ends so it cannot be deleted in between.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sponsor requireOwnedForLottery(long callerId, long sponsorId) {
        Sponsor sponsor = sponsors.lockLiveShared(sponsorId);
        requireOwned(callerId, sponsor);
        return sponsor;
    }

    /** The sponsor shown on a lottery, even one deleted since (finished lotteries keep theirs). */
    public Optional<Sponsor> forDisplay(long sponsorId) {
        return Optional.ofNullable(sponsors.findAny(sponsorId));
    }

    /** Owner only, under the sponsor's row lock (a lottery being created with it share-locks it). */
    public void update(long callerId, long sponsorId, SponsorDraft changes) {
        SponsorDraft effective = changes.name() != null && changes.name().isBlank()
                ? new SponsorDraft(changes.type(), changes.appletType(), changes.isShow(), null, changes.desc(),
                        changes.avatar(), changes.qrCode(), changes.inputA(), changes.inputB())
                : changes;
        lockRetry.inTransactionWithoutResult(status -> {
            requireOwned(callerId, sponsors.lockLive(sponsorId));
            sponsors.update(sponsorId, effective);
        });
    }

    /** Soft delete: lotteries that already ended keep showing it, live ones block the delete. */
    public void delete(long callerId, long sponsorId) {
        lockRetry.inTransactionWithoutResult(status -> {
            // a simultaneous second delete waits here and then finds no live sponsor: SPONSOR_NOT_FOUND
            requireOwned(callerId, sponsors.lockLive(sponsorId));
            if (usage.isUsedByLiveLottery(sponsorId)) {
                throw BusinessException.of(ErrorCode.SPONSOR_IN_USE);
            }
            sponsors.softDelete(sponsorId);
        });
    }

    private static void requireOwned(long callerId, Sponsor sponsor) {
        if (sponsor == null) {
            throw BusinessException.of(ErrorCode.SPONSOR_NOT_FOUND);
        }
        if (sponsor.userId() != callerId) {
            throw BusinessException.of(ErrorCode.SPONSOR_NOT_OWNED);
        }
    }

    private static SponsorDraft withDefaults(SponsorDraft d) {
        return new SponsorDraft(d.type(), orZero(d.appletType()), d.isShow() == null ? 1 : d.isShow(), d.name(),
                orEmpty(d.desc()), orEmpty(d.avatar()), orEmpty(d.qrCode()), orEmpty(d.inputA()), orEmpty(d.inputB()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
