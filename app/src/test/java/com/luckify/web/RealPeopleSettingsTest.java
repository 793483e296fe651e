package com.luckify.web;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.util.UUID;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as production should run it once real people are required (luckify.user.real-people.*): a verified
 * mobile for instant win and lottery creation, a verified mobile or a WeChat identity for prize claims, registration
 * only with WeChat's phone-number code; behind a trusted proxy (X-Forwarded-For from loopback) with a small registration
 * budget per address, so the /64 budget shows. One Spring context of its own, shared by the classes extending this.
 */
@TestPropertySource(properties = {
        "luckify.user.real-people.instant-win=verified-mobile",
        "luckify.user.real-people.prize-claim=verified-mobile-or-wechat",
        "luckify.user.real-people.lottery-creation=verified-mobile",
        "luckify.user.real-people.registration=phone-code",
        "server.forward-headers-strategy=native",
        "luckify.api.rate-limit.auth-per-ip=" + RealPeopleSettingsTest.REGISTRATIONS_PER_ADDRESS})
abstract class RealPeopleSettingsTest extends IntegrationTest {

    static final int REGISTRATIONS_PER_ADDRESS = 5;

    protected final WeChatStub weChat = WeChatStub.instance();

    /** A phone-number button code WeChat answers (once) with this mainland number. */
    protected String phoneCode(String mobile) {
        String code = "phone-" + UUID.randomUUID();
        weChat.phoneNumber(code, "86", mobile);
        return code;
    }

    /** Binds a fresh verified mobile to the user of {@code token}; returns the mobile. */
    protected String bindFreshMobile(String token) {
        String mobile = freshMobile();
        Response bound = api.post("/usercenter/v1/user/bindMobile", "{\"code\":\"" + phoneCode(mobile) + "\"}", token);
        if (bound.code() != 200) {
            throw new AssertionError("bindMobile failed: " + bound);
        }
        return mobile;
    }

    /** A user with a verified mobile. */
    protected String verifiedUser() {
        String token = bulkUserTokens(1).get(0);
        bindFreshMobile(token);
        return token;
    }

    /** A user who logged in with WeChat once (an openid) and has no verified mobile. */
    protected String weChatOnlyUser() {
        String token = bulkUserTokens(1).get(0);
        jdbc.update("INSERT INTO user_auth (user_id, auth_type, auth_key) VALUES (?, 'wxMini', ?)", userIdOf(token),
                "o-stub-" + UUID.randomUUID());
        return token;
    }

    protected Response registerWithCode(String code, String password) {
        return api.post("/usercenter/v1/user/register", "{\"code\":\"" + code + "\",\"password\":\"" + password + "\"}");
    }
}
