package com.luckify.checkin;

/** A check-in that happened: the day of the 7-day cycle it was, the wish value it paid, the balance after. */
public record CheckinResult(int streakDay, int reward, long integral) {
}
