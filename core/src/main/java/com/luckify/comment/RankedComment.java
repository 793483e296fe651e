package com.luckify.comment;

/** A comment's place in the most-liked order: its id and the like count it had when ranked. */
record RankedComment(long id, int praiseCount) {
}
