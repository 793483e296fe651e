package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import com.luckify.support.WeChatStub.Outage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.JsonNode;

/**
 * bindMobile: a mobile counts as verified only when WeChat vouched for it through the phone-number button's code,
 * exchanged with (the local stand-in of) WeChat's getuserphonenumber; a refused or unanswered code binds nothing; a
 * verified mobile belongs to one account at most; a mobile another account merely typed at registration gives way.
 */
class MobileBindingIT extends IntegrationTest {

    private static final String BIND = "/usercenter/v1/user/bindMobile";

    private final WeChatStub weChat = WeChatStub.instance();

    @AfterEach
    void weChatAnswersAgain() {
        weChat.phoneOutage(Outage.NONE);
    }

    @Test
    void aValidCodeBindsTheNumberWeChatVerifiedAndItLogsIn() {
        String typed = freshMobile();
        String token = register(typed, "secret123").data().path("accessToken").asString();
        assertThat(api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo").path("isMobileVerified")
                .asInt()).as("a typed mobile is not verified").isZero();
        String verified = freshMobile();
        String code = phoneCode(verified);

        Response bound = api.post(BIND, "{\"code\":\"" + code + "\"}", token);

        assertThat(bound.code()).as("%s", bound).isEqualTo(200);
        assertThat(bound.data().path("mobile").asString()).isEqualTo(verified);
        assertThat(bound.data().path("verifiedAt").asLong()).isPositive();
        long userId = userIdOf(token);
        assertThat(row(userId)).containsEntry("mobile", verified).containsEntry("verified", true);
        JsonNode detail = api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo");
        assertThat(detail.path("mobile").asString()).isEqualTo(verified);
        assertThat(detail.path("isMobileVerified").asInt()).isEqualTo(1);
        assertThat(login(verified, "secret123").code()).as("the password logs in with the verified number").isEqualTo(200);
        assertThat(login(typed, "secret123").code()).as("the typed number is no longer the account's").isEqualTo(200009);
    }

    @Test
    void anUnknownExpiredOrUsedCodeBindsNothing() {
        String token = newUserToken();
        long userId = userIdOf(token);
        Map<String, Object> before = row(userId);
        String used = phoneCode(freshMobile());
        assertThat(api.post(BIND, "{\"code\":\"" + used + "\"}", newUserToken()).code()).isEqualTo(200);
        String expired = "phone-" + UUID.randomUUID();
        weChat.phoneError(expired, 40029, "invalid code");

        for (String code : new String[] {"never-issued-" + UUID.randomUUID(), expired, used}) {
            Response refused = api.post(BIND, "{\"code\":\"" + code + "\"}", token);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(200021);
            assertThat(refused.msg()).isEqualTo("手机号授权已失效，请重新授权");
        }
        assertThat(row(userId)).as("nothing bound").isEqualTo(before);
    }

    @Test
    void whileWeChatIsBusyOrSilentNothingIsBoundAndTheClientMayRetry() {
        String token = newUserToken();
        long userId = userIdOf(token);
        Map<String, Object> before = row(userId);
        String mobile = freshMobile();

        String busyCode = "phone-" + UUID.randomUUID();
        weChat.phoneError(busyCode, -1, "system error");
        Response busy = api.post(BIND, "{\"code\":\"" + busyCode + "\"}", token);
        String quotaCode = "phone-" + UUID.randomUUID();
        weChat.phoneError(quotaCode, 45011, "api minute-quota reach limit");
        Response quota = api.post(BIND, "{\"code\":\"" + quotaCode + "\"}", token);
        String code = phoneCode(mobile);
        weChat.phoneOutage(Outage.HANGING);
        long started = System.nanoTime();
        Response silent = api.post(BIND, "{\"code\":\"" + code + "\"}", token);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        weChat.phoneOutage(Outage.NONE);

        for (Response refused : new Response[] {busy, quota, silent}) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.code()).isEqualTo(200022);
            assertThat(refused.msg()).isEqualTo("微信手机号验证暂不可用，请稍后再试");
        }
        assertThat(waitedMillis).as("the read timeout (1 s in tests) bounds the wait").isLessThan(6_000);
        assertThat(row(userId)).as("nothing bound").isEqualTo(before);
        // once WeChat answers again, a new press of the button binds the number
        assertThat(api.post(BIND, "{\"code\":\"" + phoneCode(mobile) + "\"}", token).code()).isEqualTo(200);
        assertThat(row(userId)).containsEntry("mobile", mobile).containsEntry("verified", true);
    }

    @Test
    void aVerifiedMobileBelongsToOneAccountAtMost() {
        String mobile = freshMobile();
        String first = newUserToken();
        String second = newUserToken();
        assertThat(api.post(BIND, "{\"code\":\"" + phoneCode(mobile) + "\"}", first).code()).isEqualTo(200);
        Map<String, Object> secondBefore = row(userIdOf(second));

        Response refused = api.post(BIND, "{\"code\":\"" + phoneCode(mobile) + "\"}", second);

        assertThat(refused.code()).isEqualTo(200023);
        assertThat(refused.msg()).isEqualTo("该手机号已被其他账号绑定");
        assertThat(row(userIdOf(second))).isEqualTo(secondBefore);
        assertThat(register(mobile, "secret123").code()).as("nor can it be registered again").isEqualTo(200008);
        assertThat(api.post(BIND, "{\"code\":\"" + phoneCode(mobile) + "\"}", first).code())
                .as("binding it again to its own account is fine").isEqualTo(200);
        // the database itself keeps it to one account, whatever the code does
        assertThatThrownBy(() -> jdbc.update("UPDATE `user` SET mobile = ?, mobile_verified_at = UTC_TIMESTAMP(3) "
                + "WHERE id = ?", mobile, userIdOf(second))).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ?", Integer.class, mobile)).isOne();
    }

    @Test
    void ofTwelveAccountsBindingOneNumberAtOnceExactlyOneGetsIt() throws Exception {
        String mobile = freshMobile();
        List<String> tokens = bulkUserTokens(12);
        // each account pressed the button on its own phone: a code of its own for the same number
        Map<String, String> codes = new HashMap<>();
        tokens.forEach(token -> codes.put(token, phoneCode(mobile)));

        List<Response> answers = runConcurrently(12, tokens,
                token -> api.post(BIND, "{\"code\":\"" + codes.get(token) + "\"}", token));

        assertThat(answers).extracting(Response::code).containsOnly(200, 200023);
        assertThat(answers).filteredOn(answer -> answer.code() == 200).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ? AND mobile_verified_at IS NOT NULL",
                Integer.class, mobile)).isOne();
    }

    @Test
    void aNumberSomebodyTypedAtRegistrationGivesWayToItsVerifiedOwner() {
        String mobile = freshMobile();
        String squatter = register(mobile, "squat1234").data().path("accessToken").asString();
        long squatterId = userIdOf(squatter);
        String owner = newUserToken();

        Response bound = api.post(BIND, "{\"code\":\"" + phoneCode(mobile) + "\"}", owner);

        assertThat(bound.code()).as("%s", bound).isEqualTo(200);
        assertThat(row(userIdOf(owner))).containsEntry("mobile", mobile).containsEntry("verified", true);
        assertThat(row(squatterId)).containsEntry("mobile", null).containsEntry("verified", false);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_auth WHERE user_id = ? AND auth_type = 'system'",
                Integer.class, squatterId)).as("the squatter's password log-in by the number is gone").isZero();
        assertThat(login(mobile, "squat1234").code()).as("the squatter no longer logs in with it").isEqualTo(200009);
        assertThat(api.post("/usercenter/v1/user/detail", "{}", squatter).code())
                .as("the squatting account itself stays").isEqualTo(200);
        assertThat(register(mobile, "another1").code()).isEqualTo(200008);
    }

    @Test
    void aBodyWithoutACodeIsAParameterError() {
        Response response = api.post(BIND, "{}", newUserToken());

        assertThat(response.code()).isEqualTo(100002);
        assertThat(response.msg()).isEqualTo("参数错误,field \"code\" is not set");
    }

    private String phoneCode(String mobile) {
        String code = "phone-" + UUID.randomUUID();
        weChat.phoneNumber(code, "86", mobile);
        return code;
    }

    private Response login(String mobile, String password) {
        return api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile + "\",\"password\":\"" + password + "\"}");
    }

    /** The user's mobile and whether it is verified. */
    private Map<String, Object> row(long userId) {
        return jdbc.queryForObject("SELECT mobile, mobile_verified_at IS NOT NULL FROM `user` WHERE id = ?", (rs, n) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("mobile", rs.getString(1));
            row.put("verified", rs.getBoolean(2));
            return row;
        }, userId);
    }
}
