package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.BusinessException;
import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.RateLimit;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Budgets live in Redis and answer at once: HTTP 429 with 100010, never a hang. */
class RateLimitIT extends IntegrationTest {

    @Autowired
    RateLimiter limiter;

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
