package com.luckify.admin.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Console sessions are kept in Spring Session's <b>indexed</b> Redis repository, as a default below every other
 * source: only that one finds a staff member's sessions by username ({@link ConsoleSessions}), so an administrator
 * can list and end them and disabling an account ends them at once. It asks Redis for keyspace notifications
 * ({@code CONFIG SET notify-keyspace-events}) at start-up; where the server refuses CONFIG, set them there and
 * {@code spring.session.data.redis.configure-action=none}. Registered in {@code META-INF/spring.factories}.
 */
public class ConsoleSessionDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of("spring.session.data.redis.repository-type", "indexed");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
