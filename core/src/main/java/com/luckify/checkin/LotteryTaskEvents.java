package com.luckify.checkin;

import com.luckify.common.DomainEvent;
import com.luckify.common.ConditionalOnRole;
import com.luckify.common.DomainEventHandler;
import com.luckify.common.Role;
import com.luckify.common.Subscription;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Moves tasks forward from the lottery feature's events: joining (also instant attempts) and creating a
 * lottery, in worker processes. Runs in the transaction that marks the events done, so each counts exactly once.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class LotteryTaskEvents implements DomainEventHandler {

    private final TaskService tasks;

    LotteryTaskEvents(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public Subscription subscription() {
        return Subscription.TASK_PROGRESS;
    }

    @Override
    public void handle(DomainEvent event) {
        handleAll(List.of(event));
    }

    /** A whole relay batch in two statements (see {@link TaskService#advanceAll}). */
    @Override
    public void handleAll(List<DomainEvent> events) {
        tasks.advanceAll(events.stream().map(event -> new TaskService.UserEvent(event.longValue("userId"),
                event.type().equals("LotteryJoined") ? TaskEvent.LOTTERY_JOINED : TaskEvent.LOTTERY_CREATED,
                event.occurredAt())).toList());
    }
}
