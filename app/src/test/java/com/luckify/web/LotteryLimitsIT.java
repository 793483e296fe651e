package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What one mini-program user may create is bounded ({@code luckify.lottery.limits.*}, defaults: 20 prizes, 10,000
 * units a prize, 50,000 in all, 20 open lotteries), each limit refused with its own code and named in the message;
 * staff in the console create larger lotteries.
 */
class LotteryLimitsIT extends AdminTest {

    private static final String CREATE = "/lottery/v1/lottery/createLottery";

    @Test
    void fiftyPrizesOfAMillionUnitsAreRefusedAtCreation() {
        String token = newUserToken();
        String[] prizes = IntStream.rangeClosed(1, 50).mapToObj(level -> prize(level, 1_000_000)).toArray(String[]::new);

        Response refused = api.post(CREATE, lottery(1, 0, prizes), token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(500049);
        assertThat(refused.msg()).contains("20");
        assertThat(lotteriesOf(token)).isZero();
    }

    @Test
    void unitsArePerPrizeAndPerLotteryEachWithItsOwnCode() {
        String token = newUserToken();

        Response onePrizeTooLarge = api.post(CREATE, lottery(3, 0, prize(1, 10_001, 1_000)), token);
        Response tooManyInAll = api.post(CREATE, lottery(1, 0, prize(1, 10_000), prize(2, 10_000), prize(3, 10_000),
                prize(4, 10_000), prize(5, 10_000), prize(6, 1)), token);
        Response atTheLimits = api.post(CREATE, lottery(1, 0, prize(1, 10_000), prize(2, 10_000), prize(3, 10_000),
                prize(4, 10_000), prize(5, 10_000)), token);

        assertThat(onePrizeTooLarge.code()).isEqualTo(500050);
        assertThat(onePrizeTooLarge.msg()).contains("10000");
        assertThat(tooManyInAll.code()).isEqualTo(500051);
        assertThat(tooManyInAll.msg()).contains("50000");
        assertThat(atTheLimits.code()).as("%s", atTheLimits).isEqualTo(200);
        assertThat(lotteriesOf(token)).isOne();
    }

    @Test
    void aUserRunsAtMostTwentyOpenLotteriesEvenWhenCreatingManyAtOnce() throws Exception {
        String token = newUserToken();
        long first = createLottery(token, lottery(1, 0, prize(1, 1)));
        copyLottery(first, 16);
        assertThat(lotteriesOf(token)).isEqualTo(17);

        List<Response> answers = runConcurrently(8, Collections.nCopies(8, token),
                caller -> api.post(CREATE, lottery(1, 0, prize(1, 1)), caller));

        assertThat(answers).extracting(Response::code).as("%s", answers)
                .containsOnly(200, 500052).filteredOn(code -> code == 200).hasSize(3);
        assertThat(answers.stream().filter(answer -> answer.code() == 500052).findFirst().orElseThrow().msg())
                .contains("20");
        assertThat(lotteriesOf(token)).isEqualTo(20);

        // a cancelled (or drawn) lottery is no longer open
        jdbc.update("UPDATE lottery SET cancelled_at = NOW(3), cancel_reason = 'test' WHERE id = ?", first);
        assertThat(api.post(CREATE, lottery(1, 0, prize(1, 1)), token).code()).isEqualTo(200);
        assertThat(api.post(CREATE, lottery(1, 0, prize(1, 1)), token).code()).isEqualTo(500052);
    }

    @Test
    void staffCreateWhatAUserMayNot() {
        String owner = newUserToken();
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        Map<String, String> form = lotteryForm(userIdOf(owner), "大型活动" + UUID.randomUUID().toString().substring(0, 4), true);
        form.put("prizes[0].count", "500000");

        AdminClient.Page created = manager.htmxPost("/admin/lotteries", form);

        assertThat(created.header("HX-Redirect")).as("%s", created).isNotNull();
        assertThat(jdbc.queryForObject("SELECT SUM(p.stock) FROM prize p JOIN lottery l ON l.id = p.lottery_id "
                + "WHERE l.user_id = ?", Long.class, userIdOf(owner))).isEqualTo(500_000L);
        assertThat(api.post(CREATE, lottery(1, 0, prize(1, 500_000)), owner).code()).isEqualTo(500050);
    }

    private long lotteriesOf(String token) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE user_id = ?", Long.class, userIdOf(token));
    }

    /** Open lotteries made in SQL, so the test does not spend the creator's rate budget reaching the limit. */
    private void copyLottery(long lotteryId, int copies) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = 'lottery' AND column_name <> 'id' "
                + "ORDER BY ordinal_position", String.class);
        String list = String.join(", ", columns.stream().map(column -> "`" + column + "`").toList());
        for (int i = 0; i < copies; i++) {
            jdbc.update("INSERT INTO lottery (" + list + ") SELECT " + list + " FROM lottery WHERE id = ?", lotteryId);
        }
    }
}
