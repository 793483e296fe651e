package com.luckify.comment;

/** After a like toggle: whether the caller now likes the comment, and its like count. */
public record PraiseResult(boolean praised, int praiseCount) {
}
