package com.luckify.batch.draw;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.lottery.LotteryDraws;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code luckify.draw.poll-interval} (a minute by default), on one process only, draws the lotteries
 * that are due: by-time ones past their time, by-count ones full or past their time; then removes the
 * candidates that draws which are over left behind (their process died before it could).
 */
@Component
class DrawSchedule {

    private static final Logger log = LoggerFactory.getLogger(DrawSchedule.class);
    private static final String LOCK = "drawSchedule";
    private static final int BATCH = 100;

    private final LotteryDraws draws;
    private final DrawLauncher launcher;
    private final ScheduleLock lock;
    private final Duration lockAtMostFor;

    /**
     * @param lockAtMostFor how long a process that took the schedule's lease and died blocks the others; a run
     *                      outlasting it is harmless (Batch runs each lottery's draw once)
     */
    DrawSchedule(LotteryDraws draws, DrawLauncher launcher, ScheduleLock lock,
            @Value("${luckify.draw.lock-at-most-for:2m}") Duration lockAtMostFor) {
        this.draws = draws;
        this.launcher = launcher;
        this.lock = lock;
        this.lockAtMostFor = lockAtMostFor;
    }

    @Scheduled(fixedDelayString = "${luckify.draw.poll-interval:60s}", initialDelayString = "${luckify.draw.poll-interval:60s}")
    void drawDueLotteries() throws Exception {
        lock.runExclusively(LOCK, lockAtMostFor, Duration.ofSeconds(1), () -> {
            int started = drawDue();
            if (started > 0) {
                log.info("draw schedule started {} draws", started);
            }
            int tidied = draws.discardLeftoverCandidates();
            if (tidied > 0) {
                log.info("draw schedule removed the leftover candidates of {} lotteries", tidied);
            }
        });
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
