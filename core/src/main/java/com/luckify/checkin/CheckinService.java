package com.luckify.checkin;

import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessException;
import com.luckify.common.BusinessMetrics;
import com.luckify.common.ErrorCode;
import com.luckify.common.EventTracing;
import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.Charge;
import com.luckify.points.PointsLedger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Daily check-in: one per user and business day (the database's unique key decides), a 7-day reward cycle
 * that restarts after day 7 or after a missed day, the reward paid into the ledger in the same transaction.
 */
@Service
public class CheckinService {

    private final CheckinMapper checkins;
    private final CheckinWriter writer;
    private final PointsLedger ledger;
    private final TaskService tasks;
    private final BusinessCalendar calendar;
    private final CheckinRewards rewards;
    private final RateLimiter limiter;
    private final EventTracing tracing;
    private final BusinessMetrics metrics;

    CheckinService(CheckinMapper checkins, CheckinWriter writer, PointsLedger ledger, TaskService tasks,
            BusinessCalendar calendar, CheckinRewards rewards, RateLimiter limiter, EventTracing tracing,
            BusinessMetrics metrics) {
        this.metrics = metrics;
        this.limiter = limiter;
        this.tracing = tracing;
        this.checkins = checkins;
        this.writer = writer;
        this.ledger = ledger;
        this.tasks = tasks;
        this.calendar = calendar;
        this.rewards = rewards;
    }

    /**
     * Checks the user in for today; a second check-in the same business day fails with {@link ErrorCode#CHECKIN_REPEAT}.
     * The {@code budgets} are charged when the check-in's batch is written, with the whole batch's in one Redis
     * round trip: one over its budget fails with {@link ErrorCode#TOO_MANY_REQUESTS}, having written nothing.
     */
    public CheckinResult checkin(long userId, List<Charge> budgets) {
        try {
            CheckinResult result = writer.write(new CheckinRequest(userId, calendar.now(), limiter.defer(budgets),
                    tracing.current()));
            metrics.checkin("recorded");
            return result;
        } catch (BusinessException e) {
            if (e.errorCode() == ErrorCode.CHECKIN_REPEAT) {
                metrics.checkin("repeat");
            }
            throw e;
        }
    }

    /** Subscribers who have not checked in today, after {@code afterUserId}: for the reminder job. */
    public List<ReminderCandidate> reminderCandidatesAfter(long afterUserId, int limit) {
        LocalDate today = calendar.today();
        return checkins.subscribersWithoutCheckin(today, today.minusDays(1), afterUserId, limit).stream().map(row -> {
            int next = row.yesterdayStreakDay() == null ? 1 : row.yesterdayStreakDay() % 7 + 1;
            return new ReminderCandidate(row.userId(), next, rewards.rewardOnDay(next));
        }).toList();
    }

    /** Today, in the business time zone. */
    public LocalDate today() {
        return calendar.today();
    }

    public CheckinStatus status(long userId) {
        LocalDate today = calendar.today();
        CheckinMapper.LastCheckin last = checkins.last(userId);
        int day = 0;
        boolean checkedInToday = false;
        if (last != null && last.checkinDate().equals(today)) {
            day = last.streakDay();
            checkedInToday = true;
        } else if (last != null && last.checkinDate().equals(today.minusDays(1)) && last.streakDay() < 7) {
            // the streak is alive until tonight; after a full cycle the next check-in starts at day 1
            day = last.streakDay();
        }
        return new CheckinStatus(day, checkedInToday, ledger.balance(userId), tasks.isSubscribed(userId));
    }

    /** A user's latest check-ins, newest first. */
    public List<CheckinDay> historyOf(long userId, int limit) {
        return checkins.historyOf(userId, limit);
    }

    /** Check-ins per business day from {@code from} to today. */
    public Map<LocalDate, Long> perDay(LocalDate from) {
        return calendar.perDaySince(from, (start, end, offset) -> checkins.perDay(calendar.dayOf(start),
                calendar.today()));
    }
}
