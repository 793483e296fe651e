package com.luckify.comment;

/** The moderation queue's tabs. */
public enum ModerationFilter {
    /** Waiting for review: flagged by the sensitive-word filter or WeChat's content check. */
    PENDING,
    HIDDEN,
    DELETED,
    ALL
}
