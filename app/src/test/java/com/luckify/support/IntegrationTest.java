package com.luckify.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole application on a random port against the real MariaDB and Redis
 * (database {@code luckify_test}). All subclasses share this one configuration and so one Spring context.
 * Tests make their own users with fresh mobiles, so they never depend on each other or on order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    private static final AtomicLong MOBILE_SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L));

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("luckify.wechat.api-base-url", () -> WeChatStub.instance().baseUrl());
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
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

    /** Creates a lottery as the owner of {@code token} and returns its id. */
    protected long createLottery(String token, String body) {
        ApiClient.Response response = api.post("/lottery/v1/lottery/createLottery", body, token);
        if (response.code() != 200) {
            throw new AssertionError("createLottery failed: " + response);
        }
        return response.data().path("id").asLong();
    }
}
