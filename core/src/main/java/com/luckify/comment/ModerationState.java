package com.luckify.comment;

/** Whether a comment is shown: to everyone, to its author only while it waits for review, or to nobody. */
public enum ModerationState {
    VISIBLE,
    PENDING,
    HIDDEN
}
