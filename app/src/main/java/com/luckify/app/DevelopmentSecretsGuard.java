package com.luckify.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the dev, test and demo profiles Luckify refuses to start with a missing secret or with one of the
 * development placeholders that those profiles carry (they all start with {@value #DEV_MARKER}).
 */
@Component
class DevelopmentSecretsGuard implements InitializingBean {

    static final String DEV_MARKER = "dev-only-";
    private static final Set<String> SECRETS = Set.of(
            "luckify.jwt.secret", "luckify.wechat.app-id", "luckify.wechat.app-secret", "luckify.draw.seed-key");
    /** Secrets a deployment may leave out, but never with a development value. */
    private static final Set<String> OPTIONAL_SECRETS = Set.of("luckify.staff.first-admin-password");

    private final Environment environment;

    DevelopmentSecretsGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("dev", "test", "demo"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String name : SECRETS.stream().sorted().toList()) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                problems.add(name + " is not set");
            } else if (value.startsWith(DEV_MARKER)) {
                problems.add(name + " is a development placeholder");
            }
        }
        for (String name : OPTIONAL_SECRETS) {
            String value = environment.getProperty(name);
            if (value != null && value.startsWith(DEV_MARKER)) {
                problems.add(name + " is a development placeholder");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start without real secrets: " + String.join(", ", problems)
                    + ". Set LUCKIFY_JWT_SECRET, LUCKIFY_WECHAT_APP_ID, LUCKIFY_WECHAT_APP_SECRET and LUCKIFY_DRAW_SEED_KEY in the"
                    + " environment,"
                    + " or run with SPRING_PROFILES_ACTIVE=dev for local development.");
        }
    }
}
