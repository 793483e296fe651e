package com.luckify.lottery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives running instant lotteries whose Redis state is missing a fresh one from MySQL (each under its
 * rebuild lock, so processes starting together rebuild each lottery once), so they are ready before the first
 * attempt. Until then they fail closed, as always. A failure here only delays them: the first attempt that finds a
 * state missing asks for it again ({@link HotStateRebuilder}).
 */
@Component
class HotStateRecovery {

    private static final Logger log = LoggerFactory.getLogger(HotStateRecovery.class);

    private final InstantWinService instantWin;

    HotStateRecovery(InstantWinService instantWin) {
        this.instantWin = instantWin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildMissing() {
        try {
            int rebuilt = instantWin.rebuildMissingHotStates();
            if (rebuilt > 0) {
                log.info("rebuilt the hot state of {} instant lotteries at start-up", rebuilt);
            }
        } catch (RuntimeException e) {
            log.warn("could not rebuild instant-lottery hot state at start-up: {}", e.toString());
        }
    }
}
