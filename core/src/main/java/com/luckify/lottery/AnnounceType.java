package com.luckify.lottery;

/** How a lottery ends: 1 at a time, 2 at a number of participants (or the time), 3 instant win. */
public final class AnnounceType {

    public static final int BY_TIME = 1;
    public static final int BY_PARTICIPANTS = 2;
    public static final int INSTANT = 3;

    private AnnounceType() {
    }
}
