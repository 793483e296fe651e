package com.luckify.support;

import com.luckify.common.OutboxRelay;
import com.luckify.web.security.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every {@code *IT}: the whole application on a random port against the real MariaDB and Redis
 * (database {@code luckify_test}). All subclasses share this one configuration and so one Spring context.
 * Tests make their own users with fresh mobiles, so they never depend on each other or on order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ExtendWith(DatabaseInvariants.class)
public abstract class IntegrationTest {

    private static final AtomicLong MOBILE_SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L));

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected TokenIssuer tokens;

    @Autowired
    private OutboxRelay relay;

    protected ApiClient api;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("luckify.wechat.api-base-url", () -> WeChatStub.instance().baseUrl());
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    /** An 11-digit mobile no other test (or earlier run) used. */
    protected static String freshMobile() {
        return "19" + String.format("%09d", MOBILE_SEQUENCE.incrementAndGet() % 1_000_000_000L);
    }

    /** Registers a new user and returns its token. */
    protected String newUserToken() {
        return register(freshMobile(), "secret123").data().path("accessToken").asString();
    }

    protected ApiClient.Response register(String mobile, String password) {
        return api.post("/usercenter/v1/user/register",
                "{\"mobile\":\"" + mobile + "\",\"password\":\"" + password + "\"}");
    }

    protected long userIdOf(String token) {
        return api.post("/usercenter/v1/user/detail", "{}", token).data().path("userInfo").path("id").asLong();
    }

    /** The user id a token names, read from its claims, without a request of the user's. */
    protected static long userIdInToken(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(claims).path(TokenIssuer.USER_ID_CLAIM).asLong();
    }

    /**
     * Relays the events written so far and waits until every subscription has handled them (or set them aside
     * after its attempts): the event flows are asynchronous, through Redis.
     */
    protected void awaitEventsHandled() {
        long upTo = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM outbox_event", Long.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            relay.relayPending();
            int open = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM outbox_event WHERE id <= ? AND published_time IS NULL)"
                    // a delivery that has failed before (another test's bad event, a dead letter put back, retried
                    // with growing pauses) is not waited for: a test that needs a retry waits for its own effect
                    + " + (SELECT COUNT(*) FROM event_delivery WHERE event_id <= ? AND done_time IS NULL AND attempts < 10"
                    + " AND last_error IS NULL)",
                    Integer.class, upTo, upTo);
            if (open == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open + " events up to " + upTo + " still unhandled");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A new user who logged in with WeChat (has an openid, so notices reach them); returns the openid. */
    protected String weChatUser() {
        long userId = userIdOf(newUserToken());
        String openId = "o-stub-" + UUID.randomUUID();
        jdbc.update("INSERT INTO user_auth (user_id, auth_type, auth_key) VALUES (?, 'wxMini', ?)", userId, openId);
        return openId;
    }

    protected long userIdOfOpenId(String openId) {
        return jdbc.queryForObject("SELECT user_id FROM user_auth WHERE auth_type = 'wxMini' AND auth_key = ?", Long.class,
                openId);
    }

    protected String tokenOf(String openId) {
        return tokens.issue(userIdOfOpenId(openId)).accessToken();
    }

    /** Creates a lottery as the owner of {@code token} and returns its id. */
    protected long createLottery(String token, String body) {
        ApiClient.Response response = api.post("/lottery/v1/lottery/createLottery", body, token);
        if (response.code() != 200) {
            throw new AssertionError("createLottery failed: " + response);
        }
        return response.data().path("id").asLong();
    }

    /** Users made straight in the database (2,000 BCrypt registrations would take minutes), with real tokens. */
    protected List<String> bulkUserTokens(int n) {
        String batch = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {batch + i});
        }
        jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", rows);
        return jdbc.queryForList("SELECT id FROM `user` WHERE nickname LIKE ? ORDER BY id", Long.class, batch + "%")
                .stream().map(userId -> tokens.issue(userId).accessToken()).toList();
    }

    /** Calls {@code call} for every input from {@code threads} threads released at the same moment. */
    protected static <T, R> List<R> runConcurrently(int threads, List<T> inputs, Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(input);
                }));
            }
            start.countDown();
            List<R> responses = new ArrayList<>();
            for (Future<R> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
