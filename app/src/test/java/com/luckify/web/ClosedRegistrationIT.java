package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * luckify.user.real-people.registration=off: nobody registers by mobile and password, with or without a phone code
 * (which is then not even exchanged); WeChat log-in still makes accounts. A Spring context of its own.
 */
@TestPropertySource(properties = "luckify.user.real-people.registration=off")
// a Spring context of its own (its properties): closed after the class, so its pool does not stay open
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClosedRegistrationIT extends IntegrationTest {

    private final WeChatStub weChat = WeChatStub.instance();

    @Test
    void registrationIsRefusedAndWeChatLogInStillWorks() {
        String mobile = freshMobile();
        String code = "phone-" + UUID.randomUUID();
        weChat.phoneNumber(code, "86", mobile);
        int exchanges = weChat.phoneCalls();

        Response typed = register(mobile, "secret123");
        Response withCode = api.post("/usercenter/v1/user/register",
                "{\"code\":\"" + code + "\",\"password\":\"secret123\"}");

        for (Response refused : new Response[] {typed, withCode}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(200027);
            assertThat(refused.msg()).isEqualTo("暂不开放手机号注册，请使用微信登录");
        }
        assertThat(weChat.phoneCalls()).as("the code was not exchanged").isEqualTo(exchanges);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ?", Integer.class, mobile)).isZero();

        String logInCode = "login-" + UUID.randomUUID();
        weChat.session(logInCode, "o-closed-" + UUID.randomUUID(), Base64.getEncoder().encodeToString(new byte[16]));
        Response loggedIn = api.post("/usercenter/v1/user/wxMiniAuth", "{\"code\":\"" + logInCode + "\"}");
        assertThat(loggedIn.code()).as("%s", loggedIn).isEqualTo(200);
    }
}
