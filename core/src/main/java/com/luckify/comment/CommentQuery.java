package com.luckify.comment;

/**
 * A comment list request. {@code lastId} is the id of the last comment the client has (0 or less: from the
 * top); {@code cursor}, when given, is the {@code nextCursor} of the previous page and wins over
 * {@code lastId}. {@code lotteryId} 0 lists every lottery's comments.
 */
public record CommentQuery(long viewerId, long lastId, String cursor, int size, boolean mostLiked, long lotteryId) {

    /** No page is larger than this, whatever the client asks (the original had no bound). */
    public static final int MAX_SIZE = 100;

    public CommentQuery {
        size = Math.max(0, Math.min(size, MAX_SIZE));
    }
}
