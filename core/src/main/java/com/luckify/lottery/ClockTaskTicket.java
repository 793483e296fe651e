package com.luckify.lottery;

import java.time.Instant;

/** What startClockTask hands out: the single-use ticket, and when completeClockTask will take it. */
public record ClockTaskTicket(String ticket, Instant redeemableAt) {
}
