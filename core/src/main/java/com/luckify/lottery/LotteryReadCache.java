package com.luckify.lottery;

import com.luckify.common.SharedReadCache;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What every visitor reads (the public list, a lottery's unchanging parts), cached in each process and
 * dropped everywhere on any change that a reader could notice. Its entries weigh at most
 * {@code luckify.lottery.cache.max-bytes} together, whatever cursors clients send.
 */
@Component
class LotteryReadCache extends SharedReadCache {

    /** {@code watchInterval}: {@code luckify.lottery.cache-watch}, see {@link SharedReadCache}. */
    LotteryReadCache(RedissonClient redisson, @Value("${luckify.lottery.cache-watch:1s}") Duration watchInterval,
            @Value("${luckify.lottery.cache.max-bytes:32MB}") DataSize maxBytes) {
        super(redisson, "lottery", watchInterval, maxBytes);
    }
}
