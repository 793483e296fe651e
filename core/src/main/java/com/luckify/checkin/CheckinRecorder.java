package com.luckify.checkin;

import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.GroupCommit.Outcome;
import com.luckify.common.Outbox;
import com.luckify.points.PointsLedger;
import com.luckify.points.PointsReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes check-ins: the record (one per user and business day, by the unique key), the reward paid into the
 * ledger, the task progress and the CheckedIn event, in one transaction, for one check-in or for a batch.
 */
@Component
class CheckinRecorder {

    private final CheckinMapper checkins;
    private final PointsLedger ledger;
    private final TaskService tasks;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final CheckinRewards rewards;
    private final TransactionTemplate tx;

    CheckinRecorder(CheckinMapper checkins, PointsLedger ledger, TaskService tasks, Outbox outbox,
            BusinessCalendar calendar, CheckinRewards rewards, TransactionTemplate tx) {
        this.checkins = checkins;
        this.ledger = ledger;
        this.tasks = tasks;
        this.outbox = outbox;
        this.calendar = calendar;
        this.rewards = rewards;
        this.tx = tx;
    }

    /** One check-in; a second one the same business day fails with {@link ErrorCode#CHECKIN_REPEAT}. */
    CheckinResult recordOne(CheckinRequest request) {
        LocalDate today = calendar.dayOf(request.at());
        try {
            return tx.execute(status -> {
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
     * A batch of check-ins in one transaction, each as {@link #recordOne} would write it; their results in order.
     * Throws, and writes nothing, when any of them cannot be written as it is (a second check-in the same day
     * among them or already stored, a user twice): each is then written on its own, with its own answer.
     */
    List<Outcome<CheckinResult>> recordBatch(List<CheckinRequest> batch) {
        return tx.execute(status -> {
            List<Long> userIds = batch.stream().map(CheckinRequest::userId).distinct().toList();
            List<LocalDate> days = batch.stream().map(request -> calendar.dayOf(request.at())).toList();
            Map<UserDay, Integer> streaks = new HashMap<>();
            checkins.continuousDaysOnAny(userIds, days.stream().map(day -> day.minusDays(1)).distinct().toList())
                    .forEach(row -> streaks.put(new UserDay(row.userId(), row.checkinDate()), row.continuousDays()));
            List<Planned> plans = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                CheckinRequest request = batch.get(i);
                LocalDate today = days.get(i);
                plans.add(plan(request, today, streaks.get(new UserDay(request.userId(), today.minusDays(1)))));
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
            return plans.stream().map(p -> Outcome.of(p.result(balances.get(p.request().userId())))).toList();
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
                    "day", day.toString(), "continuousDays", continuousDays, "streakDay", streakDay, "reward", reward));
        }

        CheckinResult result(long balance) {
            return new CheckinResult(streakDay, reward, balance);
        }
    }
}
