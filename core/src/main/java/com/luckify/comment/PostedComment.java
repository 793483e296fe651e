package com.luckify.comment;

/** A comment just written or edited and whether it is visible at once or waits for review. */
public record PostedComment(long id, ModerationState moderationState) {
}
