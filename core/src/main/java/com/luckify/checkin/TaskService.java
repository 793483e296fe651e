package com.luckify.checkin;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.points.PointsLedger;
import com.luckify.points.PointsReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Tasks that earn wish value: one-off newbie tasks, daily and weekly ones with a count to reach. Progress is
 * kept per (user, task, period) in {@code task_record}, whose unique key also makes each period's reward
 * payable once; periods are business days and ISO weeks in the business time zone.
 */
@Service
public class TaskService {

    private static final Object ALL = new Object();

    private final TaskMapper tasks;
    private final PointsLedger ledger;
    private final BusinessCalendar calendar;
    private final LockRetry lockRetry;
    // task definitions change rarely (admin console); a short expiry makes an edit visible within seconds
    private final LoadingCache<Object, List<Task>> definitions;

    TaskService(TaskMapper tasks, PointsLedger ledger, BusinessCalendar calendar, LockRetry lockRetry) {
        this.tasks = tasks;
        this.ledger = ledger;
        this.calendar = calendar;
        this.lockRetry = lockRetry;
        this.definitions = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10))
                .build(key -> tasks.enabledTasks());
    }

    /** Every enabled task with the user's state in the current period. */
    public List<TaskView> tasksOf(long userId) {
        LocalDate today = calendar.today();
        List<Task> all = definitions.get(ALL);
        if (all.isEmpty()) {
            return List.of();
        }
        List<TaskMapper.TaskPeriod> periods = all.stream()
                .map(task -> new TaskMapper.TaskPeriod(task.id(), task.taskType().periodKey(today))).toList();
        Map<Long, TaskMapper.RecordRow> records = new HashMap<>();
        for (TaskMapper.RecordRow row : tasks.records(userId, periods)) {
            records.put(row.taskId(), row);
        }
        return all.stream().map(task -> {
            TaskMapper.RecordRow record = records.get(task.id());
            int state = record == null ? 0 : record.isFinished();
            boolean counted = task.needCount() > 1;
            int count = counted ? (record == null ? 0 : record.progress()) : -1;
            return new TaskView(task.id(), task.type(), task.content(), task.integral(), task.path(), state, count,
                    counted ? task.needCount() : -1);
        }).toList();
    }

    /**
     * Pays a finished task's reward once: a second claim in the same period fails with
     * {@link ErrorCode#TASK_ALREADY_CLAIMED}, an unfinished task with {@link ErrorCode#TASK_NOT_FINISHED}.
     * Simultaneous claims queue on the task record's row lock; a lock contest lost on the way (the balance row
     * is shared with check-ins and other rewards) runs the whole claim again.
     */
    public long claim(long userId, long taskId) {
        Task task = definitions.get(ALL).stream().filter(t -> t.id() == taskId).findFirst()
                .orElseThrow(() -> BusinessException.of(ErrorCode.TASK_NOT_FOUND));
        Instant now = calendar.now();
        String period = task.taskType().periodKey(calendar.dayOf(now));
        return lockRetry.inTransaction(status -> {
            if (tasks.markRewarded(userId, taskId, period, now) == 0) {
                Integer state = tasks.state(userId, taskId, period);
                throw BusinessException.of(state != null && state == 2 ? ErrorCode.TASK_ALREADY_CLAIMED
                        : ErrorCode.TASK_NOT_FINISHED);
            }
            return ledger.post(userId, task.integral(), PointsReason.TASK_REWARD,
                    "TASK:" + userId + ":" + taskId + ":" + period);
        });
    }

    /**
     * Turns check-in reminders on or off; subscribing also completes the "subscribe" newbie task. Both are
     * upserts, and simultaneous upserts of a key not there yet can deadlock on their gap locks (not seen in the
     * burst tests, but InnoDB allows it): the loser runs again and finds the rows there.
     */
    public void updateSubscription(long userId, boolean subscribe) {
        Instant now = calendar.now();
        lockRetry.inTransactionWithoutResult(status -> {
            tasks.subscribe(userId, subscribe ? 1 : 0, now);
            if (subscribe) {
                advance(userId, TaskEvent.CHECKIN_SUBSCRIBED, now);
            }
        });
    }

    public boolean isSubscribed(long userId) {
        Integer subscribed = tasks.subscribed(userId);
        return subscribed != null && subscribed == 1;
    }

    /** One step of every enabled task the event counts for, in the period the event happened in. */
    void advance(long userId, TaskEvent event, Instant at) {
        advanceAll(List.of(new UserEvent(userId, event, at)));
    }

    /**
     * {@link #advance} for many events in two statements at most, whatever their number: the outbox relay
     * hands over a whole batch. Rows are sorted by key so that concurrent batches lock them in one order.
     */
    void advanceAll(List<UserEvent> events) {
        List<Task> all = definitions.get(ALL);
        List<TaskMapper.TaskStep> steps = new ArrayList<>();
        Map<Long, TaskMapper.NewbieFlags> flags = new TreeMap<>();
        for (UserEvent event : events) {
            LocalDate day = calendar.dayOf(event.at());
            for (Task task : all) {
                if (task.eventType().equals(event.type().name())) {
                    steps.add(new TaskMapper.TaskStep(event.userId(), task.id(), task.taskType().periodKey(day),
                            task.needCount()));
                }
            }
            boolean joined = event.type() == TaskEvent.LOTTERY_JOINED;
            if (joined || event.type() == TaskEvent.LOTTERY_CREATED) {
                flags.merge(event.userId(), new TaskMapper.NewbieFlags(event.userId(), joined ? 1 : 0, joined ? 0 : 1),
                        (a, b) -> new TaskMapper.NewbieFlags(a.userId(), Math.max(a.participated(), b.participated()),
                                Math.max(a.initiated(), b.initiated())));
            }
        }
        if (!steps.isEmpty()) {
            steps.sort(Comparator.comparingLong(TaskMapper.TaskStep::userId).thenComparingLong(TaskMapper.TaskStep::taskId)
                    .thenComparing(TaskMapper.TaskStep::periodKey));
            tasks.step(steps);
        }
        if (!flags.isEmpty()) {
            tasks.markNewbieFlags(List.copyOf(flags.values()));
        }
    }

    /** Something a user did at a moment, as far as tasks are concerned. */
    record UserEvent(long userId, TaskEvent type, Instant at) {
    }
}
