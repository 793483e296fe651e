package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.BusinessException;
import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.Charge;
import com.luckify.common.RateLimiter.Permit;
import com.luckify.common.RateLimiter.RateLimit;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

/** Budgets live in Redis and answer at once: HTTP 429 with 100010, never a hang. */
class RateLimitIT extends IntegrationTest {

    @Autowired
    RateLimiter limiter;

    @Autowired
    RedissonClient redisson;

    @Test
    void aSpentBudgetComesBackOnePermitPerShareOfItsInterval() throws Exception {
        RateLimit threeIn3s = new RateLimit("test", 3, Duration.ofSeconds(3));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threeIn3s, key);
        }

        assertThat(refused(threeIn3s, key)).isTrue();
        assertThat(refused(threeIn3s, "another-" + key)).as("another key has its own budget").isFalse();
        Thread.sleep(1_200);
        assertThat(refused(threeIn3s, key)).as("a third of the interval later, one permit is back").isFalse();
        assertThat(refused(threeIn3s, key)).as("and only one").isTrue();
        long started = System.nanoTime();
        assertThat(limiter.awaitPermit(threeIn3s, key, Duration.ofSeconds(3))).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited for the next permit").isBetween(300L, 1_300L);
        assertThat(limiter.awaitPermit(threeIn3s, key, Duration.ofMillis(200))).as("none within 200 ms").isFalse();
    }

    @Test
    void aBatchsPermitsAreChargedTogetherInOrderAndEachOnlyOnce() {
        RateLimit twoPerMinute = new RateLimit("test-batch", 2, Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        Charge charge = new Charge(twoPerMinute, key);
        Permit first = limiter.defer(List.of(charge));
        Permit second = limiter.defer(List.of(charge));
        Permit third = limiter.defer(List.of(charge, new Charge(twoPerMinute, "other-" + key)));
        Permit other = limiter.defer(List.of(new Charge(twoPerMinute, "other-" + key)));
        assertThat(redisson.getKeys().getKeysStreamByPattern("*" + key).count()).as("nothing charged yet").isZero();

        limiter.settle(List.of(first, second, third, other));

        assertThat(List.of(first.refused(), second.refused(), third.refused(), other.refused()))
                .as("the key's two permits go to the first two; the other key has one left after the third")
                .containsExactly(false, false, true, false);
        limiter.settle(List.of(first, second, third, other));
        assertThat(first.refused()).as("a settled permit is not charged again").isFalse();
        assertThat(refused(twoPerMinute, "other-" + key)).as("the other key's two permits are spent").isTrue();

        String alone = UUID.randomUUID().toString();
        Permit asked = limiter.defer(List.of(new Charge(twoPerMinute, alone)));
        assertThat(asked.refused()).isFalse();
        assertThat(asked.refused()).isFalse();
        assertThat(refused(twoPerMinute, alone)).as("asked twice, charged once: one permit left").isFalse();
        assertThat(refused(twoPerMinute, alone)).isTrue();
    }

    @Test
    void aBudgetRedisCannotKeepLetsRequestsThroughUntilRedisAnswersAgain() throws Exception {
        RateLimit onePerMinute = new RateLimit("test-broken", 1, Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        // the bucket made a list: the budget's script fails (WRONGTYPE) as it fails while Redis is away
        String bucket = "luckify:{rate-budget}:test-broken:1/60000ms:" + key;
        redisson.getList(bucket, StringCodec.INSTANCE).add("fault");
        try {
            assertThat(refused(onePerMinute, key)).isFalse();
            assertThat(refused(onePerMinute, key)).as("unmetered, Redis is not even asked").isFalse();
        } finally {
            redisson.getKeys().delete(bucket);
        }

        // Redis is asked again a second after the failure, and the budget holds again
        Thread.sleep(1_100);
        assertThat(refused(onePerMinute, key)).isFalse();
        assertThat(refused(onePerMinute, key)).isTrue();
    }

    private boolean refused(RateLimit limit, String key) {
        try {
            limiter.acquire(limit, key);
            return false;
        } catch (BusinessException e) {
            return true;
        }
    }

    @Test
    void repeatedLoginAttemptsOnOneAccountAreCutOff() {
        String mobile = freshMobile();
        register(mobile, "secret123");
        List<Integer> codes = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            codes.add(api.post("/usercenter/v1/user/login",
                    "{\"mobile\":\"" + mobile + "\",\"password\":\"guess" + i + "xx\"}").code());
        }

        // registering took one permit of the account's ten
        assertThat(codes.subList(0, 9)).containsOnly(200009);
        assertThat(codes.subList(9, 12)).containsOnly(100010);
        Response limited = api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile + "\",\"password\":\"secret123\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.msg()).isEqualTo("请求过于频繁，请稍后再试");
    }

    @Test
    void uploadsArePerUserBudgeted() {
        String token = newUserToken();
        String other = newUserToken();
        String body = UploadApiIT.json("p", ".png", UploadApiIT.PNG);

        int accepted = 0;
        Response last = null;
        for (int i = 0; i < 21; i++) {
            last = api.post("/upload/v1/upload/add", body, token);
            if (last.code() == 200) {
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(20);
        assertThat(last.code()).isEqualTo(100010);
        assertThat(api.post("/upload/v1/upload/add", body, other).code()).isEqualTo(200);
    }
}
