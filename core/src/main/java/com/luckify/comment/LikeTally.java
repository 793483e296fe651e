package com.luckify.comment;

/** A comment's stored like count next to the likes counted in {@code praise}. */
public record LikeTally(long commentId, int stored, int counted) {
}
