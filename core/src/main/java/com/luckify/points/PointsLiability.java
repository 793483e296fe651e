package com.luckify.points;

import java.time.Instant;
import java.util.List;

/**
 * What the wish-value scheme owes, for a period: points granted and spent per reason in the period, the balance
 * all users hold at its end (the liability), and who earned the most in it.
 */
public record PointsLiability(Instant from, Instant to, List<ReasonTotal> byReason, long granted, long spent,
        long outstanding, long holders, List<TopEarner> topEarners) {

    /** One reason's points in the period: granted (positive entries) and spent (negative ones, as a positive sum). */
    public record ReasonTotal(String reason, long granted, long spent, long entries) {
    }

    /** A user by id and masked nickname, with what they earned in the period and their balance now. */
    public record TopEarner(long userId, String maskedName, long earned, long balance) {
    }
}
