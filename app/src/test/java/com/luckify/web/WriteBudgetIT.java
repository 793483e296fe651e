package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.AddressedClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.web.support.ApiRateLimits.Budgets;
import com.luckify.web.support.ApiRateLimits.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every write has a budget per user, and every address one for all writes, so a script with one account or
 * with many meets a 429 {@code 100010} at once, while another user (or address) goes on. The tests' own client
 * (127.0.0.1) is unmetered per address in the test profile; the address budgets are met from addresses of
 * their own.
 */
class WriteBudgetIT extends IntegrationTest {

    private static final String PAST = Long.toString(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond());
    /** Passes validation and then spends a permit on a refusal (announce time in the past): nothing is created. */
    private static final String REFUSED_LOTTERY = "{\"name\":\"预算\",\"thumb\":\"\",\"announceType\":1,\"announceTime\":" + PAST
            + ",\"joinNumber\":0,\"introduce\":\"\",\"awardDeadline\":" + PAST + ",\"sponsorId\":0,\"prizes\":[{\"type\":1,"
            + "\"name\":\"奖\",\"count\":1,\"thumb\":\"\",\"level\":1,\"grantType\":1}],\"isClocked\":0,\"publishType\":1}";
    private static final String SPONSOR = "{\"type\":1,\"name\":\"预算赞助\"}";
    private static final String CLAIM = "{\"lotteryId\":1,\"contactName\":\"张三\",\"mobile\":\"13800000000\",\"address\":\"某地\"}";

    @Autowired
    Budgets budgets;

    /**
     * Each write endpoint, the budget it spends, and a second endpoint sharing that budget (or the same one);
     * the bodies pass validation, and whatever they are answered still spends a permit.
     */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of(Write.LIKE, "POST", "/comment/v1/comment/commentPraise", "{\"id\":1}",
                        "/comment/v1/comment/commentPraise", "{\"id\":2}"),
                Arguments.of(Write.COMMENT, "POST", "/comment/v1/comment/deleteComment", "{\"id\":1}",
                        "/comment/v1/comment/addComment", "{\"lotteryId\":1,\"content\":\"晒\"}"),
                Arguments.of(Write.PROFILE, "PUT", "/usercenter/v1/user/update", "{\"signature\":\"hi\"}",
                        "/checkin/v1/checkin/updateSub", "{\"state\":0}"),
                Arguments.of(Write.SPONSOR, "POST", "/usercenter/v1/userContact/sponsorDel", "{\"id\":1}",
                        "/usercenter/v1/userSponsor/addSponsor", SPONSOR),
                Arguments.of(Write.LOTTERY, "POST", "/lottery/v1/lottery/createLottery", REFUSED_LOTTERY,
                        "/lottery/v1/lottery/createLottery", REFUSED_LOTTERY),
                Arguments.of(Write.JOIN, "POST", "/lottery/v1/lottery/participation", "{\"lotteryId\":1}",
                        "/lottery/v1/lottery/participation", "{\"lotteryId\":2}"),
                Arguments.of(Write.INSTANT, "POST", "/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":1}",
                        "/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":2}"),
                Arguments.of(Write.CLOCK_TASK, "POST", "/lottery/v1/lottery/startClockTask", "{\"lotteryId\":1}",
                        "/lottery/v1/lottery/completeClockTask", "{\"lotteryId\":2,\"ticket\":\"" + "0".repeat(32) + "\"}"),
                Arguments.of(Write.PRIZE_CLAIM, "POST", "/lottery/v1/lottery/claimPrize", CLAIM,
                        "/lottery/v1/lottery/claimPrize", CLAIM),
                Arguments.of(Write.CHECKIN, "POST", "/checkin/v1/checkin", "", "/checkin/v1/checkin", ""),
                Arguments.of(Write.TASK_REWARD, "POST", "/checkin/v1/checkin/claimReward", "{\"taskId\":1}",
                        "/checkin/v1/checkin/claimReward", "{\"taskId\":2}"),
                Arguments.of(Write.UPLOAD, "POST", "/upload/v1/upload/add", UploadApiIT.json("p", ".png", UploadApiIT.PNG),
                        "/upload/v1/upload/add", UploadApiIT.json("q", ".png", UploadApiIT.PNG)),
                Arguments.of(Write.TOKEN_REFRESH, "POST", "/usercenter/v1/user/refreshToken", "{}",
                        "/usercenter/v1/user/refreshToken", "{}"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("writes")
    void eachWriteIsRefusedPastItsBudgetPerUser(Write write, String method, String path, String body,
            String sharedPath, String sharedBody) {
        List<String> users = bulkUserTokens(2);
        String user = users.get(0);
        long budget = budgets.perUser(write);
        List<Integer> codes = new ArrayList<>();

        // the two endpoints in turn: together they get one budget
        Spent spent = spendUntilRefused(budget, i -> {
            Response response = i % 2 == 0 ? api.send(method, path, body, "application/json", "Bearer " + user)
                    : api.send("POST", sharedPath, sharedBody, "application/json", "Bearer " + user);
            codes.add(response.code());
            return response;
        });

        assertThat(spent.answered()).as("answered within a budget of %d", budget).isBetween(budget, spent.mostExpected());
        assertThat(codes).as("answers before the refusal").doesNotContain(100001, 100005);
        assertThat(api.send(method, path, body, "application/json", "Bearer " + users.get(1)).code())
                .as("another user has a budget of their own").isNotEqualTo(100010);
    }

    @Test
    void manyAccountsBehindOneAddressMeetTheAddressBudgetForWrites() {
        long perAddress = budgets.writePerAddress();
        // each account stays within its own budgets: ten writes each, refreshes (refused as too early, a permit spent
        // all the same) and check-ins in turn
        List<String> users = bulkUserTokens((int) (2 * perAddress / 10) + 2);
        AddressedClient script = AddressedClient.atFreshAddress(port);

        Spent spent = spendUntilRefused(perAddress, i -> i % 2 == 0
                ? script.post("/usercenter/v1/user/refreshToken", "{}", users.get(i / 10))
                : script.post("/checkin/v1/checkin", "", users.get(i / 10)));

        assertThat(spent.answered()).isBetween(perAddress, spent.mostExpected());
        assertThat(AddressedClient.atFreshAddress(port).post("/checkin/v1/checkin", "",
                users.get(users.size() - 1)).code()).as("another address").isEqualTo(200);
    }

    @Test
    void creatingLotteriesAndSponsorsHasABudgetPerAddress() {
        long perAddress = budgets.createPerAddress();
        long perUser = Math.min(budgets.perUser(Write.SPONSOR), budgets.perUser(Write.LOTTERY));
        List<String> users = bulkUserTokens((int) (2 * perAddress / perUser) + 2);
        AddressedClient script = AddressedClient.atFreshAddress(port);

        Spent spent = spendUntilRefused(perAddress, i -> i % 2 == 0
                ? script.post("/usercenter/v1/userSponsor/addSponsor", SPONSOR, users.get((int) (i / perUser)))
                : script.post("/lottery/v1/lottery/createLottery", REFUSED_LOTTERY, users.get((int) (i / perUser))));
        String fresh = users.get(users.size() - 1);

        assertThat(spent.answered()).isBetween(perAddress, spent.mostExpected());
        assertThat(script.post("/usercenter/v1/userContact/sponsorDel", "{\"id\":1}", fresh).code())
                .as("other writes have the address's write budget").isNotEqualTo(100010);
    }

    /**
     * Calls until a call is refused with HTTP 429 {@code 100010} (at most three budgets' worth), and says how many
     * were answered otherwise. A budget refills while it is spent (a permit every interval / budget), so up to
     * that many more than the budget may be answered.
     */
    private Spent spendUntilRefused(long budget, IntFunction<Response> call) {
        long started = System.nanoTime();
        for (int i = 0; i < 3 * budget + 10; i++) {
            Response response = call.apply(i);
            if (response.code() == 100010) {
                assertThat(response.status()).isEqualTo(429);
                long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                return new Spent(i, budget + 1 + elapsedMillis * budget / budgets.interval().toMillis());
            }
        }
        throw new AssertionError("never refused within " + (3 * budget + 10) + " calls");
    }

    private record Spent(long answered, long mostExpected) {
    }
}
