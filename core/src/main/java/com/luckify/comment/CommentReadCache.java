package com.luckify.comment;

import com.luckify.common.AfterCommit;
import com.luckify.common.SharedReadCache;
import com.luckify.user.PublicProfileChanged;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Comment pages as everyone sees them, and each viewer's likes and whether they have comments in review,
 * cached in each process. Any change to a comment, a like or an author's public profile drops them everywhere.
 * Its entries weigh at most {@code luckify.comment.cache.max-bytes} together, whatever cursors clients send.
 */
@Component
class CommentReadCache extends SharedReadCache {

    /** {@code watchInterval}: {@code luckify.comment.cache-watch}, see {@link SharedReadCache}. */
    CommentReadCache(RedissonClient redisson, @Value("${luckify.comment.cache-watch:1s}") Duration watchInterval,
            @Value("${luckify.comment.cache.max-bytes:32MB}") DataSize maxBytes) {
        super(redisson, "comment", watchInterval, maxBytes);
    }

    /** Pages show each author's nickname and avatar. */
    @EventListener
    void profileChanged(PublicProfileChanged event) {
        AfterCommit.run(this::invalidate);
    }
}
