package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminTest;
import com.luckify.support.LuckifyProcesses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Tokens can be killed: "log out everywhere", a password change and a ban from the console end every token of the
 * user on its next request, and a refresh keeps a session going only from its refresh time on and for at most 30
 * days after the log-in.
 */
class TokenRevocationIT extends AdminTest {

    private static final String DETAIL = "/usercenter/v1/user/detail";
    private static final String REFRESH = "/usercenter/v1/user/refreshToken";

    @Test
    void loggingOutEverywhereKillsEveryTokenOfTheUserAtOnce() {
        String mobile = freshMobile();
        String phone = register(mobile, "secret123").data().path("accessToken").asString();
        String tablet = login(mobile).data().path("accessToken").asString();
        String someoneElse = newUserToken();
        assertThat(api.post(DETAIL, "{}", tablet).code()).isEqualTo(200);

        assertThat(api.post("/usercenter/v1/user/logoutAll", "{}", phone).code()).isEqualTo(200);

        for (String dead : new String[] {phone, tablet}) {
            Response refused = api.post(DETAIL, "{}", dead);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo(100003);
            assertThat(api.post(REFRESH, "{}", dead).status()).as("nor can it be refreshed").isEqualTo(401);
        }
        assertThat(api.post(DETAIL, "{}", someoneElse).code()).as("other users keep theirs").isEqualTo(200);
        String again = login(mobile).data().path("accessToken").asString();
        assertThat(api.post(DETAIL, "{}", again).code()).as("a new log-in works").isEqualTo(200);
    }

    @Test
    void aRevocationMadeByAnotherProcessIsSeenWithinItsPoll() throws Exception {
        String token = newUserToken();
        assertThat(api.post(DETAIL, "{}", token).code()).isEqualTo(200);

        // another replica's "log out everywhere" is a raised version in MySQL, and this process hears of it by polling
        jdbc.update("UPDATE `user` SET token_version = token_version + 1, tokens_revoked_at = UTC_TIMESTAMP(3) "
                + "WHERE id = ?", userIdInToken(token));

        LuckifyProcesses.await("the token refused", 3, () -> api.post(DETAIL, "{}", token).status() == 401);
        assertThat(api.post(DETAIL, "{}", token).code()).isEqualTo(100003);
    }

    @Test
    void aPasswordChangeKillsEveryOtherTokenAndKeepsTheCallerLoggedIn() {
        String mobile = freshMobile();
        String phone = register(mobile, "secret123").data().path("accessToken").asString();
        String stolen = login(mobile).data().path("accessToken").asString();
        String change = "/usercenter/v1/user/changePassword";

        assertThat(api.post(change, "{\"oldPassword\":\"guess123\",\"newPassword\":\"newsecret9\"}", stolen).code())
                .as("the current password is needed").isEqualTo(200009);
        assertThat(api.post(DETAIL, "{}", stolen).code()).as("a wrong guess changes nothing").isEqualTo(200);
        Response changed = api.post(change, "{\"oldPassword\":\"secret123\",\"newPassword\":\"newsecret9\"}", phone);
        assertThat(changed.code()).as("%s", changed).isEqualTo(200);

        for (String dead : new String[] {phone, stolen}) {
            assertThat(api.post(DETAIL, "{}", dead).status()).isEqualTo(401);
        }
        assertThat(api.post(DETAIL, "{}", changed.data().path("accessToken").asString()).code())
                .as("the caller's fresh token works").isEqualTo(200);
        assertThat(login(mobile).code()).as("the old password is gone").isEqualTo(200009);
        assertThat(api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile + "\",\"password\":\"newsecret9\"}")
                .code()).isEqualTo(200);
    }

    @Test
    void aBanKillsTheUsersTokensOnTheirNextRequest() {
        String cheater = newUserToken();
        long cheaterId = userIdOf(cheater);

        assertThat(loggedIn(StaffRole.ADMIN).htmxPost("/admin/users/" + cheaterId + "/blacklist",
                Map.of("reason", "cheating")).status()).isEqualTo(200);

        Response refused = api.post(DETAIL, "{}", cheater);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo(100003);
        assertThat(api.post(REFRESH, "{}", cheater).status()).isEqualTo(401);
    }

    @Test
    void aTokenIsRefreshedOnlyAfterItsRefreshTimeAndNeverPastTheSessionsMaximumAge() {
        Instant loggedIn = Instant.now();
        clock.set(loggedIn);
        String mobile = freshMobile();
        register(mobile, "secret123");
        String first = login(mobile).data().path("accessToken").asString();

        Response early = api.post(REFRESH, "{}", first);
        assertThat(early.code()).as("%s", early).isEqualTo(200020);

        clock.set(loggedIn.plus(Duration.ofDays(4)));
        Response refreshed = api.post(REFRESH, "{}", first);
        assertThat(refreshed.code()).as("%s", refreshed).isEqualTo(200);
        String second = refreshed.data().path("accessToken").asString();
        assertThat(claims(second).path("authTime").asLong()).as("the session still dates from the log-in")
                .isEqualTo(claims(first).path("authTime").asLong()).isEqualTo(loggedIn.getEpochSecond());

        clock.set(loggedIn.plus(Duration.ofDays(30)).plusSeconds(1));
        Response tooOld = api.post(REFRESH, "{}", first);
        assertThat(tooOld.status()).as("%s", tooOld).isEqualTo(401);
        assertThat(tooOld.code()).isEqualTo(100003);
    }

    private Response login(String mobile) {
        return api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile + "\",\"password\":\"secret123\"}");
    }

    private static JsonNode claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(payload);
    }
}
