package com.luckify.checkin;

/** A subscriber who has not checked in today: the cycle day a check-in now would reach, and its reward. */
public record ReminderCandidate(long userId, int nextStreakDay, int nextReward) {
}
