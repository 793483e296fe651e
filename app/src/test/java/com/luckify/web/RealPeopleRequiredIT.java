package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * With luckify.user.real-people.* switched on, instant-win attempts and lottery creation need a verified mobile, prize
 * claims a verified mobile or a WeChat identity; each refusal has its own code and leaves nothing behind, and the same
 * user gets through once the requirement is met.
 */
class RealPeopleRequiredIT extends RealPeopleSettingsTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    private static final String CREATE = "/lottery/v1/lottery/createLottery";
    private static final String CLAIM = "/lottery/v1/lottery/claimPrize";

    @Test
    void creatingALotteryNeedsAVerifiedMobile() {
        String token = bulkUserTokens(1).get(0);
        long userId = userIdOf(token);
        String weChatOnly = weChatOnlyUser();

        Response refused = api.post(CREATE, lottery(1, 0, prize(1, 1)), token);
        Response weChatRefused = api.post(CREATE, lottery(1, 0, prize(1, 1)), weChatOnly);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(200026);
        assertThat(refused.msg()).isEqualTo("发起抽奖前请先绑定手机号");
        assertThat(weChatRefused.code()).as("a WeChat identity is not enough here").isEqualTo(200026);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE user_id IN (?, ?)", Integer.class, userId,
                userIdOf(weChatOnly))).isZero();

        bindFreshMobile(token);
        assertThat(api.post(CREATE, lottery(1, 0, prize(1, 1)), token).code()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE user_id = ?", Integer.class, userId)).isOne();
    }

    @Test
    void anInstantWinAttemptNeedsAVerifiedMobile() {
        long lotteryId = createLottery(verifiedUser(), lottery(3, 0, prize(1, 10, 1_000_000)));
        String player = bulkUserTokens(1).get(0);
        String weChatOnly = weChatOnlyUser();

        Response refused = api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", player);
        Response weChatRefused = api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", weChatOnly);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(200024);
        assertThat(refused.msg()).isEqualTo("参与即抽即中前请先绑定手机号");
        assertThat(weChatRefused.code()).isEqualTo(200024);
        assertThat(entries(lotteryId)).as("nothing attempted").isZero();

        bindFreshMobile(player);
        Response won = api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", player);
        assertThat(won.code()).as("%s", won).isEqualTo(200);
        assertThat(won.data().path("prizeId").asLong()).as("certain odds").isPositive();
        assertThat(entries(lotteryId)).isOne();
    }

    @Test
    void claimingAPrizeNeedsAVerifiedMobileOrAWeChatIdentity() {
        long lotteryId = createLottery(verifiedUser(), lottery(3, 0, prize(1, 10, 1_000_000)));
        String verifiedWinner = verifiedUser();
        String otherWinner = verifiedUser();
        for (String winner : new String[] {verifiedWinner, otherWinner}) {
            assertThat(api.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", winner).data().path("prizeId").asLong())
                    .isPositive();
        }
        // a winner without either, as one who won before the setting was switched on
        long otherId = userIdOf(otherWinner);
        jdbc.update("UPDATE `user` SET mobile = NULL, mobile_verified_at = NULL WHERE id = ?", otherId);

        Response refused = api.post(CLAIM, claim(lotteryId), otherWinner);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(200025);
        assertThat(refused.msg()).isEqualTo("领奖前请先绑定手机号");
        assertThat(claims(lotteryId)).isZero();
        assertThat(api.post(CLAIM, claim(lotteryId), verifiedWinner).code()).isEqualTo(200);

        jdbc.update("INSERT INTO user_auth (user_id, auth_type, auth_key) VALUES (?, 'wxMini', ?)", otherId,
                "o-stub-claim-" + otherId);
        assertThat(api.post(CLAIM, claim(lotteryId), otherWinner).code()).as("a WeChat identity is enough here")
                .isEqualTo(200);
        assertThat(claims(lotteryId)).isEqualTo(2);
    }

    private int entries(long lotteryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", Integer.class,
                lotteryId);
    }

    private int claims(long lotteryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM prize_claim c JOIN lottery_participation p "
                + "ON p.id = c.participation_id WHERE p.lottery_id = ?", Integer.class, lotteryId);
    }

    private static String claim(long lotteryId) {
        return "{\"lotteryId\":" + lotteryId + ",\"contactName\":\"张三\",\"mobile\":\"13800138000\","
                + "\"address\":\"上海市浦东新区世纪大道 1 号\"}";
    }
}
