package com.luckify.checkin;

import java.time.LocalDate;

/** One check-in of a user: the business day, its place in the 7-day cycle, the streak and the reward. */
public record CheckinDay(LocalDate checkinDate, int streakDay, int continuousDays, int reward) {
}
