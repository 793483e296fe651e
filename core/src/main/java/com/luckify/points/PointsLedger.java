package com.luckify.points;

import com.luckify.common.AfterCommit;
import com.luckify.common.BusinessException;
import com.luckify.common.BusinessMetrics;
import com.luckify.common.ErrorCode;
import com.luckify.common.Paged;
import com.luckify.user.PublicUser;
import com.luckify.user.UserService;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wish-value (心愿值) ledger: every change is an append-only entry in {@code integral_record} and moves
 * the balance in {@code integral} in the same transaction, so the balance always equals the sum of the
 * entries. Each entry carries the unique key of the business fact it pays for, so a fact is paid once
 * however often it is retried or replayed.
 */
@Service
public class PointsLedger {

    private final PointsMapper points;
    private final UserService users;
    private final BusinessMetrics metrics;

    PointsLedger(PointsMapper points, UserService users, BusinessMetrics metrics) {
        this.users = users;
        this.points = points;
        this.metrics = metrics;
    }

    /**
     * Grants ({@code delta > 0}) or spends ({@code delta < 0}) wish value for one business fact and returns
     * the balance after it. Joins the caller's transaction: if the key was already posted
     * ({@link ErrorCode#POINTS_ALREADY_POSTED}) or the balance does not cover a spend
     * ({@link ErrorCode#POINTS_INSUFFICIENT}), the whole transaction rolls back, so the fact the caller
     * recorded with it is not half-paid.
     */
    @Transactional
    public long post(long userId, long delta, PointsReason reason, String bizKey) {
        if (delta == 0) {
            throw new IllegalArgumentException("a ledger entry moves wish value");
        }
        if (delta > 0) {
            points.add(userId, delta);
        } else if (points.take(userId, -delta) == 0) {
            throw BusinessException.of(ErrorCode.POINTS_INSUFFICIENT);
        }
        long balance = points.balance(userId);
        try {
            points.insertEntry(userId, delta, balance, reason.name(), reason.text(), bizKey);
        } catch (DuplicateKeyException e) {
            throw BusinessException.of(ErrorCode.POINTS_ALREADY_POSTED);
        }
        if (delta > 0) {
            // counted once the grant is committed: a rolled-back grant credited nothing
            AfterCommit.run(() -> metrics.pointsGranted(source(reason), delta));
        }
        return balance;
    }

    /**
     * {@link #post} for grants to distinct users, in one statement each for the balances, their reading and the
     * entries: the balance after each grant, by user. A key already posted fails them all (and, joined, the
     * caller's transaction) with a {@link DuplicateKeyException}.
     */
    @Transactional
    public Map<Long, Long> grantAll(List<Grant> grants) {
        if (grants.isEmpty()) {
            return Map.of();
        }
        List<Grant> byUser = grants.stream().sorted(Comparator.comparingLong(Grant::userId)).toList();
        if (byUser.stream().map(Grant::userId).distinct().count() != byUser.size()) {
            throw new IllegalArgumentException("grantAll takes one grant per user");
        }
        // balances in user id order: two batches lock the rows they share in the same order
        points.addAll(byUser);
        Map<Long, Long> balances = balances(byUser.stream().map(Grant::userId).toList());
        points.insertEntries(byUser.stream().map(grant -> new PointsMapper.NewEntry(grant.userId(), grant.delta(),
                balances.get(grant.userId()), grant.reason().name(), grant.reason().text(), grant.bizKey())).toList());
        Map<PointsReason, Long> granted = new java.util.EnumMap<>(PointsReason.class);
        byUser.forEach(grant -> granted.merge(grant.reason(), grant.delta(), Long::sum));
        AfterCommit.run(() -> granted.forEach((reason, sum) -> metrics.pointsGranted(source(reason), sum)));
        return balances;
    }

    private static String source(PointsReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The balances of these users (0 for one who never had wish value). */
    public Map<Long, Long> balances(Collection<Long> userIds) {
        Map<Long, Long> balances = new HashMap<>();
        userIds.forEach(userId -> balances.put(userId, 0L));
        if (!userIds.isEmpty()) {
            points.balances(userIds).forEach(row -> balances.put(row.userId(), row.balance()));
        }
        return balances;
    }

    /** A grant of {@code delta > 0} for one business fact, as {@link #post} takes it. */
    public record Grant(long userId, long delta, PointsReason reason, String bizKey) {

        public Grant {
            if (delta <= 0) {
                throw new IllegalArgumentException("a grant adds wish value");
            }
        }
    }

    public long balance(long userId) {
        Long balance = points.balance(userId);
        return balance == null ? 0 : balance;
    }

    /** Balances next to their ledger sums, users after {@code afterUserId}: for reconciliation. */
    public List<BalanceTally> balancesAfter(long afterUserId, int limit) {
        return points.balancesAfter(afterUserId, limit);
    }

    /** Whether the business fact with this key has been paid. */
    public boolean isPosted(String bizKey) {
        return points.countByBizKey(bizKey) > 0;
    }

    /** A user's ledger, newest first. */
    public Paged<PointsEntry> entriesOf(long userId, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> points.entriesOf(userId, offset, limit),
                () -> points.countEntriesOf(userId));
    }

    /** The liability report's figures for {@code [from, to)}; top earners with masked names. */
    public PointsLiability liability(Instant from, Instant to, int topEarners) {
        List<PointsLiability.ReasonTotal> byReason = points.totalsByReason(from, to);
        List<PointsMapper.EarnerRow> earners = points.topEarners(from, to, topEarners);
        Map<Long, PublicUser> names = users.publicUsers(earners.stream().map(PointsMapper.EarnerRow::userId).toList());
        return new PointsLiability(from, to, byReason,
                byReason.stream().mapToLong(PointsLiability.ReasonTotal::granted).sum(),
                byReason.stream().mapToLong(PointsLiability.ReasonTotal::spent).sum(),
                points.outstandingAt(to), points.holdersAt(to),
                earners.stream().map(e -> new PointsLiability.TopEarner(e.userId(),
                        names.containsKey(e.userId()) ? names.get(e.userId()).nickname() : "", e.earned(), e.balance()))
                        .toList());
    }
}
