package com.luckify.checkin;

/**
 * What the check-in page shows: the day of the 7-day cycle reached (0 when the streak is broken or a cycle
 * has just been completed), whether the user checked in today, the wish-value balance, and whether the user
 * subscribed to reminders.
 */
public record CheckinStatus(int continuousCheckinDays, boolean checkedInToday, long integral, boolean subscribed) {
}
