package com.luckify.comment;

import java.util.Set;

/**
 * What a comment page shows one viewer beyond what everyone sees: the comments they liked, and whether they
 * have comments in review (which only they see). {@code likes} is null when there are too many to keep.
 */
record CommentViewer(Set<Long> likes, boolean hasPending) {

    /** Most viewers like a few comments; one who liked more than this reads pages straight from the database. */
    static final int MAX_KEPT_LIKES = 1_000;

    static final CommentViewer ANONYMOUS = new CommentViewer(Set.of(), false);

    /** Whether the page everyone sees, with this viewer's likes marked, is the page this viewer sees. */
    boolean seesSharedPages() {
        return likes != null && !hasPending;
    }
}
