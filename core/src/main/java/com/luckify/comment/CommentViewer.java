package com.luckify.comment;

import java.util.Arrays;
import java.util.List;

/**
 * What a comment page shows one viewer beyond what everyone sees: the comments they liked (sorted ids, null
 * when there are too many to keep), and whether they have comments in review, which only they see.
 */
record CommentViewer(long[] likes, boolean hasPending) {

    /**
     * Most viewers like a few comments; one who liked more reads pages straight from the database. It also
     * bounds the cache: 20,000 viewers at most, each 1.6 KB at most.
     */
    static final int MAX_KEPT_LIKES = 200;

    static final CommentViewer ANONYMOUS = new CommentViewer(new long[0], false);

    static CommentViewer of(List<Long> likes, boolean hasPending) {
        return new CommentViewer(likes.size() > MAX_KEPT_LIKES ? null
                : likes.stream().mapToLong(Long::longValue).sorted().toArray(), hasPending);
    }

    /** Whether the page everyone sees, with this viewer's likes marked, is the page this viewer sees. */
    boolean seesSharedPages() {
        return likes != null && !hasPending;
    }

    boolean likedNone() {
        return likes.length == 0;
    }

    boolean liked(long commentId) {
        return Arrays.binarySearch(likes, commentId) >= 0;
    }
}
