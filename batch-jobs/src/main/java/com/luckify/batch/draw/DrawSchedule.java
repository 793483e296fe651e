package com.luckify.batch.draw;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.lottery.LotteryDraws;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code luckify.draw.poll-interval} (a minute by default), on one process only, draws the lotteries
 * that are due: by-time ones past their time, by-count ones full or past their time.
 */
@Component
class DrawSchedule {

    private static final String LOCK = "drawSchedule";
    private static final int BATCH = 100;

    private final LotteryDraws draws;
    private final DrawLauncher launcher;
    private final ScheduleLock lock;

    DrawSchedule(LotteryDraws draws, DrawLauncher launcher, ScheduleLock lock) {
        this.draws = draws;
        this.launcher = launcher;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${luckify.draw.poll-interval:60s}", initialDelayString = "${luckify.draw.poll-interval:60s}")
    void drawDueLotteries() {
        if (!lock.tryLock(LOCK, Duration.ofMinutes(10))) {
            return;
        }
        try {
            drawDue();
        } finally {
            lock.unlock(LOCK, Duration.ofSeconds(5));
        }
    }

    /** Draws what is due now, one lottery after the other; returns how many draws were started. */
    int drawDue() {
        int started = 0;
        for (long lotteryId : draws.due(BATCH)) {
            if (launcher.draw(lotteryId) != null) {
                started++;
            }
        }
        return started;
    }
}
