package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.lottery.ClockTaskService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.user.BlacklistStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A blacklisted user is refused every write of the contract (every operation marked {@code x-luckify-write}, token
 * refresh included) with {@code 200015} and nothing of theirs changes, while reads stay open to them. The writes are
 * taken from the contract itself, and every operation of the contract that needs a token must be a write or one of
 * the reads named here, so a new endpoint cannot slip past the blacklist unnoticed.
 */
class BlacklistedWritesIT extends IntegrationTest {

    /** Operations with a token that a blacklisted user may still call: the reads. */
    private static final Set<String> OPEN_TO_BLACKLISTED = Set.of(
            "POST /usercenter/v1/user/detail",
            "POST /usercenter/v1/userSponsor/sponsorList",
            "POST /lottery/v1/lottery/lotteryListAfterLogin",
            "POST /lottery/v1/lottery/lotteryDetail",
            "POST /lottery/v1/lottery/getLotteryWinList",
            "POST /lottery/v1/lottery/getUserAllLotteryList",
            "POST /lottery/v1/lottery/getUserCreatedLotteryList",
            "POST /lottery/v1/lottery/participations",
            "POST /comment/v1/comment/getCommentList",
            "POST /checkin/v1/checkin/getCheckin",
            "POST /checkin/v1/checkin/getTasks");

    @Autowired
    BlacklistStatus blacklist;

    @Autowired
    ClockTaskService clockTasks;

    @Test
    void everyWriteOfTheContractRefusesABlacklistedUserAndWritesNothing() {
        String token = newUserToken();
        Map<String, String> bodies = bodies(token);
        Set<String> writes = contractOperations(true);
        assertThat(writes).as("the writes the contract marks, and a body for each here")
                .containsExactlyInAnyOrderElementsOf(bodies.keySet());
        long userId = userIdInToken(token);
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userId);
        // as every process does within luckify.user.blacklist-check.cache (aBanMadeAnyWayIsInForceWithinTheRefresh)
        blacklist.refresh();
        Map<String, Object> before = traces(userId);

        Map<String, String> answers = new LinkedHashMap<>();
        for (String write : new TreeSet<>(writes)) {
            String[] methodAndPath = write.split(" ", 2);
            Response response = api.send(methodAndPath[0], methodAndPath[1], bodies.get(write), "application/json",
                    "Bearer " + token);
            answers.put(write, response.status() + " " + response.code() + (response.data().isMissingNode() ? ""
                    : " data " + response.data()));
        }

        assertThat(answers).as("every write, answered HTTP 400 200015 with no data")
                .allSatisfy((write, answer) -> assertThat(answer).isEqualTo("400 200015"));
        assertThat(traces(userId)).as("nothing of the user's changed").isEqualTo(before);
    }

    @Test
    void everyOperationWithATokenIsAWriteOrAReadOnPurpose() {
        Set<String> withToken = contractOperations(false);
        Set<String> unclassified = new TreeSet<>(withToken);
        unclassified.removeAll(contractOperations(true));
        unclassified.removeAll(OPEN_TO_BLACKLISTED);

        assertThat(unclassified).as("mark writes x-luckify-write: true in the contract, or list reads here").isEmpty();
        // each budgeted write (WriteBudgetIT) is a write of the contract too
        Set<String> budgeted = new TreeSet<>();
        WriteBudgetIT.writes().map(Arguments::get).forEach(args -> {
            budgeted.add(args[1] + " " + args[2]);
            budgeted.add("POST " + args[4]);
        });
        assertThat(contractOperations(true)).containsAll(budgeted);
    }

    @Test
    void aBlacklistedUserStillReads() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, lottery(1, 0, prize(1, 1)));
        String token = newUserToken();
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userIdInToken(token));

        assertThat(api.post("/lottery/v1/lottery/lotteryDetail", "{\"id\":" + lotteryId + "}", token).code())
                .isEqualTo(200);
        assertThat(api.post("/lottery/v1/lottery/lotteryListAfterLogin", "{\"lastId\":0,\"pageSize\":10,\"isSelected\":0}", token).code())
                .isEqualTo(200);
        assertThat(api.post("/usercenter/v1/user/detail", "{}", token).code()).isEqualTo(200);
        assertThat(api.post("/checkin/v1/checkin/getCheckin", "{}", token).code()).isEqualTo(200);
        assertThat(api.post("/lottery/v1/lottery/lotteryList", "{\"lastId\":0,\"pageSize\":10,\"isSelected\":0}").code()).isEqualTo(200);
    }

    @Test
    void aBanMadeAnyWayIsInForceWithinTheRefresh() throws Exception {
        // given a user whose like of a comment that does not exist is answered as such
        String token = newUserToken();
        String like = "/comment/v1/comment/commentPraise";
        assertThat(api.post(like, "{\"id\":-1}", token).code()).isNotEqualTo(200015);

        // when a ban is written by something other than this process's console (another replica, a script)
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userIdInToken(token));

        // then this process refuses the user's writes once it has read the blacklist again (every 2 s)
        await("the ban in force", 5, () -> api.post(like, "{\"id\":-1}", token).code() == 200015);
    }

    @Test
    void aLiftedBanCountsAtOnce() {
        String token = newUserToken();
        long userId = userIdInToken(token);
        jdbc.update("INSERT INTO user_blacklist (user_id, reason) VALUES (?, 'test')", userId);
        blacklist.refresh();
        assertThat(api.post("/checkin/v1/checkin", "", token).code()).isEqualTo(200015);

        jdbc.update("UPDATE user_blacklist SET lifted_at = UTC_TIMESTAMP(3) WHERE user_id = ?", userId);

        assertThat(api.post("/checkin/v1/checkin", "", token).code()).isEqualTo(200);
    }

    /**
     * A body per write that a user in good standing would get through validation with: WriteBudgetIT's, and real
     * lotteries to join, attempt and do the clock task of (with a ticket {@code token} got before its ban), so that
     * today's code would really write.
     */
    private Map<String, String> bodies(String token) {
        Map<String, String> bodies = new HashMap<>();
        WriteBudgetIT.writes().map(Arguments::get).forEach(args -> {
            bodies.put(args[1] + " " + args[2], (String) args[3]);
            bodies.putIfAbsent("POST " + args[4], (String) args[5]);
        });
        String owner = newUserToken();
        long byTime = createLottery(owner, lottery(1, 0, prize(1, 1)));
        long instant = createLottery(owner, lottery(3, 0, prize(1, 5, 1_000_000)));
        long now = clock.instant().getEpochSecond();
        long clocked = createLottery(owner, lottery(1, 0, prize(1, 1)).replace("\"isClocked\":0",
                "\"isClocked\":1,\"clockTask\":{\"type\":2,\"seconds\":0,\"articleLink\":\"https://mp.example.com/a\","
                        + "\"copywriting\":\"读一读\",\"chanceType\":1,\"increaseMultiple\":1}"));
        bodies.put("POST /lottery/v1/lottery/createLottery", lottery(1, 0, prize(1, 1)));
        bodies.put("POST /lottery/v1/lottery/participation", "{\"lotteryId\":" + byTime + "}");
        bodies.put("POST /lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + instant + "}");
        bodies.put("POST /lottery/v1/lottery/startClockTask", "{\"lotteryId\":" + clocked + "}");
        // a ticket of the user's own, started through the service before the ban: its redemption would write
        bodies.put("POST /lottery/v1/lottery/completeClockTask", "{\"lotteryId\":" + clocked + ",\"ticket\":\""
                + clockTasks.start(userIdInToken(token), clocked).ticket() + "\"}");
        bodies.put("POST /comment/v1/comment/updateComment", "{\"id\":1,\"content\":\"改\"}");
        bodies.put("POST /usercenter/v1/userContact/upDateSponsor", "{\"id\":1,\"type\":1,\"name\":\"改名\"}");
        bodies.put("POST /usercenter/v1/user/logoutAll", "{}");
        bodies.put("POST /usercenter/v1/user/changePassword", "{\"oldPassword\":\"secret123\",\"newPassword\":\"another9\"}");
        // a code WeChat would answer with a number nobody has: today's code would bind it
        String phoneCode = "phone-" + java.util.UUID.randomUUID();
        com.luckify.support.WeChatStub.instance().phoneNumber(phoneCode, "86", freshMobile());
        bodies.put("POST /usercenter/v1/user/bindMobile", "{\"code\":\"" + phoneCode + "\"}");
        bodies.put("PUT /usercenter/v1/user/update", "{\"nickname\":\"banned-" + now + "\",\"signature\":\"hi\"}");
        return bodies;
    }

    /** What the user's writes would leave: their row, and their rows in every table keyed by a user. */
    private Map<String, Object> traces(long userId) {
        Map<String, Object> traces = new LinkedHashMap<>();
        traces.put("user", jdbc.queryForMap("SELECT * FROM `user` WHERE id = ?", userId).toString());
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND column_name = 'user_id' AND table_name <> 'user_blacklist'",
                String.class)) {
            traces.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "` WHERE user_id = ?", Long.class,
                    userId));
        }
        traces.put("outbox_event", jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                Long.class, "%\"userId\":" + userId + "%"));
        return traces;
    }

    /** "METHOD path" of the contract's operations that need a token, or of those marked as writes. */
    @SuppressWarnings("unchecked")
    private static Set<String> contractOperations(boolean writesOnly) {
        try (InputStream in = BlacklistedWritesIT.class.getResourceAsStream("/contract/luckify-api.yaml")) {
            assertThat(in).as("contract on the class path").isNotNull();
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            Map<String, Object> contract = new Yaml(options).load(in);
            Set<String> operations = new TreeSet<>();
            ((Map<String, Map<String, Object>>) contract.get("paths")).forEach((path, byMethod) ->
                    byMethod.forEach((method, value) -> {
                        if (!(value instanceof Map<?, ?> operation) || "removed-at-head".equals(operation.get("x-luckify-status"))) {
                            return;
                        }
                        boolean write = Boolean.TRUE.equals(operation.get("x-luckify-write"));
                        boolean withToken = operation.get("security") instanceof List<?> security && !security.isEmpty();
                        if (writesOnly ? write : withToken && !"get".equals(method)) {
                            operations.add(method.toUpperCase() + " " + path);
                        }
                    }));
            return operations;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
