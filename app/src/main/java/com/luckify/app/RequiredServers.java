package com.luckify.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything else starts, checks that MySQL/MariaDB and Redis accept connections, so a missing
 * server stops Luckify (and the test suite) at once with a message that says which one and how to fix it,
 * instead of a minute of retries and a wall of stack traces. Registered in {@code META-INF/spring.factories}.
 */
public class RequiredServers implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final String FIX = "Start the local servers with `sudo scripts/services.sh` (installs and starts "
            + "MariaDB and Redis), or point Luckify at running ones with %s.";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("luckify.startup.check-servers", Boolean.class, true)) {
            return;
        }
        String jdbcUrl = env.getProperty("spring.datasource.url");
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:")) {
            URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
            require("MySQL/MariaDB", db.getHost(), db.getPort() > 0 ? db.getPort() : 3306,
                    "LUCKIFY_DB_URL (LUCKIFY_TEST_DB_URL for the tests), LUCKIFY_DB_USER and LUCKIFY_DB_PASSWORD");
        }
        require("Redis", env.getProperty("spring.data.redis.host", "localhost"),
                env.getProperty("spring.data.redis.port", Integer.class, 6379), "LUCKIFY_REDIS_HOST and LUCKIFY_REDIS_PORT");
    }

    private static void require(String server, String host, int port, String variables) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new ServerUnreachableException(server + " is not reachable at " + host + ":" + port + " ("
                    + e.getMessage() + "). " + FIX.formatted(variables));
        }
    }

    /** Start-up failure whose message is the whole explanation. */
    static class ServerUnreachableException extends IllegalStateException {

        ServerUnreachableException(String message) {
            super(message);
        }
    }
}
