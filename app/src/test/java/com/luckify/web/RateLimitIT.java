package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Budgets live in Redis and answer at once: HTTP 429 with 100010, never a hang. */
class RateLimitIT extends IntegrationTest {

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
