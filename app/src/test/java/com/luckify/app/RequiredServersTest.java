package com.luckify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.luckify.app.RequiredServers.ServerUnreachableException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class RequiredServersTest {

    @Test
    void aClosedDatabasePortStopsStartUpNamingTheServerAndTheFix() throws Exception {
        int closed = freePort();
        try (ServerSocket redis = new ServerSocket(0)) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + closed + "/luckify")
                    .withProperty("spring.data.redis.host", "127.0.0.1")
                    .withProperty("spring.data.redis.port", String.valueOf(redis.getLocalPort()));

            assertThatThrownBy(() -> check(env))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageContaining("MySQL/MariaDB is not reachable at 127.0.0.1:" + closed)
                    .hasMessageContaining("scripts/services.sh")
                    .hasMessageContaining("LUCKIFY_DB_URL");
        }
    }

    @Test
    void aClosedRedisPortStopsStartUpNamingRedis() throws Exception {
        int closed = freePort();
        try (ServerSocket db = new ServerSocket(0)) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + db.getLocalPort() + "/luckify")
                    .withProperty("spring.data.redis.port", String.valueOf(closed));

            assertThatThrownBy(() -> check(env)).hasMessageStartingWith("Redis is not reachable")
                    .hasMessageContaining("LUCKIFY_REDIS_HOST");
        }
    }

    @Test
    void reachableServersLetStartUpContinue() throws Exception {
        try (ServerSocket db = new ServerSocket(0); ServerSocket redis = new ServerSocket(0)) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + db.getLocalPort() + "/luckify?x=y")
                    .withProperty("spring.data.redis.port", String.valueOf(redis.getLocalPort()));

            assertThatNoException().isThrownBy(() -> check(env));
        }
    }

    @Test
    void theFailureAnalysisSeparatesWhatFromHowToFixIt() {
        FailureAnalysis analysis = new ServerUnreachableFailureAnalyzer().analyze(
                new ServerUnreachableException("Redis is not reachable at h:1 (refused). Start it."));

        assertThat(analysis.getDescription()).isEqualTo("Redis is not reachable at h:1 (refused).");
        assertThat(analysis.getAction()).isEqualTo("Start it.");
    }

    private static void check(MockEnvironment env) {
        new RequiredServers().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], env));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
