package com.luckify.wechat;

import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's access token, one for all processes: kept in Redis with WeChat's expiry as its time to live, and fetched
 * by one process at a time under a Redis lock (WxJava takes {@link #getAccessTokenLock()} and looks at the token
 * again before it fetches), so replicas neither spend WeChat's daily fetch quota one by one nor replace each other's
 * token. It is fetched from the stable-token API, which hands every caller the same token while it is valid: a
 * process that cannot reach Redis fetches and keeps a copy of its own without invalidating anyone's.
 */
final class SharedAccessToken extends WxMaDefaultConfigImpl {

    private static final Logger log = LoggerFactory.getLogger(SharedAccessToken.class);

    static final String KEY_PREFIX = "luckify:wechat:access-token:";

    /** Given up this long before WeChat's expiry (as WxJava's own in-memory configuration does). */
    private static final int EXPIRY_MARGIN_SECONDS = 200;

    private final RBucket<String> shared;
    private final RedisLock refresh;

    // used only while Redis does not answer
    private volatile String ownToken;
    private volatile long ownExpiresAtMillis;

    /** {@code refreshLease}: the longest a fetch of the token can take; a lock held longer lapses. */
    SharedAccessToken(RedissonClient redisson, String appId, Duration refreshLease) {
        String key = KEY_PREFIX + Objects.toString(appId, "");
        this.shared = redisson.getBucket(key, StringCodec.INSTANCE);
        this.refresh = new RedisLock(redisson.getLock(key + ":refresh"), refreshLease);
        setAppid(appId);
        useStableAccessToken(true);
    }

    @Override
    public String getAccessToken() {
        try {
            String token = shared.get();
            if (token != null) {
                return token;
            }
        } catch (RedisException e) {
            log.debug("WeChat access token not read from Redis: {}", e.toString());
        }
        return ownToken;
    }

    @Override
    public boolean isAccessTokenExpired() {
        try {
            // -2: no such key, -1: no expiry (never written so); the token's value is read separately, a moment later
            return shared.remainTimeToLive() < 1_000;
        } catch (RedisException e) {
            return ownToken == null || System.currentTimeMillis() >= ownExpiresAtMillis;
        }
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        int seconds = expiresInSeconds > 2 * EXPIRY_MARGIN_SECONDS ? expiresInSeconds - EXPIRY_MARGIN_SECONDS
                : Math.max(1, expiresInSeconds / 2);
        ownToken = accessToken;
        ownExpiresAtMillis = System.currentTimeMillis() + seconds * 1_000L;
        try {
            shared.set(accessToken, Duration.ofSeconds(seconds));
        } catch (RedisException e) {
            log.warn("WeChat access token kept in this process only, Redis did not take it: {}", e.toString());
        }
    }

    @Override
    public void expireAccessToken() {
        ownToken = null;
        try {
            shared.delete();
        } catch (RedisException e) {
            log.debug("WeChat access token not expired in Redis: {}", e.toString());
        }
    }

    @Override
    public long getExpiresTime() {
        try {
            long ttl = shared.remainTimeToLive();
            return ttl > 0 ? System.currentTimeMillis() + ttl : 0;
        } catch (RedisException e) {
            return ownExpiresAtMillis;
        }
    }

    @Override
    public Lock getAccessTokenLock() {
        return refresh;
    }

    /**
     * The Redis lock with a lease, so a process that dies or stalls while fetching cannot keep the others waiting;
     * while Redis does not answer, a lock of this process's own (each process then fetches once, which the stable
     * token allows). WxJava only ever calls tryLock with a wait, lock and unlock.
     */
    private static final class RedisLock implements Lock {

        private final RLock redis;
        private final long leaseMillis;
        private final ReentrantLock local = new ReentrantLock();

        RedisLock(RLock redis, Duration lease) {
            this.redis = redis;
            this.leaseMillis = lease.toMillis();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            try {
                return redis.tryLock(unit.toMillis(time), leaseMillis, TimeUnit.MILLISECONDS);
            } catch (RedisException e) {
                return local.tryLock(time, unit);
            }
        }

        @Override
        public void lock() {
            try {
                redis.lock(leaseMillis, TimeUnit.MILLISECONDS);
            } catch (RedisException e) {
                local.lock();
            }
        }

        @Override
        public void unlock() {
            if (local.isHeldByCurrentThread()) {
                local.unlock();
                return;
            }
            try {
                redis.unlock();
            } catch (IllegalMonitorStateException | RedisException e) {
                // the lease ran out first (another process may hold it now) or Redis went away: nothing to give back
                log.debug("WeChat token lock not released: {}", e.toString());
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            try {
                redis.lockInterruptibly(leaseMillis, TimeUnit.MILLISECONDS);
            } catch (RedisException e) {
                local.lockInterruptibly();
            }
        }

        @Override
        public boolean tryLock() {
            try {
                return redis.tryLock(0, leaseMillis, TimeUnit.MILLISECONDS);
            } catch (RedisException e) {
                return local.tryLock();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("no conditions on a distributed lock");
        }
    }
}
