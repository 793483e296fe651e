package com.luckify.checkin;

import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.GroupCommit.Outcome;
import com.luckify.common.LockRetry;
import com.luckify.common.Outbox;
import com.luckify.common.RateLimiter;
import com.luckify.points.PointsLedger;
import com.luckify.points.PointsReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Writes check-ins: the record (one per user and business day, by the unique key), the reward paid into the
 * ledger, the task progress and the CheckedIn event, in one transaction, for one check-in or for a batch. A
 * transaction that InnoDB picks as a deadlock victim or whose lock wait times out runs again whole ({@link LockRetry}).
 */
@Component
class CheckinRecorder {

    private final CheckinMapper checkins;
    private final PointsLedger ledger;
    private final TaskService tasks;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final CheckinRewards rewards;
    private final LockRetry tx;
    private final RateLimiter limiter;

    CheckinRecorder(CheckinMapper checkins, PointsLedger ledger, TaskService tasks, Outbox outbox,
            BusinessCalendar calendar, CheckinRewards rewards, LockRetry tx, RateLimiter limiter) {
        this.checkins = checkins;
        this.ledger = ledger;
        this.tasks = tasks;
        this.outbox = outbox;
        this.calendar = calendar;
        this.rewards = rewards;
        this.tx = tx;
        this.limiter = limiter;
    }

    /** One check-in; a second one the same business day fails with {@link ErrorCode#CHECKIN_REPEAT}. */
    CheckinResult recordOne(CheckinRequest request) {
        if (request.budget().refused()) {
            throw BusinessException.of(ErrorCode.TOO_MANY_REQUESTS);
        }
        LocalDate today = calendar.dayOf(request.at());
        try {
            return tx.inTransaction(status -> {
                Integer yesterday = checkins.continuousDaysOn(request.userId(), today.minusDays(1));
                Planned planned = plan(request, today, yesterday);
                checkins.insert(request.userId(), today, planned.streakDay(), planned.continuousDays(), planned.reward());
                long balance = planned.reward() > 0
                        ? ledger.post(request.userId(), planned.reward(), PointsReason.CHECKIN, planned.bizKey())
                        : ledger.balance(request.userId());
                tasks.advance(request.userId(), TaskEvent.CHECKIN, request.at());
                outbox.recordAll(List.of(planned.event()));
                return planned.result(balance);
            });
        } catch (DuplicateKeyException e) {
            throw BusinessException.of(ErrorCode.CHECKIN_REPEAT);
        }
    }

    /**
     * A batch of check-ins in one transaction, each as {@link #recordOne} would write it; their results in order. A
     * repeat (a user twice in the batch, or already checked in that day) is refused with
     * {@link ErrorCode#CHECKIN_REPEAT} from the batch itself: the query for yesterday's streaks also brings the
     * check-ins already stored for the day, so a repeat costs no statement more and never sends the others one by
     * one. The unique (user, day) key stays the final word: a check-in stored meanwhile by another process makes
     * the insert fail, and then, having written nothing, this throws and each is written on its own.
     */
    List<Outcome<CheckinResult>> recordBatch(List<CheckinRequest> batch) {
        // the whole batch's budgets in one Redis round trip, before the transaction, so no connection waits for
        // Redis; a batch that falls back to one by one keeps these answers (a permit is charged once)
        limiter.settle(batch.stream().map(CheckinRequest::budget).toList());
        Set<CheckinRequest> overBudget = Collections.newSetFromMap(new IdentityHashMap<>());
        batch.stream().filter(request -> request.budget().refused()).forEach(overBudget::add);
        return tx.inTransaction(status -> {
            List<Long> userIds = batch.stream().map(CheckinRequest::userId).distinct().toList();
            List<LocalDate> days = batch.stream().map(request -> calendar.dayOf(request.at())).toList();
            Set<LocalDate> asked = new HashSet<>(days);
            days.forEach(day -> asked.add(day.minusDays(1)));
            // a user's continuous days on each day asked for, as stored or as this batch will write them
            Map<UserDay, Integer> checkedIn = new HashMap<>();
            checkins.continuousDaysOnAny(userIds, asked)
                    .forEach(row -> checkedIn.put(new UserDay(row.userId(), row.checkinDate()), row.continuousDays()));
            List<Outcome<CheckinResult>> outcomes = new ArrayList<>(batch.size());
            List<Planned> plans = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                CheckinRequest request = batch.get(i);
                if (overBudget.contains(request)) {
                    outcomes.add(Outcome.refused(BusinessException.of(ErrorCode.TOO_MANY_REQUESTS)));
                    continue;
                }
                LocalDate today = days.get(i);
                UserDay key = new UserDay(request.userId(), today);
                if (checkedIn.containsKey(key)) {
                    outcomes.add(Outcome.refused(BusinessException.of(ErrorCode.CHECKIN_REPEAT)));
                    continue;
                }
                Planned planned = plan(request, today, checkedIn.get(new UserDay(request.userId(), today.minusDays(1))));
                checkedIn.put(key, planned.continuousDays());
                plans.add(planned);
                outcomes.add(null); // answered once written, below
            }
            if (plans.isEmpty()) {
                return outcomes;
            }
            // rows in user id order: two batches lock what they share in the same order
            List<Planned> byUser = plans.stream().sorted(Comparator.comparingLong(p -> p.request().userId())).toList();
            checkins.insertAll(byUser.stream().map(Planned::row).toList());
            Map<Long, Long> balances = new HashMap<>(ledger.grantAll(byUser.stream().filter(p -> p.reward() > 0)
                    .map(p -> new PointsLedger.Grant(p.request().userId(), p.reward(), PointsReason.CHECKIN, p.bizKey()))
                    .toList()));
            balances.putAll(ledger.balances(byUser.stream().filter(p -> p.reward() == 0)
                    .map(p -> p.request().userId()).toList()));
            tasks.advanceAll(byUser.stream()
                    .map(p -> new TaskService.UserEvent(p.request().userId(), TaskEvent.CHECKIN, p.request().at())).toList());
            outbox.recordAll(byUser.stream().map(Planned::event).toList());
            Iterator<Planned> written = plans.iterator();
            return outcomes.stream().map(refused -> refused != null ? refused
                    : Outcome.of(written.next().resultWith(balances))).toList();
        });
    }

    /** What the check-in is: the next day of the streak if the user checked in yesterday, else day 1. */
    private Planned plan(CheckinRequest request, LocalDate today, Integer yesterdayContinuousDays) {
        int continuousDays = yesterdayContinuousDays == null ? 1 : yesterdayContinuousDays + 1;
        int streakDay = (continuousDays - 1) % 7 + 1;
        return new Planned(request, today, streakDay, continuousDays, rewards.rewardOnDay(streakDay));
    }

    private record UserDay(long userId, LocalDate day) {
    }

    private record Planned(CheckinRequest request, LocalDate day, int streakDay, int continuousDays, int reward) {

        String bizKey() {
            return "CHECKIN:" + request.userId() + ":" + day;
        }

        CheckinMapper.NewCheckin row() {
            return new CheckinMapper.NewCheckin(request.userId(), day, streakDay, continuousDays, reward);
        }

        Outbox.Event event() {
            return new Outbox.Event("CheckedIn", "user", request.userId(), Map.of("userId", request.userId(),
                    "day", day.toString(), "continuousDays", continuousDays, "streakDay", streakDay, "reward", reward),
                    request.trace());
        }

        CheckinResult result(long balance) {
            return new CheckinResult(streakDay, reward, balance);
        }

        CheckinResult resultWith(Map<Long, Long> balances) {
            return result(balances.get(request.userId()));
        }
    }
}
