package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.GroupCommit.Outcome;
import com.luckify.common.LockRetry;
import com.luckify.common.Outbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The MySQL side of instant attempts that Redis admitted: the entry, the unit taken with a {@code stock} guard,
 * and the LotteryJoined and PrizeWon events, in one transaction, for one attempt or for a batch of them. A
 * transaction that InnoDB picks as a deadlock victim or whose lock wait times out runs again whole ({@link LockRetry}).
 */
@Component
class InstantEntries {

    private final ParticipationMapper participations;
    private final Outbox outbox;
    private final LockRetry tx;

    InstantEntries(ParticipationMapper participations, Outbox outbox, LockRetry tx) {
        this.participations = participations;
        this.outbox = outbox;
        this.tx = tx;
    }

    /**
     * Records one attempt: the won prize's id, or 0 (also when MySQL no longer has the unit Redis reserved).
     * Throws {@code USER_BLACKLISTED}, or what MySQL threw, and then records nothing.
     */
    long recordOne(InstantAttempt attempt) {
        try {
            return tx.inTransaction(status -> record(attempt));
        } catch (StockDrift drift) {
            // a unit Redis reserved but MySQL no longer has (drift the reconciliation job repairs) is no win
            return tx.inTransaction(status -> record(new InstantAttempt(attempt.lotteryId(), attempt.userId(), 0,
                    attempt.trace())));
        }
    }

    /**
     * Records a batch in one transaction: each attempt's outcome, in order (the reserved prize won, or
     * {@code USER_BLACKLISTED}). Throws, and records nothing, when any of them cannot be recorded as it is (a
     * duplicate entry, a unit MySQL no longer has, a failure): {@link #recordOne} then gives each its own outcome.
     */
    List<Outcome<Long>> recordBatch(List<InstantAttempt> batch) {
        return tx.inTransaction(status -> {
            Set<Long> blacklisted = new HashSet<>(participations.blacklistedAmong(
                    batch.stream().map(InstantAttempt::userId).distinct().toList()));
            List<Outcome<Long>> outcomes = new ArrayList<>();
            List<InstantAttempt> entered = new ArrayList<>();
            List<Outbox.Event> events = new ArrayList<>();
            Map<Long, Integer> unitsByPrize = new TreeMap<>();
            for (InstantAttempt attempt : batch) {
                if (blacklisted.contains(attempt.userId())) {
                    outcomes.add(Outcome.refused(BusinessException.of(ErrorCode.USER_BLACKLISTED)));
                    continue;
                }
                outcomes.add(Outcome.of(attempt.reserved()));
                entered.add(attempt);
                events.addAll(events(attempt));
                if (attempt.reserved() > 0) {
                    unitsByPrize.merge(attempt.reserved(), 1, Integer::sum);
                }
            }
            if (entered.isEmpty()) {
                return outcomes;
            }
            // as for one attempt: events first, then the prize rows (in id order, so that two batches never
            // wait on each other crosswise), then the entries, so the rows stay locked for one insert and the commit
            outbox.recordAll(events);
            unitsByPrize.forEach((prizeId, units) -> {
                if (participations.takeStocks(prizeId, units) == 0) {
                    throw new StockDrift();
                }
            });
            participations.insertInstantEntries(entered);
            return outcomes;
        });
    }

    private long record(InstantAttempt attempt) {
        // The prize row is the one row every winner locks, and it stays locked until the commit: both events are
        // written first and the unit is taken as late as possible, so a winner holds the row for one insert and
        // the commit. The entry comes after it (its foreign key share-locks the prize row; taken before the
        // update, two winners would each hold that share lock and deadlock upgrading it).
        outbox.recordAll(events(attempt));
        if (attempt.reserved() > 0 && participations.takeStock(attempt.reserved()) == 0) {
            throw new StockDrift();
        }
        // no participant_count update here: every attempt would queue on the lottery's row, the very hot
        // row Redis exists to spare; an instant lottery's entrants are counted from its entries.
        // The blacklist is checked by the insert itself, one round trip less on every attempt; a refusal rolls
        // back the transaction and gives the reservation back like any failure.
        Long prizeId = attempt.reserved() > 0 ? attempt.reserved() : null;
        if (participations.insertUnlessBlacklisted(attempt.lotteryId(), attempt.userId(), prizeId) == 0) {
            throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
        }
        return attempt.reserved();
    }

    private static List<Outbox.Event> events(InstantAttempt attempt) {
        long lotteryId = attempt.lotteryId();
        Outbox.Event joined = new Outbox.Event("LotteryJoined", "lottery", lotteryId, Map.of("lotteryId", lotteryId,
                "userId", attempt.userId(), "instant", true), attempt.trace());
        return attempt.reserved() == 0 ? List.of(joined) : List.of(joined, new Outbox.Event("PrizeWon", "lottery",
                lotteryId, Map.of("lotteryId", lotteryId, "userId", attempt.userId(), "prizeId", attempt.reserved()),
                attempt.trace()));
    }

    /** MySQL had no unit left of a prize Redis reserved: the transaction, with its PrizeWon, is rolled back. */
    private static final class StockDrift extends RuntimeException {

        StockDrift() {
            super(null, null, false, false);
        }
    }
}
