package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.ClockTasks;
import com.luckify.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.luckify.lottery.LotteryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LotteryApiIT extends IntegrationTest {

    private static final String BASE = "/lottery/v1/lottery/";

    /** Tests change lotteries in SQL where the draw job or the admin console will; they tell the service as those do. */
    @Autowired
    LotteryService lotteries;

    @Test
    void aPublishedLotteryShowsItsPrizesSponsorClockTaskAndSeedHash() throws Exception {
        String token = newUserToken();
        long owner = userIdOf(token);
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                + "\"isShow\":1,\"name\":\"赞助\",\"desc\":\"\",\"avatar\":\"\",\"qr_code\":\"q\",\"inputA\":\"\",\"inputB\":\"\"}",
                token).data().path("id").asLong();
        String body = lottery(1, 0, 1, sponsorId, prize(2, 3), prize(1, 1)).replace("\"isClocked\":0",
                "\"isClocked\":1,\"clockTask\":{\"type\":2,\"seconds\":15,\"articleLink\":\"https://mp.example.com/a\","
                        + "\"copywriting\":\"读一读\",\"chanceType\":2,\"increaseMultiple\":3}");

        long id = createLottery(token, body);
        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data();

        assertThat(detail.path("id").asLong()).isEqualTo(id);
        assertThat(detail.path("userId").asLong()).isEqualTo(owner);
        assertThat(detail.path("publishTime").asLong()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(detail.path("isAnnounced").asInt()).isZero();
        assertThat(detail.path("prizes")).extracting(p -> p.path("level").asInt()).containsExactly(1, 2);
        assertThat(detail.path("prizes").get(1).path("stock").asInt()).isEqualTo(3);
        assertThat(detail.path("sponsor").path("id").asLong()).isEqualTo(sponsorId);
        assertThat(detail.path("sponsor").path("qrCode").asString()).isEqualTo("q");
        assertThat(detail.path("isClocked").asInt()).isEqualTo(1);
        assertThat(detail.path("clockTask").path("increaseMultiple").asInt()).isEqualTo(3);
        assertThat(detail.path("isParticipated").asInt()).isZero();
        String seedHash = detail.path("draw").path("seedHash").asString();
        assertThat(seedHash).hasSize(64);
        assertThat(detail.path("draw").path("seed").asString()).isEmpty();
        // the seed itself is sealed until the draw (SealedDrawIT shows the hash matches the seed it reveals)
        assertThat(jdbc.queryForObject("SELECT seed_hash FROM draw_record WHERE lottery_id = ? AND seed IS NULL "
                + "AND sealed_seed IS NOT NULL", String.class, id)).isEqualTo(seedHash);
    }

    @Test
    void aLotteryWithoutSponsorHasAnEmptySponsorObjectAndTheDetailWorks() {
        String token = newUserToken();
        long id = createLottery(token, lottery(1, 0, prize(1, 1)));

        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data();

        assertThat(detail.path("sponsorId").asLong()).isZero();
        assertThat(detail.path("sponsor").path("id").asLong()).isZero();
        assertThat(detail.path("clockTask").isNull()).isTrue();
    }

    @Test
    void creationIsValidatedEachRuleWithItsOwnCode() {
        String token = newUserToken();
        long now = Instant.now().getEpochSecond();
        String valid = lottery(1, 0, prize(1, 1));

        assertThat(create(token, valid.replaceFirst("\"announceTime\":\\d+", "\"announceTime\":" + (now - 10))).code())
                .isEqualTo(500037);
        assertThat(create(token, valid.replaceFirst("\"awardDeadline\":\\d+", "\"awardDeadline\":" + (now + 3600))).code())
                .isEqualTo(500038);
        assertThat(create(token, lottery(2, 0, prize(1, 1))).code()).isEqualTo(500039);
        assertThat(create(token, lottery(1, 0)).code()).isEqualTo(500040);
        assertThat(create(token, lottery(3, 0, prize(1, 1, 600_000), prize(2, 1, 500_000))).code()).isEqualTo(500041);
        assertThat(create(token, valid.replace("\"isClocked\":0", "\"isClocked\":1")).code()).isEqualTo(500042);
        assertThat(create(token, lottery(1, 0, prize(1, 0))).msg()).contains("\"prizes[0].count\"");
        assertThat(create(token, valid.replace("\"announceType\":1", "\"announceType\":4")).msg()).contains("\"announceType\"");
        assertThat(create(token, valid.replace("测试抽奖", "长".repeat(51))).msg()).contains("\"name\"");
    }

    @Test
    void aSponsorMustBelongToTheCreator() {
        String stranger = newUserToken();
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"type\":1,\"name\":\"别人的\"}", stranger)
                .data().path("id").asLong();

        Response response = create(newUserToken(), lottery(1, 0, 1, sponsorId, prize(1, 1)));

        assertThat(response.code()).isEqualTo(200013);
    }

    @Test
    void unpublishedTestLotteriesAreHiddenFromOthersAndCannotBeJoined() {
        String owner = newUserToken();
        long id = createLottery(owner, lottery(1, 0, 2, 0, prize(1, 1)));
        String other = newUserToken();

        assertThat(api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", owner).data().path("publishTime").asLong()).isZero();
        assertThat(api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", other).code()).isEqualTo(500025);
        assertThat(join(other, id).code()).isEqualTo(500029);
        assertThat(publicIds(0, 100)).doesNotContain(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM draw_record WHERE lottery_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void joiningOnceWorksTwiceIsRefusedAndTheDetailSaysSo() {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        String token = newUserToken();

        Response first = join(token, id);
        Response second = join(token, id);

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.data().isObject()).isTrue();
        assertThat(second.code()).isEqualTo(500028);
        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data();
        assertThat(detail.path("isParticipated").asInt()).isEqualTo(1);
        assertThat(detail.path("participantCount").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'LotteryJoined' "
                + "AND aggregate_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void joinRefusalsKeepTheirOwnCodes() {
        String owner = newUserToken();
        long instant = createLottery(owner, lottery(3, 0, prize(1, 1)));
        long announced = createLottery(owner, lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", announced);
        long closed = createLottery(owner, lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET announce_time = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE id = ?", closed);
        long cancelled = createLottery(owner, lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET cancelled_at = UTC_TIMESTAMP(3), cancel_reason = 'test' WHERE id = ?", cancelled);
        String token = newUserToken();

        assertThat(join(token, 987_654_321L).code()).isEqualTo(500025);
        assertThat(join(token, instant).code()).isEqualTo(500035);
        assertThat(join(token, announced).code()).isEqualTo(500030);
        assertThat(join(token, closed).code()).isEqualTo(500031);
        assertThat(join(token, cancelled).code()).isEqualTo(500032);
        assertThat(api.post(BASE + "instantParticipation", "{\"lotteryId\":" + announced + "}", token).code())
                .isEqualTo(500030);
    }

    @Test
    void aBlacklistedUserIsRefused() {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        String token = newUserToken();
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userIdOf(token));

        assertThat(join(token, id).code()).isEqualTo(200015);
    }

    @Test
    void aByCountLotteryStopsAtItsNumberAndRecordsTheEventForTheDraw() {
        long id = createLottery(newUserToken(), lottery(2, 2, prize(1, 1)));

        assertThat(join(newUserToken(), id).code()).isEqualTo(200);
        assertThat(join(newUserToken(), id).code()).isEqualTo(200);
        // Refused as full, or as announced when the draw the threshold event triggers has already run.
        assertThat(join(newUserToken(), id).code()).isIn(500033, 500030);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'JoinThresholdReached' "
                + "AND aggregate_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT participant_count FROM lottery WHERE id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void theClockTaskIsRecordedOnceAndShownInTheDetail() {
        String owner = newUserToken();
        long withTask = createLottery(owner, lottery(1, 0, prize(1, 1)).replace("\"isClocked\":0",
                "\"isClocked\":1,\"clockTask\":{\"type\":3,\"image\":\"https://img.example.com/x.png\"}"));
        long withoutTask = createLottery(owner, lottery(1, 0, prize(1, 1)));
        String token = newUserToken();

        assertThat(ClockTasks.startAndComplete(api, token, withTask).code()).isEqualTo(200);
        assertThat(ClockTasks.startAndComplete(api, token, withTask).code()).isEqualTo(200);
        assertThat(ClockTasks.start(api, token, withoutTask).code()).isEqualTo(500043);
        assertThat(ClockTasks.complete(api, token, withoutTask, "0".repeat(32)).code()).isEqualTo(500043);
        assertThat(api.post(BASE + "lotteryDetail", "{\"id\":" + withTask + "}", token).data().path("isClockTaskDone").asInt())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clock_task_completion WHERE lottery_id = ?", Integer.class,
                withTask)).isEqualTo(1);
    }

    @Test
    void thePublicListPagesByCursorNewestFirstAndHidesWhatIsNotOpen() {
        String owner = newUserToken();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createLottery(owner, lottery(1, 0, prize(1, 1))));
        }
        long announced = createLottery(owner, lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", announced);
        long soldOut = createLottery(owner, lottery(3, 0, prize(1, 1)));
        jdbc.update("UPDATE prize SET stock = 0 WHERE lottery_id = ?", soldOut);
        lotteries.changed(soldOut);
        long beyond = ids.get(4) + 1_000_000;

        List<Long> first = publicIds(beyond, 3);
        List<Long> second = publicIds(first.get(first.size() - 1), 3);

        assertThat(first).startsWith(ids.get(4), ids.get(3), ids.get(2)).hasSize(3);
        assertThat(second).startsWith(ids.get(1), ids.get(0));
        assertThat(publicIds(0, 100)).doesNotContain(announced, soldOut);
        JsonNode item = api.post(BASE + "lotteryList", "{\"lastId\":0,\"pageSize\":1,\"isSelected\":0}").data().path("list").get(0);
        assertThat(item.has("isAnnouced")).isTrue();
        assertThat(item.has("isAnnounced")).isTrue();
        assertThat(api.post(BASE + "lotteryList", "{\"lastId\":0,\"pageSize\":0,\"isSelected\":0}").data().path("list")).isEmpty();
        assertThat(api.post(BASE + "lotteryList", "{\"lastId\":0,\"pageSize\":5000,\"isSelected\":0}").data().path("list").size())
                .isLessThanOrEqualTo(100);
    }

    @Test
    void featuredOnlyAndGetWithQueryParametersWork() {
        long featured = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        jdbc.update("UPDATE lottery SET is_selected = 1 WHERE id = ?", featured);
        lotteries.changed(featured);

        JsonNode list = api.send("GET", BASE + "lotteryList?lastId=0&pageSize=20&isSelected=1", null, null, null)
                .data().path("list");

        assertThat(list).isNotEmpty().allSatisfy(item -> assertThat(item.path("isSelected").asInt()).isEqualTo(1));
        assertThat(list.get(0).path("id").asLong()).isEqualTo(featured);
        assertThat(api.send("GET", BASE + "lotteryList?lastId=x&pageSize=20&isSelected=1", null, null, null).msg())
                .isEqualTo("参数错误,field \"lastId\" has the wrong type");
    }

    @Test
    void theAfterLoginListHidesWhatTheCallerJoined() {
        long a = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        long b = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        String token = newUserToken();
        join(token, a);

        JsonNode list = api.post(BASE + "lotteryListAfterLogin", "{\"lastId\":" + (b + 1) + ",\"pageSize\":2,\"isSelected\":0}",
                token).data().path("list");

        assertThat(list).extracting(n -> n.path("id").asLong()).contains(b).doesNotContain(a);
    }

    @Test
    void theSlowListPagesByPageNumber() {
        String owner = newUserToken();
        createLottery(owner, lottery(1, 0, prize(1, 1)));
        createLottery(owner, lottery(1, 0, prize(1, 1)));

        List<Long> page1 = ids(api.post(BASE + "lotteryListSlow", "{\"pageIndex\":1,\"pageSize\":1,\"isSelected\":0}"));
        List<Long> page2 = ids(api.post(BASE + "lotteryListSlow", "{\"pageIndex\":2,\"pageSize\":1,\"isSelected\":0}"));

        assertThat(page1).hasSize(1);
        assertThat(page2).hasSize(1);
        assertThat(page2.get(0)).isLessThan(page1.get(0));
    }

    @Test
    void theCreatorsListHasRealData() {
        String token = newUserToken();
        long first = createLottery(token, lottery(1, 0, prize(1, 1)));
        long test = createLottery(token, lottery(1, 0, 2, 0, prize(1, 1)));

        JsonNode list = api.post(BASE + "getUserCreatedLotteryList", "{\"lastId\":0,\"size\":10}", token).data().path("list");

        assertThat(list).extracting(n -> n.path("id").asLong()).containsExactly(test, first);
        assertThat(list.get(1).path("name").asString()).isEqualTo("测试抽奖");
        assertThat(list.get(0).path("publishTime").asLong()).isZero();
        assertThat(api.post(BASE + "getUserCreatedLotteryList", "{\"lastId\":" + test + ",\"size\":10}", token)
                .data().path("list")).extracting(n -> n.path("id").asLong()).containsExactly(first);
    }

    @Test
    void participantsAreListedInJoiningOrderMaskedByCharacter() {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));
        String first = newUserToken();
        api.put("/usercenter/v1/user/update", "{\"nickname\":\"张三丰\"}", first);
        join(first, id);
        String second = newUserToken();
        api.put("/usercenter/v1/user/update", "{\"nickname\":\"李\"}", second);
        join(second, id);

        JsonNode page = api.post(BASE + "participations", "{\"lotteryId\":" + id + ",\"pageIndex\":1,\"pageSize\":10}",
                first).data();

        assertThat(page.path("count").asLong()).isEqualTo(2);
        assertThat(page.path("list")).extracting(n -> n.path("nickname").asString()).containsExactly("张**丰", "李**");
        assertThat(page.path("list").get(0).path("mobile").asString()).isEmpty();
    }

    @Test
    void winnersAndTheWinnersOwnListsShowTheWonPrize() {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1), prize(2, 2)));
        String winner = newUserToken();
        String loser = newUserToken();
        join(winner, id);
        join(loser, id);
        long firstPrize = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ? AND level = 1", Long.class, id);
        // as the draw records a win: the entry and the unit taken from the prize's stock
        jdbc.update("UPDATE lottery_participation SET is_won = 1, prize_id = ? WHERE lottery_id = ? AND user_id = ?",
                firstPrize, id, userIdOf(winner));
        jdbc.update("UPDATE prize SET stock = stock - 1 WHERE id = ?", firstPrize);

        JsonNode winners = api.post(BASE + "getLotteryWinnersList", "{\"lotteryId\":" + id + "}").data().path("list");
        JsonNode wins = api.post(BASE + "getLotteryWinList", "{\"lastId\":0,\"size\":10}", winner).data().path("list");
        JsonNode loserEntries = api.post(BASE + "getUserAllLotteryList", "{\"lastId\":0,\"size\":10}", loser).data().path("list");
        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", winner).data();
        JsonNode beforeTheDraw = detail.path("winners");
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", id);
        lotteries.changed(id);
        JsonNode afterTheDraw = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", loser).data().path("winners");

        assertThat(beforeTheDraw).isEmpty();
        assertThat(afterTheDraw).hasSize(2);
        assertThat(afterTheDraw.get(0).path("users").get(0).path("nickname").asString()).contains("**");
        assertThat(winners).hasSize(2);
        assertThat(winners.get(0).path("prize").path("level").asInt()).isEqualTo(1);
        assertThat(winners.get(0).path("winnerCount").asInt()).isEqualTo(1);
        assertThat(winners.get(1).path("winnerCount").asInt()).isZero();
        assertThat(wins).hasSize(1);
        assertThat(wins.get(0).path("is_won").asInt()).isEqualTo(1);
        assertThat(wins.get(0).path("prize").path("id").asLong()).isEqualTo(firstPrize);
        assertThat(wins.get(0).path("prize").path("lottery_id").asLong()).isEqualTo(id);
        assertThat(loserEntries.get(0).path("is_won").asInt()).isZero();
        assertThat(loserEntries.get(0).path("prize").path("level").asInt()).isEqualTo(1);
        assertThat(detail.path("isWon").asInt()).isEqualTo(1);
        assertThat(detail.path("wonPrizeId").asLong()).isEqualTo(firstPrize);
        assertThat(api.post(BASE + "getLotteryWinnersList", "{\"lotteryId\":" + createLottery(newUserToken(),
                lottery(1, 0, prize(1, 1))) + "}").data().path("list")).isEmpty();
    }

    @Test
    void anAnnouncedLotteryShowsAsAnnouncedAtOnceDespiteTheCache() {
        String token = newUserToken();
        long id = createLottery(token, lottery(1, 0, prize(1, 1)));
        assertThat(api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data().path("isAnnounced").asInt()).isZero();
        assertThat(publicIds(0, 100)).contains(id);

        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", id);
        lotteries.changed(id);

        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data();
        assertThat(detail.path("isAnnounced").asInt()).isEqualTo(1);
        assertThat(detail.path("winners").isArray()).isTrue();
        assertThat(publicIds(0, 100)).doesNotContain(id);
    }

    @Test
    void anInstantLotteryLeavesTheCachedListTheMomentItsLastUnitIsWon() {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 1, 1_000_000)));
        assertThat(publicIds(0, 100)).contains(id);
        String token = newUserToken();

        long prizeId = api.post(BASE + "instantParticipation", "{\"lotteryId\":" + id + "}", token).data().path("prizeId").asLong();

        assertThat(prizeId).isPositive();
        assertThat(publicIds(0, 100)).doesNotContain(id);
        JsonNode detail = api.post(BASE + "lotteryDetail", "{\"id\":" + id + "}", token).data();
        assertThat(detail.path("prizes").get(0).path("stock").asInt()).isZero();
        assertThat(detail.path("participantCount").asInt()).isEqualTo(1);
        assertThat(detail.path("wonPrizeId").asLong()).isEqualTo(prizeId);
    }

    @Test
    void oddsAreOnlyLimitedForInstantLotteries() {
        String token = newUserToken();

        Response byTime = create(token, lottery(1, 0, prize(4, 1), prize(4, 1), prize(4, 1), prize(4, 1)));
        Response instant = create(token, lottery(3, 0, prize(4, 1), prize(4, 1), prize(4, 1), prize(4, 1)));

        assertThat(byTime.code()).isEqualTo(200);
        assertThat(instant.code()).isEqualTo(500041);
    }

    @Test
    void theWinnersOfAnUnknownLotteryAreNotFound() {
        assertThat(api.post(BASE + "getLotteryWinnersList", "{\"lotteryId\":987654321}").code()).isEqualTo(500025);
    }

    @Test
    void aClockTaskCannotBeDoneOnceTheLotteryIsClosed() {
        long id = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)).replace("\"isClocked\":0",
                "\"isClocked\":1,\"clockTask\":{\"type\":1,\"appletType\":1,\"pageLink\":\"https://m.example.com\"}"));
        String player = newUserToken();
        String ticket = ClockTasks.ticket(api, player, id);
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = UTC_TIMESTAMP(3) WHERE id = ?", id);

        assertThat(ClockTasks.complete(api, player, id, ticket).code()).isEqualTo(500030);
        assertThat(ClockTasks.start(api, newUserToken(), id).code()).isEqualTo(500030);
    }

    private Response create(String token, String body) {
        return api.post(BASE + "createLottery", body, token);
    }

    private Response join(String token, long lotteryId) {
        return api.post(BASE + "participation", "{\"lotteryId\":" + lotteryId + "}", token);
    }

    private List<Long> publicIds(long lastId, int size) {
        return ids(api.post(BASE + "lotteryList", "{\"lastId\":" + lastId + ",\"pageSize\":" + size + ",\"isSelected\":0}"));
    }

    private static List<Long> ids(Response response) {
        List<Long> ids = new ArrayList<>();
        response.data().path("list").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
