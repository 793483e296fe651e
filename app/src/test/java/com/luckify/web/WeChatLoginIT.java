package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.WeChatStub;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code wxMiniAuth} against a local stand-in for WeChat's {@code jscode2session}. */
class WeChatLoginIT extends IntegrationTest {

    private final WeChatStub weChat = WeChatStub.instance();

    @Test
    void aNewOpenIdCreatesAWeChatOnlyUserWithoutAMobile() {
        String openId = "o-" + UUID.randomUUID();
        String code = registerCode(openId);

        Response response = wxLogin("{\"code\":\"" + code + "\"}");

        assertThat(response.code()).isEqualTo(200);
        String token = response.data().path("accessToken").asString();
        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(user.path("mobile").asString()).isEmpty();
        assertThat(user.path("nickName").asString()).isNotBlank();
        Integer mobileIsNull = jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE id = ? AND mobile IS NULL",
                Integer.class, user.path("id").asLong());
        assertThat(mobileIsNull).isEqualTo(1);
    }

    @Test
    void manyWeChatOnlyUsersCoexistTheOriginalBrokeOnTheSecond() {
        long first = userIdOf(wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}")
                .data().path("accessToken").asString());
        long second = userIdOf(wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}")
                .data().path("accessToken").asString());

        assertThat(first).isPositive();
        assertThat(second).isPositive().isNotEqualTo(first);
    }

    @Test
    void theSameOpenIdLogsIntoTheSameUser() {
        String openId = "o-" + UUID.randomUUID();
        long first = userIdOf(wxLogin("{\"code\":\"" + registerCode(openId) + "\"}").data().path("accessToken").asString());

        long again = userIdOf(wxLogin("{\"code\":\"" + registerCode(openId) + "\",\"iv\":\"\",\"encryptedData\":\"\"}")
                .data().path("accessToken").asString());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void theClientsNicknameAndAvatarAreUsedForANewUser() {
        String code = registerCode("o-" + UUID.randomUUID());

        String token = wxLogin("{\"code\":\"" + code + "\",\"nickname\":\"阿福\",\"avator\":\"https://img.example.com/f.png\"}")
                .data().path("accessToken").asString();

        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(user.path("nickName").asString()).isEqualTo("阿福");
        assertThat(user.path("avatar").asString()).isEqualTo("https://img.example.com/f.png");
    }

    @Test
    void theEncryptedProfileIsDecryptedWithTheSessionKey() throws Exception {
        byte[] sessionKey = new byte[16];
        new SecureRandom().nextBytes(sessionKey);
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        String code = "c-" + UUID.randomUUID();
        weChat.session(code, "o-" + UUID.randomUUID(), Base64.getEncoder().encodeToString(sessionKey));
        String profile = "{\"nickName\":\"微信昵称\",\"avatarUrl\":\"https://wx.example.com/a.jpg\",\"gender\":1}";

        String token = wxLogin("{\"code\":\"" + code + "\",\"iv\":\"" + Base64.getEncoder().encodeToString(iv)
                + "\",\"encryptedData\":\"" + encrypt(profile, sessionKey, iv) + "\"}").data().path("accessToken").asString();

        JsonNode user = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(user.path("nickName").asString()).isEqualTo("微信昵称");
        assertThat(user.path("avatar").asString()).isEqualTo("https://wx.example.com/a.jpg");
    }

    @Test
    void dataThatDoesNotDecryptIsRefusedWithItsOwnCode() {
        String code = registerCode("o-" + UUID.randomUUID());

        Response response = wxLogin("{\"code\":\"" + code + "\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\","
                + "\"encryptedData\":\"bm90IGVuY3J5cHRlZA==\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(200011);
    }

    @Test
    void weChatsRefusalOfTheCodeIsRefusedWithItsOwnCode() {
        weChat.error("used-code", 40163, "code been used");

        Response used = wxLogin("{\"code\":\"used-code\"}");
        Response unknown = wxLogin("{\"code\":\"never-issued\"}");

        assertThat(used.status()).isEqualTo(400);
        assertThat(used.code()).isEqualTo(200010);
        assertThat(used.msg()).isEqualTo("微信登录失败");
        assertThat(unknown.code()).isEqualTo(200010);
    }

    @Test
    void aHangingWeChatCostsALogInItsTimeoutsAndThenNotEvenThatUntilWeChatRecovers() throws Exception {
        try {
            // given WeChat stops answering, and more log-ins arrive at once than the client's 20 pooled connections
            weChat.logInOutage(WeChatStub.Outage.HANGING);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                codes.add(registerCode("o-" + UUID.randomUUID()));
            }
            Map<String, Long> millis = new ConcurrentHashMap<>();

            List<Response> answers = runConcurrently(codes.size(), codes, code -> {
                long start = System.nanoTime();
                Response response = wxLogin("{\"code\":\"" + code + "\"}");
                millis.put(code, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return response;
            });

            // then each is refused with the log-in code after the read timeout (1 s here) or the pool wait (0.5 s)
            assertThat(answers).extracting(Response::code).containsOnly(200010);
            assertThat(millis.values()).allSatisfy(ms -> assertThat(ms).isLessThan(3_000));
            // and the circuit has opened: the next log-in is refused at once, without calling WeChat
            int calls = weChat.logInCalls();
            long start = System.nanoTime();
            Response refused = wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}");
            assertThat(refused.code()).isEqualTo(200010);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
            assertThat(weChat.logInCalls()).isEqualTo(calls);

            // when WeChat answers again, log-ins work again once the circuit has stayed open for its second
            weChat.logInOutage(WeChatStub.Outage.NONE);
            awaitLogInsWork();
            assertThat(weChat.logInCalls()).isGreaterThan(calls);
        } finally {
            weChat.logInOutage(WeChatStub.Outage.NONE);
        }
    }

    @Test
    void weChatSystemErrorsOpenTheCircuitLikeSilence() throws Exception {
        try {
            weChat.logInOutage(WeChatStub.Outage.FAILING);
            for (int i = 0; i < 20; i++) {
                assertThat(wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}").code())
                        .isEqualTo(200010);
            }
            int calls = weChat.logInCalls();

            assertThat(wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}").code()).isEqualTo(200010);

            assertThat(weChat.logInCalls()).as("not called while the circuit is open").isEqualTo(calls);
            weChat.logInOutage(WeChatStub.Outage.NONE);
            awaitLogInsWork();
        } finally {
            weChat.logInOutage(WeChatStub.Outage.NONE);
        }
    }

    /** Log-ins succeed again within a few seconds (the test profile's circuit stays open for 1 s). */
    private void awaitLogInsWork() throws InterruptedException {
        LuckifyProcesses.await("WeChat log-ins work again", 10,
                () -> wxLogin("{\"code\":\"" + registerCode("o-" + UUID.randomUUID()) + "\"}").code() == 200);
    }

    @Test
    void aCodeIsRequired() {
        Response response = wxLogin("{\"iv\":\"x\"}");

        assertThat(response.code()).isEqualTo(100002);
        assertThat(response.msg()).isEqualTo("参数错误,field \"code\" is not set");
    }

    private String registerCode(String openId) {
        String code = "c-" + UUID.randomUUID();
        weChat.session(code, openId, Base64.getEncoder().encodeToString(new byte[16]));
        return code;
    }

    private Response wxLogin(String body) {
        return api.post("/usercenter/v1/user/wxMiniAuth", body);
    }

    private static String encrypt(String plain, byte[] key, byte[] iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
