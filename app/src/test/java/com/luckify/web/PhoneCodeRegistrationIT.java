package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.WeChatStub.Outage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * luckify.user.real-people.registration=phone-code: registration needs WeChat's phone-number code, and the account
 * gets the number WeChat verified (a typed one is not used); without a valid code nobody is registered.
 */
class PhoneCodeRegistrationIT extends RealPeopleSettingsTest {

    private static final String REGISTER = "/usercenter/v1/user/register";

    @AfterEach
    void weChatAnswersAgain() {
        weChat.phoneOutage(Outage.NONE);
    }

    @Test
    void aTypedMobileAloneRegistersNobody() {
        String mobile = freshMobile();

        Response refused = register(mobile, "secret123");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(200028);
        assertThat(refused.msg()).isEqualTo("注册需要先通过微信验证手机号");
        assertThat(accountsWith(mobile)).isZero();
    }

    @Test
    void theAccountGetsTheNumberWeChatVerifiedNotTheTypedOne() {
        String typed = freshMobile();
        String verified = freshMobile();

        Response registered = api.post(REGISTER, "{\"mobile\":\"" + typed + "\",\"password\":\"secret123\",\"code\":\""
                + phoneCode(verified) + "\"}");

        assertThat(registered.code()).as("%s", registered).isEqualTo(200);
        long userId = userIdOf(registered.data().path("accessToken").asString());
        assertThat(jdbc.queryForObject("SELECT mobile FROM `user` WHERE id = ? AND mobile_verified_at IS NOT NULL",
                String.class, userId)).isEqualTo(verified);
        assertThat(accountsWith(typed)).isZero();
        assertThat(api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + verified + "\",\"password\":\"secret123\"}")
                .code()).isEqualTo(200);
    }

    @Test
    void withoutAValidCodeOrWhileWeChatIsBusyNobodyIsRegistered() {
        String mobile = freshMobile();
        String busy = "phone-" + UUID.randomUUID();
        weChat.phoneError(busy, -1, "system error");

        Response invalid = registerWithCode("never-issued-" + UUID.randomUUID(), "secret123");
        Response busyAnswer = registerWithCode(busy, "secret123");
        String code = phoneCode(mobile);
        weChat.phoneOutage(Outage.FAILING);
        Response failing = registerWithCode(code, "secret123");
        weChat.phoneOutage(Outage.NONE);

        assertThat(invalid.code()).isEqualTo(200021);
        assertThat(busyAnswer.status()).isEqualTo(503);
        assertThat(busyAnswer.code()).isEqualTo(200022);
        assertThat(failing.code()).isEqualTo(200022);
        assertThat(accountsWith(mobile)).isZero();
        assertThat(registerWithCode(code, "secret123").code()).as("the unused code works once WeChat is back")
                .isEqualTo(200);
        assertThat(accountsWith(mobile)).isOne();
    }

    @Test
    void aNumberTypedBeforeGivesWayAndAVerifiedOneIsRegisteredOnce() {
        String mobile = freshMobile();
        // an account that typed the number while registration was open
        jdbc.update("INSERT INTO `user` (mobile, nickname) VALUES (?, 'squatter')", mobile);
        long squatterId = jdbc.queryForObject("SELECT id FROM `user` WHERE mobile = ?", Long.class, mobile);
        jdbc.update("INSERT INTO user_auth (user_id, auth_type, auth_key) VALUES (?, 'system', ?)", squatterId, mobile);

        Response registered = registerWithCode(phoneCode(mobile), "secret123");
        Response again = registerWithCode(phoneCode(mobile), "secret456");

        assertThat(registered.code()).as("%s", registered).isEqualTo(200);
        assertThat(userIdOf(registered.data().path("accessToken").asString())).isNotEqualTo(squatterId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE id = ? AND mobile IS NULL", Integer.class,
                squatterId)).as("the squatter lost the number").isOne();
        assertThat(again.code()).as("a verified number is registered once").isEqualTo(200008);
        assertThat(accountsWith(mobile)).isOne();
    }

    private int accountsWith(String mobile) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ?", Integer.class, mobile);
    }
}
