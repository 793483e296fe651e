package com.luckify.comment;

/** A comment to insert; MyBatis fills in the generated id. */
final class NewCommentRow {

    Long id;
    final long userId;
    final long lotteryId;
    final String prizeName;
    final String content;
    final String pics;
    final ModerationState moderationState;
    final String moderationReason;

    NewCommentRow(long userId, long lotteryId, CommentDraft draft, CommentModerator.Verdict verdict) {
        this.userId = userId;
        this.lotteryId = lotteryId;
        this.prizeName = draft.prizeName();
        this.content = draft.content();
        this.pics = draft.pics();
        this.moderationState = verdict.state();
        this.moderationReason = verdict.reason();
    }
}
