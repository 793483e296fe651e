package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserApiIT extends IntegrationTest {

    @Test
    void registerGivesATokenWithTheOriginalsLifetimes() {
        // when
        Response response = register(freshMobile(), "secret123");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.msg()).isEqualTo("OK");
        assertThat(response.data().path("accessToken").asString()).isNotBlank();
        assertThat(response.data().path("accessExpire").asLong()).isEqualTo(604800);
        assertThat(response.data().path("refreshAfter").asLong()).isEqualTo(302400);
    }

    @Test
    void aMobileRegistersOnlyOnce() {
        String mobile = freshMobile();
        register(mobile, "secret123");

        Response again = register(mobile, "other-password");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(200008);
        assertThat(again.msg()).isEqualTo("用户已注册");
        assertThat(again.json().has("data")).isFalse();
    }

    @Test
    void concurrentRegistrationsOfOneMobileCreateExactlyOneUser() throws Exception {
        String mobile = freshMobile();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            codes.add(pool.submit(() -> {
                start.await();
                return register(mobile, "secret123").code();
            }));
        }

        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> code : codes) {
            results.add(code.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn(code -> code == 200).hasSize(1);
        assertThat(results).filteredOn(code -> code != 200).containsOnly(200008);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ?", Integer.class, mobile)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_auth WHERE auth_key = ?", Integer.class, mobile)).isEqualTo(1);
    }

    @Test
    void loginChecksThePasswordAndNeverTellsWhichPartWasWrong() {
        String mobile = freshMobile();
        register(mobile, "secret123");

        Response ok = login(mobile, "secret123");
        Response wrongPassword = login(mobile, "secret124");
        Response noSuchUser = login(freshMobile(), "secret123");

        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.data().path("accessToken").asString()).isNotBlank();
        assertThat(wrongPassword.code()).isEqualTo(200009);
        assertThat(noSuchUser.code()).isEqualTo(200009);
        assertThat(noSuchUser.msg()).isEqualTo(wrongPassword.msg());
    }

    @Test
    void passwordsAreStoredWithBcrypt() {
        String mobile = freshMobile();
        register(mobile, "secret123");

        String stored = jdbc.queryForObject("SELECT password FROM `user` WHERE mobile = ?", String.class, mobile);

        assertThat(stored).startsWith("$2a$").doesNotContain("secret123");
    }

    @Test
    void aLegacyMd5PasswordWorksOnceAndIsReHashed() throws Exception {
        // given a user imported from the Go system with an unsalted MD5 hash
        String mobile = freshMobile();
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("legacy-pw".getBytes(StandardCharsets.UTF_8)));
        jdbc.update("INSERT INTO `user` (mobile, password, nickname) VALUES (?, ?, 'legacy')", mobile, md5);

        // when
        Response first = login(mobile, "legacy-pw");

        // then it logs in, the hash is BCrypt from now on, and the same password keeps working
        assertThat(first.code()).isEqualTo(200);
        String stored = jdbc.queryForObject("SELECT password FROM `user` WHERE mobile = ?", String.class, mobile);
        assertThat(stored).startsWith("$2a$");
        assertThat(login(mobile, "legacy-pw").code()).isEqualTo(200);
        assertThat(login(mobile, "wrong-pw").code()).isEqualTo(200009);
    }

    @Test
    void detailShowsTheCallersProfile() {
        String mobile = freshMobile();
        String token = register(mobile, "secret123").data().path("accessToken").asString();

        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");

        assertThat(user.path("id").asLong()).isPositive();
        assertThat(user.path("mobile").asString()).isEqualTo(mobile);
        assertThat(user.path("nickName").asString()).hasSize(8);
        assertThat(user.has("avatar")).isTrue();
        assertThat(user.path("isAdmin").asInt()).isZero();
    }

    @Test
    void updatePersistsAvatarSexAndLocationThatTheOriginalLost() {
        String token = newUserToken();

        Response update = api.put("/usercenter/v1/user/update", """
                {"nickname":"小明","sex":"1","avator":"https://cdn.example.com/a.png","info":"hi",
                 "signature":"好运","locationName":"上海","longitude":121.47,"latitude":31.23}""", token);

        assertThat(update.code()).isEqualTo(200);
        assertThat(update.data().isObject()).isTrue();
        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(user.path("nickName").asString()).isEqualTo("小明");
        assertThat(user.path("sex").asInt()).isEqualTo(1);
        assertThat(user.path("avatar").asString()).isEqualTo("https://cdn.example.com/a.png");
        assertThat(user.path("signature").asString()).isEqualTo("好运");
        assertThat(user.path("locationName").asString()).isEqualTo("上海");
        assertThat(user.path("longitude").asDouble()).isEqualTo(121.47);
        assertThat(user.path("latitude").asDouble()).isEqualTo(31.23);
    }

    @Test
    void updateKeepsAbsentFieldsClearsEmptyOnesAndAcceptsANumericSex() {
        String token = newUserToken();
        api.put("/usercenter/v1/user/update", "{\"info\":\"about me\",\"signature\":\"sig\",\"sex\":\"1\"}", token);

        api.put("/usercenter/v1/user/update", "{\"info\":\"\",\"nickname\":\"\",\"sex\":0}", token);

        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(user.path("info").asString()).isEmpty();
        assertThat(user.path("signature").asString()).isEqualTo("sig");
        assertThat(user.path("nickName").asString()).isNotEmpty();
        assertThat(user.path("sex").asInt()).isZero();
    }

    @Test
    void updateRefusesOutOfRangeValuesNamingTheField() {
        String token = newUserToken();

        Response badSex = api.put("/usercenter/v1/user/update", "{\"sex\":\"7\"}", token);
        Response longNickname = api.put("/usercenter/v1/user/update", "{\"nickname\":\"" + "名".repeat(51) + "\"}", token);
        Response badLatitude = api.put("/usercenter/v1/user/update", "{\"latitude\":91}", token);

        assertThat(badSex.status()).isEqualTo(400);
        assertThat(badSex.code()).isEqualTo(100002);
        assertThat(badSex.msg()).contains("\"sex\"");
        assertThat(longNickname.msg()).contains("\"nickname\"").contains("max 50");
        assertThat(badLatitude.msg()).contains("\"latitude\"");
    }

    @Test
    void registerValidatesMobileAndPassword() {
        Response badMobile = register("12345", "secret123");
        Response shortPassword = register(freshMobile(), "123");
        Response missing = api.post("/usercenter/v1/user/register", "{\"mobile\":\"" + freshMobile() + "\"}");

        assertThat(badMobile.code()).isEqualTo(100002);
        assertThat(badMobile.msg()).startsWith("参数错误,").contains("\"mobile\"");
        assertThat(shortPassword.msg()).contains("\"password\"");
        assertThat(missing.msg()).isEqualTo("参数错误,field \"password\" is not set");
    }

    @Test
    void refreshTokenGivesAFreshTokenForTheSameUser() {
        String token = newUserToken();
        long userId = userIdOf(token);
        // from its refreshAfter on (half of its seven days)
        clock.set(Instant.now().plus(Duration.ofDays(4)));

        Response refreshed = api.post("/usercenter/v1/user/refreshToken", "{}", token);

        assertThat(refreshed.code()).isEqualTo(200);
        String newToken = refreshed.data().path("accessToken").asString();
        assertThat(userIdOf(newToken)).isEqualTo(userId);
    }

    @Test
    void aBareTokenWithoutTheBearerPrefixIsAcceptedAsGoZeroDid() {
        String token = newUserToken();

        Response bare = api.send("POST", "/usercenter/v1/user/detail", "{}", "application/json", token);

        assertThat(bare.code()).isEqualTo(200);
        assertThat(bare.data().path("userInfo").path("id").asLong()).isPositive();
    }

    private Response login(String mobile, String password) {
        return api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile + "\",\"password\":\"" + password + "\"}");
    }
}
