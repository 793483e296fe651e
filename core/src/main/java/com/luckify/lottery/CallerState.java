package com.luckify.lottery;

/** The caller's own standing in a lottery. */
public record CallerState(boolean participated, boolean won, long prizeId, boolean clockTaskDone, boolean prizeClaimed) {

    static final CallerState ANONYMOUS = new CallerState(false, false, 0, false, false);
}
