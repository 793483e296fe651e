package com.luckify.checkin;

import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves tasks forward from the lottery feature's events: joining (also instant attempts) and creating a
 * lottery. Runs in the outbox relay's transaction, so each event counts exactly once.
 */
@Component
class LotteryTaskEvents implements DomainEventHandler {

    private final TaskService tasks;

    LotteryTaskEvents(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LotteryJoined", "LotteryCreated");
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
