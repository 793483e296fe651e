package com.luckify.app;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static com.luckify.support.LuckifyProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.luckify.integration.EventConsumers;
import com.luckify.lottery.LotteryService;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.DrawFixtures;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.NginxBalancer;
import com.luckify.support.WeChatStub;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Luckify deployed for scale: two processes of the built jar with the roles {@code api,admin} behind round robin,
 * and one with {@code worker,batch}, against the same MariaDB and Redis. Nothing ties a client to a replica: a
 * console session and its CSRF token hold on both and a logout on one ends it on both, an instant lottery attacked
 * through both sells each unit once, a by-time draw runs once, each event is handled once, and the replicas share
 * one WeChat access token. Requests go through nginx with the repository's {@code ops/nginx/luckify.conf} when nginx
 * is installed (scripts/services.sh --for-tests installs it); the console test also alternates strictly itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasBehindRoundRobinIT extends AdminTest {

    private static final Logger log = LoggerFactory.getLogger(ReplicasBehindRoundRobinIT.class);
    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";

    private final LuckifyProcesses processes = new LuckifyProcesses();
    private int east;
    private int west;
    private NginxBalancer nginx;

    @Autowired
    EventConsumers consumers;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    RedissonClient redisson;

    @BeforeAll
    void startReplicas() throws Exception {
        // this process's own consumers stand aside: the worker process is to handle the events
        consumers.pause();
        east = freePort();
        west = freePort();
        int worker = freePort();
        processes.startBuiltJar("east", replica(east));
        processes.startBuiltJar("west", replica(west));
        processes.startBuiltJar("worker", "--luckify.roles=worker,batch", "--server.port=" + worker,
                "--luckify.draw.poll-interval=1s");
        await("every process ready", 180, () -> ready(east) && ready(west) && ready(worker));
        Optional<Path> binary = NginxBalancer.binary();
        if (binary.isPresent()) {
            nginx = NginxBalancer.start(binary.get(), freePort(), List.of(east, west));
        } else {
            log.warn("nginx is not installed: requests alternate between the replicas in the test itself");
        }
        log.info("replicas east={} west={} worker={}, {}", east, west, worker,
                nginx == null ? "no nginx" : "nginx on " + nginx.port());
    }

    @AfterAll
    void stopReplicas() {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            processes.close();
            consumers.resume();
        }
    }

    @Test
    void aConsoleSessionAndItsCsrfTokenHoldOnBothReplicasAndALogoutEndsItOnBoth() {
        String username = staff(StaffRole.ADMIN);
        long userId = userIdOf(newUserToken());
        // one request to each in turn: the login page on east, the login form's post on west, the dashboard on east...
        AdminClient staff = AdminClient.roundRobin(east, west);

        AdminClient.Page login = staff.login(username, PASSWORD);
        assertThat(login.redirectsTo("/admin")).as("the login form posted to the other replica: %s", login).isTrue();

        AdminClient.Page banned = staff.htmxPost("/admin/users/" + userId + "/blacklist", Map.of("reason", "replicas"));
        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.body()).contains("id=\"blacklisted-badge\"");
        assertThat(staff.htmxPost("/admin/users/" + userId + "/unblock", Map.of()).status()).isEqualTo(200);
        assertThat(staff.postWithoutToken("/admin/users/" + userId + "/blacklist", Map.of("reason", "x"), true).status())
                .as("CSRF still checked").isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = ? ORDER BY id",
                String.class, String.valueOf(userId))).containsExactly("user.blacklist", "user.unblock");

        staff.get("/admin");
        assertThat(staff.post("/admin/logout", Map.of()).redirectsTo("/admin/login?logout")).isTrue();
        assertThat(staff.get("/admin").redirectsTo("/admin/login")).as("logged out on the other replica too").isTrue();
        assertThat(staff.get("/admin").redirectsTo("/admin/login")).isTrue();
    }

    @Test
    void behindNginxAConsoleSessionMeetsBothReplicas() throws Exception {
        assumeTrue(nginx != null, "nginx is not installed");
        String username = staff(StaffRole.ADMIN);
        long userId = userIdOf(newUserToken());
        AdminClient staff = new AdminClient(nginx.port());

        AdminClient.Page login = staff.login(username, PASSWORD);
        assertThat(login.redirectsTo("/admin")).as("%s", login).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(staff.htmxPost("/admin/users/" + userId + "/blacklist", Map.of("reason", "nginx " + i)).status())
                    .isEqualTo(200);
            assertThat(staff.htmxPost("/admin/users/" + userId + "/unblock", Map.of()).status()).isEqualTo(200);
        }
        assertThat(staff.post("/admin/logout", Map.of()).redirectsTo("/admin/login?logout")).isTrue();

        assertThat(nginx.upstreamsOf("/admin")).as("console requests nginx sent to each replica")
                .contains("127.0.0.1:" + east, "127.0.0.1:" + west).doesNotContain("-");
    }

    @Test
    void anInstantLotteryAttackedThroughBothReplicasSellsEachUnitOnce() throws Exception {
        long id = createLottery(newUserToken(), lottery(3, 0, prize(1, 20, 500_000), prize(2, 30, 500_000)));
        List<String> users = bulkUserTokens(400);

        List<Response> responses = runConcurrently(32, IntStream.range(0, users.size()).boxed().toList(),
                i -> front(i).post(ATTEMPT, "{\"lotteryId\":" + id + "}", users.get(i)));

        assertThat(responses).extracting(Response::code).containsOnly(200, 500044);
        long wins = responses.stream().filter(r -> r.code() == 200 && r.data().path("prizeId").asLong() > 0).count();
        long recorded = responses.stream().filter(r -> r.code() == 200).count();
        assertThat(wins).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", id)).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", id)).isEqualTo(recorded);
        assertThat(count("SELECT COALESCE(SUM(stock), -1) FROM prize WHERE lottery_id = ?", id)).isZero();
        if (nginx != null) {
            assertThat(nginx.upstreamsOf(ATTEMPT)).contains("127.0.0.1:" + east, "127.0.0.1:" + west);
        }
    }

    @Test
    void joinsThroughBothReplicasAreHandledOnceTheDrawRunsOnceAndOneWeChatTokenServesThemAll() throws Exception {
        // no shared token yet, so the replicas' first WeChat calls race to fetch one
        redisson.getKeys().deleteByPattern("luckify:wechat:access-token:*");
        WeChatStub weChat = WeChatStub.instance();
        int grantsBefore = weChat.tokenGrants();
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));

        List<String> openIds = IntStream.range(0, 8).mapToObj(i -> "o-replicas-" + UUID.randomUUID()).toList();
        List<String> tokens = runConcurrently(8, IntStream.range(0, openIds.size()).boxed().toList(), i -> {
            String code = "c-" + UUID.randomUUID();
            weChat.session(code, openIds.get(i), Base64.getEncoder().encodeToString(new byte[16]));
            Response login = front(i).post("/usercenter/v1/user/wxMiniAuth", "{\"code\":\"" + code + "\"}");
            assertThat(login.code()).as("WeChat log-in %s", login).isEqualTo(200);
            return login.data().path("accessToken").asString();
        });
        List<Response> joins = runConcurrently(8, IntStream.range(0, tokens.size()).boxed().toList(),
                i -> front(i + 1).post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}",
                        tokens.get(i)));
        assertThat(joins).extracting(Response::code).containsOnly(200);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);

        await("every participant told the result", 120, () -> openIds.stream()
                .allMatch(openId -> !weChat.subscribeMessagesTo(openId).isEmpty()));
        await("every delivery of the lottery's events done", 30, () -> count("SELECT COUNT(*) FROM event_delivery d "
                + "JOIN outbox_event e ON e.id = d.event_id WHERE e.aggregate_id = ? AND d.done_time IS NULL", lotteryId) == 0);

        assertThat(drawExecutions(lotteryId)).as("drawn once").containsExactly("COMPLETED");
        assertThat(DrawFixtures.winners(jdbc, lotteryId)).hasSize(1);
        List<String> tokensUsed = new ArrayList<>();
        for (String openId : openIds) {
            assertThat(weChat.subscribeMessagesTo(openId)).as("one notice each").hasSize(1);
            assertThat(count("SELECT progress FROM task_record WHERE user_id = (SELECT user_id FROM user_auth "
                    + "WHERE auth_type = 'wxMini' AND auth_key = ?) AND task_id = 1", openId)).as("the join counted once")
                    .isEqualTo(1);
            tokensUsed.addAll(weChat.accessTokensOfMessagesTo(openId));
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT d.done_by FROM event_delivery d JOIN outbox_event e "
                + "ON e.id = d.event_id WHERE e.aggregate_id = ?", String.class, lotteryId)).containsExactly("worker");
        assertThat(weChat.tokenGrants() - grantsBefore).as("access tokens WeChat granted to the three processes")
                .isEqualTo(1);
        assertThat(tokensUsed).doesNotContainNull().hasSize(openIds.size()).containsOnly(tokensUsed.get(0));
        if (nginx != null) {
            assertThat(nginx.upstreamsOf("/lottery/v1/lottery/participation"))
                    .contains("127.0.0.1:" + east, "127.0.0.1:" + west);
        }
    }

    /** The replica (or nginx) that the {@code i}th request of a round goes to. */
    private ApiClient front(int i) {
        if (nginx != null) {
            return new ApiClient(nginx.port());
        }
        return new ApiClient(i % 2 == 0 ? east : west);
    }

    private static String[] replica(int port) {
        // behind nginx the client's address and scheme come from X-Forwarded-* (the README's setting for proxies)
        return new String[] {"--luckify.roles=api,admin", "--server.port=" + port,
                "--server.forward-headers-strategy=native"};
    }

    private static boolean ready(int port) {
        try {
            return new ApiClient(port).get("/actuator/health/readiness").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private List<String> drawExecutions(long lotteryId) {
        return jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND i.JOB_NAME = 'drawJob' JOIN BATCH_JOB_EXECUTION_PARAMS p "
                + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'lotteryId' AND p.PARAMETER_VALUE = ? "
                + "ORDER BY e.JOB_EXECUTION_ID", String.class, Long.toString(lotteryId));
    }
}
