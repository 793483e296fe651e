package com.luckify.batch.draw;

/** The draw of a lottery was started while it is not due, or cannot be drawn at all (cancelled, instant, drawn). */
class DrawNotDueException extends RuntimeException {

    DrawNotDueException(long lotteryId) {
        super("lottery " + lotteryId + " is not due for a draw", null, false, false);
    }
}
