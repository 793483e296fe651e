package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/** Winners claim their prizes: once, before the award deadline, and nobody else can. */
class PrizeClaimApiIT extends IntegrationTest {

    private static final String CLAIM = "/lottery/v1/lottery/claimPrize";

    @Autowired
    DrawLauncher draws;

    @Autowired
    LotteryService lotteryService;

    @Test
    void theWinnerClaimsOnceAndTheDetailSaysSo() {
        Drawn drawn = drawnLottery();

        Response claimed = api.post(CLAIM, claim(drawn.lotteryId(), "  张三 ", "13800138000", "上海市浦东新区世纪大道 1 号"),
                drawn.winner());

        assertThat(claimed.code()).as("%s", claimed).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT c.contact_name, c.mobile, c.address, c.prize_id = p.prize_id AS same_prize "
                + "FROM prize_claim c JOIN lottery_participation p ON p.id = c.participation_id WHERE p.lottery_id = ?",
                drawn.lotteryId())).containsEntry("contact_name", "张三").containsEntry("mobile", "13800138000")
                .containsEntry("address", "上海市浦东新区世纪大道 1 号").containsEntry("same_prize", 1);
        assertThat(detail(drawn.lotteryId(), drawn.winner()).path("isPrizeClaimed").asInt()).isEqualTo(1);
        assertThat(detail(drawn.lotteryId(), drawn.loser()).path("isPrizeClaimed").asInt()).isZero();

        Response again = api.post(CLAIM, claim(drawn.lotteryId(), "李四", "13900139000", "北京"), drawn.winner());
        assertThat(again.code()).isEqualTo(500048);
        assertThat(again.msg()).isEqualTo("奖品已领取");
        assertThat(jdbc.queryForObject("SELECT mobile FROM prize_claim c JOIN lottery_participation p ON p.id = "
                + "c.participation_id WHERE p.lottery_id = ?", String.class, drawn.lotteryId())).isEqualTo("13800138000");
    }

    @Test
    void twentySimultaneousClaimsMakeOneClaim() throws Exception {
        Drawn drawn = drawnLottery();
        String body = claim(drawn.lotteryId(), "王五", "13700137000", "广州");

        List<Response> responses = runConcurrently(20, Collections.nCopies(20, drawn.winner()),
                token -> api.post(CLAIM, body, token));

        assertThat(responses).filteredOn(r -> r.code() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.code() == 500048).hasSize(19);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prize_claim c JOIN lottery_participation p ON p.id = "
                + "c.participation_id WHERE p.lottery_id = ?", Integer.class, drawn.lotteryId())).isEqualTo(1);
    }

    @Test
    void onlyAWinnerOfAnExistingLotteryMayClaimAndOnlyBeforeTheDeadline() {
        Drawn drawn = drawnLottery();
        String body = claim(drawn.lotteryId(), "赵六", "13600136000", "深圳");

        assertThat(api.post(CLAIM, body, drawn.loser()).code()).isEqualTo(500046);
        assertThat(api.post(CLAIM, body, newUserToken()).code()).as("never joined").isEqualTo(500046);
        assertThat(api.post(CLAIM, claim(999_999_999L, "赵六", "13600136000", "深圳"), drawn.winner()).code())
                .isEqualTo(500025);
        assertThat(api.post(CLAIM, claim(drawn.lotteryId(), "赵六", "12345", "深圳"), drawn.winner()).code())
                .as("not a mobile number").isEqualTo(100002);
        assertThat(api.post(CLAIM, claim(drawn.lotteryId(), " ", "13600136000", "深圳"), drawn.winner()).code())
                .as("blank name").isEqualTo(100002);

        Instant deadline = jdbc.queryForObject("SELECT award_deadline FROM lottery WHERE id = ?", Timestamp.class,
                drawn.lotteryId()).toInstant();
        clock.set(deadline);
        Response late = api.post(CLAIM, body, drawn.winner());
        assertThat(late.code()).isEqualTo(500047);
        assertThat(late.msg()).isEqualTo("已过领奖截止时间");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prize_claim c JOIN lottery_participation p ON p.id = "
                + "c.participation_id WHERE p.lottery_id = ?", Integer.class, drawn.lotteryId())).isZero();
    }

    @Test
    void theDatabaseRefusesAClaimForAnEntryThatDidNotWin() {
        Drawn drawn = drawnLottery();
        long losingEntry = jdbc.queryForObject("SELECT id FROM lottery_participation WHERE lottery_id = ? AND is_won = 0",
                Long.class, drawn.lotteryId());
        long prizeId = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, drawn.lotteryId());

        assertThatThrownBy(() -> jdbc.update("INSERT INTO prize_claim (participation_id, prize_id, contact_name, mobile, "
                + "address) VALUES (?, ?, 'x', '13800138000', 'y')", losingEntry, prizeId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** A by-time lottery with one prize unit, joined by two players and drawn. */
    private Drawn drawnLottery() {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        String first = newUserToken();
        String second = newUserToken();
        for (String player : List.of(first, second)) {
            assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", player).code())
                    .isEqualTo(200);
        }
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        assertThat(draws.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long winnerId = jdbc.queryForObject("SELECT user_id FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                Long.class, lotteryId);
        return winnerId == userIdOf(first) ? new Drawn(lotteryId, first, second) : new Drawn(lotteryId, second, first);
    }

    private JsonNode detail(long lotteryId, String token) {
        return api.post("/lottery/v1/lottery/lotteryDetail", "{\"id\":" + lotteryId + "}", token).data();
    }

    private static String claim(long lotteryId, String name, String mobile, String address) {
        return "{\"lotteryId\":" + lotteryId + ",\"contactName\":\"" + name + "\",\"mobile\":\"" + mobile
                + "\",\"address\":\"" + address + "\"}";
    }

    private record Drawn(long lotteryId, String winner, String loser) {
    }
}
