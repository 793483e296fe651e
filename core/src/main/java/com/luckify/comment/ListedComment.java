package com.luckify.comment;

import com.luckify.user.PublicUser;
import java.time.Instant;

/**
 * A comment as a list reads it, all in the page's one query: the stored comment, its author's nickname and
 * avatar as stored (null when the author no longer exists: shown masked, where the original answered 500), and
 * whether the viewer liked it.
 */
record ListedComment(long id, long userId, long lotteryId, String prizeName, String content, String pics,
        int praiseCount, ModerationState moderationState, Instant createTime, Instant updateTime,
        String authorNickname, String authorAvatar, boolean praised) {

    /** The same comment as another viewer sees it. */
    ListedComment praised(boolean praisedByViewer) {
        return praisedByViewer == praised ? this : new ListedComment(id, userId, lotteryId, prizeName, content, pics,
                praiseCount, moderationState, createTime, updateTime, authorNickname, authorAvatar, praisedByViewer);
    }

    CommentItem item() {
        Comment comment = new Comment(id, userId, lotteryId, prizeName, content, pics, praiseCount, moderationState,
                createTime, updateTime);
        return new CommentItem(comment, PublicUser.of(userId, authorNickname, authorAvatar), praised);
    }
}
