package com.luckify.lottery;

import java.time.Instant;

/** A lottery as lists show it. {@code publishTime} is null for an unpublished test lottery. */
public record Lottery(long id, long userId, String name, String thumb, Instant publishTime, int joinNumber,
        String introduce, Instant awardDeadline, int isSelected, int announceType, Instant announceTime,
        int isAnnounced, Long sponsorId, int participantCount, Instant cancelledAt) {

    boolean isInstant() {
        return announceType == AnnounceType.INSTANT;
    }
}
