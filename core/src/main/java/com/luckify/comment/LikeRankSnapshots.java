package com.luckify.comment;

import com.luckify.common.RedisOutage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The most-liked order as it was when a reader opened the list, kept in Redis for a while: paging through
 * a snapshot never repeats or skips a comment, however the likes change meanwhile. Only the first
 * {@link #SIZE} places are kept; a reader who gets that far continues by (likes, id) from the last one. A
 * lost snapshot (expired, Redis flushed) costs no page: the cursor carries the same (likes, id) fallback.
 *
 * <p>A snapshot is a nicety, not a need: while Redis does not answer none is kept or read (and Redis is not asked
 * on every page, see {@link RedisOutage}); pages then continue by (likes, id), as after a lost snapshot.
 */
@Component
class LikeRankSnapshots {

    static final int SIZE = 1000;
    private static final Duration KEEP = Duration.ofMinutes(30);
    private static final String PREFIX = "luckify:comment:likes-snapshot:";

    private final RedissonClient redisson;
    private final RedisOutage outage = new RedisOutage("comment ranking snapshots",
            "most-liked pages continue by (likes, id) without one");

    LikeRankSnapshots(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** The token of the snapshot kept, or empty when Redis could not keep it. */
    Optional<String> save(List<RankedComment> ranked) {
        if (outage.skipRedis()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        try {
            bucket(token).set(ranked.stream().map(r -> r.id() + ":" + r.praiseCount()).collect(Collectors.joining(",")),
                    KEEP);
        } catch (RedisException e) {
            outage.failed(e);
            return Optional.empty();
        }
        outage.answered();
        return Optional.of(token);
    }

    /** The snapshot, or empty when it is gone or Redis cannot be asked for it now. */
    Optional<List<RankedComment>> load(String token) {
        if (outage.skipRedis()) {
            return Optional.empty();
        }
        String stored;
        try {
            stored = bucket(token).get();
        } catch (RedisException e) {
            outage.failed(e);
            return Optional.empty();
        }
        outage.answered();
        if (stored == null) {
            return Optional.empty();
        }
        List<RankedComment> ranked = new ArrayList<>();
        for (String entry : stored.split(",")) {
            int colon = entry.indexOf(':');
            ranked.add(new RankedComment(Long.parseLong(entry.substring(0, colon)),
                    Integer.parseInt(entry.substring(colon + 1))));
        }
        return Optional.of(ranked);
    }

    private RBucket<String> bucket(String token) {
        return redisson.getBucket(PREFIX + token, StringCodec.INSTANCE);
    }
}
