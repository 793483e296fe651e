package com.luckify.app;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

    @Test
    void productionRefusesMissingSecrets() {
        MockEnvironment env = new MockEnvironment().withProperty("luckify.jwt.secret", "a-real-secret-of-more-than-32-bytes!!");

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(env).afterPropertiesSet())
                .hasMessageContaining("luckify.wechat.app-id is not set")
                .hasMessageContaining("luckify.wechat.app-secret is not set")
                .hasMessageContaining("luckify.draw.seed-key is not set")
                .hasMessageContaining("LUCKIFY_WECHAT_APP_ID");
    }

    @Test
    void productionRefusesDevelopmentPlaceholders() {
        MockEnvironment env = realSecrets().withProperty("luckify.jwt.secret", "dev-only-jwt-secret-change-me-0123456789abcdef");

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(env).afterPropertiesSet())
                .hasMessageContaining("luckify.jwt.secret is a development placeholder");
    }

    @Test
    void productionRefusesTheDevelopmentDrawSeedKey() {
        MockEnvironment env = realSecrets().withProperty("luckify.draw.seed-key", "dev-only-1:AAAA");

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(env).afterPropertiesSet())
                .hasMessageContaining("luckify.draw.seed-key is a development placeholder");
    }

    @Test
    void productionRefusesTheDevelopmentAdministratorsPassword() {
        MockEnvironment env = realSecrets().withProperty("luckify.staff.first-admin-password", "dev-only-admin-pass");

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(env).afterPropertiesSet())
                .hasMessageContaining("luckify.staff.first-admin-password is a development placeholder");
    }

    @Test
    void productionStartsWithRealSecrets() {
        assertThatNoException().isThrownBy(() -> new DevelopmentSecretsGuard(realSecrets()).afterPropertiesSet());
    }

    @Test
    void devTestAndDemoProfilesMayUsePlaceholders() {
        for (String profile : new String[] {"dev", "test", "demo"}) {
            MockEnvironment env = new MockEnvironment().withProperty("luckify.jwt.secret", "dev-only-x");
            env.setActiveProfiles(profile);

            assertThatNoException().isThrownBy(() -> new DevelopmentSecretsGuard(env).afterPropertiesSet());
        }
    }

    private static MockEnvironment realSecrets() {
        return new MockEnvironment()
                .withProperty("luckify.jwt.secret", "a-real-secret-of-more-than-32-bytes!!")
                .withProperty("luckify.wechat.app-id", "wx1234567890")
                .withProperty("luckify.wechat.app-secret", "0123456789abcdef0123456789abcdef")
                .withProperty("luckify.draw.seed-key", "k1:fhZ0Zp2TqQ0xW2y0bD7yq8J3oQm1d5k6Xx9Zr4cVb2s=");
    }
}
