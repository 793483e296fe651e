package com.luckify.batch.draw;

import com.luckify.common.AfterCommit;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import java.util.Set;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;

/**
 * Draws a by-count lottery as soon as it is full ({@code JoinThresholdReached}), instead of at the next
 * schedule. The draw starts after the relay's transaction commits, on its own thread; if this process dies
 * first, the schedule finds the full lottery anyway.
 */
@Component
class DrawOnThreshold implements DomainEventHandler {

    private final DrawLauncher launcher;
    private final Executor afterCommit = AfterCommit.executor("draw-on-threshold", 1);

    DrawOnThreshold(DrawLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("JoinThresholdReached");
    }

    @Override
    public void handle(DomainEvent event) {
        long lotteryId = event.longValue("lotteryId");
        afterCommit.execute(() -> launcher.draw(lotteryId));
    }
}
