package com.luckify.batch.draw;

import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import com.luckify.common.Subscription;
import org.springframework.stereotype.Component;

/**
 * Draws a by-count lottery as soon as it is full ({@code JoinThresholdReached}), instead of at the next schedule,
 * in whichever batch process takes the event. The draw runs in the consumer's thread, outside a transaction (Batch
 * keeps its own); the delivery is done once the draw has run, or is running elsewhere. If this process dies
 * first, the event comes again, and the schedule finds the full lottery anyway.
 */
@Component
class DrawOnThreshold implements DomainEventHandler {

    private final DrawLauncher launcher;

    DrawOnThreshold(DrawLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Subscription subscription() {
        return Subscription.DRAW_ON_THRESHOLD;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void handle(DomainEvent event) {
        launcher.draw(event.longValue("lotteryId"));
    }
}
