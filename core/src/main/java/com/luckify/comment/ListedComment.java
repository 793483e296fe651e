package com.luckify.comment;

import java.time.Instant;

/** A comment as a list reads it: the stored comment and, in the same query, whether the viewer liked it. */
record ListedComment(long id, long userId, long lotteryId, String prizeName, String content, String pics,
        int praiseCount, ModerationState moderationState, Instant createTime, Instant updateTime, boolean praised) {

    Comment comment() {
        return new Comment(id, userId, lotteryId, prizeName, content, pics, praiseCount, moderationState, createTime,
                updateTime);
    }
}
