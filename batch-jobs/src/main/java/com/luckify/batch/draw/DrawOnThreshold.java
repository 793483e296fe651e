package com.luckify.batch.draw;

import com.luckify.batch.support.AfterCommit;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Draws a by-count lottery as soon as it is full ({@code JoinThresholdReached}), instead of at the next
 * schedule. The draw starts after the relay's transaction commits, on its own thread; if this process dies
 * first, the schedule finds the full lottery anyway.
 */
@Component
class DrawOnThreshold implements DomainEventHandler {

    private final DrawLauncher launcher;
    private final Executor executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "draw-on-threshold");
        thread.setDaemon(true);
        return thread;
    });

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
        Runnable draw = () -> executor.execute(() -> launcher.draw(lotteryId));
        AfterCommit.run(draw);
    }
}
