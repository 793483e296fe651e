package com.luckify.user;

import com.luckify.common.SharedReadCache;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The token versions each process has read: every authenticated request asks for one, so it must not cost a
 * query. Revocations are rare; each ends the whole cache in every process.
 */
@Component
class TokenVersionCache extends SharedReadCache {

    TokenVersionCache(RedissonClient redisson, @Value("${luckify.jwt.version-cache-watch:1s}") Duration watchInterval,
            @Value("${luckify.jwt.version-cache.max-bytes:16MB}") DataSize maxBytes) {
        super(redisson, "token-version", watchInterval, maxBytes);
    }
}
