package com.luckify.comment;

import java.time.Instant;
import java.util.List;

/** A comment as moderators see it: whatever its state, with why it was flagged and whether it was deleted. */
public record ModeratedComment(long id, long userId, long lotteryId, String prizeName, String content, String pics,
        int praiseCount, ModerationState moderationState, String moderationReason, Instant createTime,
        Instant deletedAt, Long deletedByStaffId) {

    public List<String> pictures() {
        return PictureUrls.of(pics);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
