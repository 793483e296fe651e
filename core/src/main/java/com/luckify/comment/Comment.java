package com.luckify.comment;

import java.time.Instant;

/** A prize show (晒单) as stored: text exactly as the author typed it, {@code pics} comma-separated URLs. */
public record Comment(long id, long userId, long lotteryId, String prizeName, String content, String pics,
        int praiseCount, ModerationState moderationState, Instant createTime, Instant updateTime) {
}
