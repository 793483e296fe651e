package com.luckify.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who gets in and what they may do: form login with lock-out, the session, CSRF, the role matrix over every
 * section, and htmx requests of an expired session.
 */
class AdminSecurityIT extends AdminTest {

    /** Every section and whether each role may open it (the dashboard is for all staff). */
    private static final Map<String, List<StaffRole>> MATRIX = Map.ofEntries(
            Map.entry("/admin", List.of(StaffRole.values())),
            Map.entry("/admin/lotteries", List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER)),
            Map.entry("/admin/lotteries/new", List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER)),
            Map.entry("/admin/sponsors", List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER)),
            Map.entry("/admin/settings", List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER, StaffRole.FINANCE)),
            Map.entry("/admin/moderation", List.of(StaffRole.ADMIN, StaffRole.MODERATOR)),
            Map.entry("/admin/moderation/words", List.of(StaffRole.ADMIN, StaffRole.MODERATOR)),
            Map.entry("/admin/users", List.of(StaffRole.ADMIN, StaffRole.MODERATOR)),
            Map.entry("/admin/jobs", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/reconciliation", List.of(StaffRole.ADMIN, StaffRole.FINANCE)),
            Map.entry("/admin/dead-letters", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/event-dead-letters", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/reports", List.of(StaffRole.ADMIN, StaffRole.FINANCE)),
            Map.entry("/admin/audit", List.of(StaffRole.ADMIN, StaffRole.FINANCE)),
            Map.entry("/admin/staff", List.of(StaffRole.ADMIN)));

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void eachRoleOpensItsSectionsAndIsRefusedTheOthers(StaffRole role) {
        AdminClient client = loggedIn(role);

        MATRIX.forEach((path, allowed) -> {
            AdminClient.Page page = client.get(path);
            int expected = allowed.contains(role) ? 200 : 403;
            assertThat(page.status()).as(role + " GET " + path).isEqualTo(expected);
        });
        // the menu offers exactly the sections the role may open
        String dashboard = client.get("/admin").body();
        assertThat(dashboard.contains("data-menu=\"jobs\"")).as("jobs in the menu of " + role)
                .isEqualTo(role == StaffRole.ADMIN);
        assertThat(dashboard.contains("data-menu=\"lotteries\"")).isEqualTo(role == StaffRole.ADMIN
                || role == StaffRole.CAMPAIGN_MANAGER);
    }

    /**
     * One change per section, each made harmless (refused input or an unknown id): a role that may act gets past
     * security (200 or a 422 refusal), any other role gets 403 and nothing happens.
     */
    private static final List<StaffRole> CAMPAIGNS = List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER);
    private static final Map<String, List<StaffRole>> ACTIONS = Map.ofEntries(
            Map.entry("/admin/lotteries/999999999/feature?featured=true", CAMPAIGNS),
            Map.entry("/admin/sponsors/999999999/shown?shown=false", CAMPAIGNS),
            Map.entry("/admin/settings/tasks/4?integral=0&needCount=0",
                    List.of(StaffRole.ADMIN, StaffRole.CAMPAIGN_MANAGER, StaffRole.FINANCE)),
            Map.entry("/admin/moderation/approve", List.of(StaffRole.ADMIN, StaffRole.MODERATOR)),
            Map.entry("/admin/moderation/words?word=", List.of(StaffRole.ADMIN, StaffRole.MODERATOR)),
            Map.entry("/admin/users/999999999/blacklist?reason=", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/jobs/999999999/stop", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/jobs/999999999/restart", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/event-dead-letters/retry", List.of(StaffRole.ADMIN)),
            Map.entry("/admin/staff/999999999/enabled?enabled=false", List.of(StaffRole.ADMIN)));

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void eachRoleMayActOnlyInItsSections(StaffRole role) {
        AdminClient client = loggedIn(role);
        long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_log", Long.class);

        ACTIONS.forEach((path, allowed) -> {
            int status = client.htmxPost(path, Map.of()).status();
            if (allowed.contains(role)) {
                assertThat(status).as(role + " POST " + path).isIn(200, 422);
            } else {
                assertThat(status).as(role + " POST " + path).isEqualTo(403);
            }
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE id > ? AND actor_name LIKE 'staff-%'",
                Integer.class, auditBefore)).as("nothing changed").isZero();
    }

    /**
     * Least privilege inside the sections: a user's full mobile is for administrators and the points ledger for
     * administrators and finance (moderators see the mobile masked and no ledger); a reward above the approval limit
     * (100) needs an administrator or finance. The reward probe names no task, so nothing changes for any role.
     */
    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void eachRoleSeesUsersAndSetsRewardsOnlyAsFarAsItsWorkNeeds(StaffRole role) {
        String mobile = freshMobile();
        long userId = userIdOf(register(mobile, "secret123").data().path("accessToken").asString());
        AdminClient client = loggedIn(role);

        AdminClient.Page user = client.get("/admin/users/" + userId);
        AdminClient.Page reward = client.htmxPost("/admin/settings/tasks/999999999",
                Map.of("integral", "5000", "needCount", "1"));

        switch (role) {
            case ADMIN -> assertThat(user.body()).as("admin").contains(mobile, "id=\"ledger\"");
            case MODERATOR -> assertThat(user.body()).as("moderator")
                    .contains(mobile.substring(0, 3) + "****" + mobile.substring(7))
                    .doesNotContain(mobile, "id=\"ledger\"");
            default -> assertThat(user.status()).as(role + " opens no user").isEqualTo(403);
        }
        switch (role) {
            case ADMIN, FINANCE -> assertThat(reward.body()).as(role + " may approve").contains("No such task");
            case CAMPAIGN_MANAGER -> assertThat(reward.body()).contains("A reward this large needs an administrator");
            default -> assertThat(reward.status()).as(role + " sets no reward").isEqualTo(403);
        }
    }

    @Test
    void actionsAreCheckedByRoleNotOnlyPages() {
        long userId = userIdOf(newUserToken());
        AdminClient moderator = loggedIn(StaffRole.MODERATOR);
        AdminClient finance = loggedIn(StaffRole.FINANCE);

        // a moderator may look users up, but only an admin may ban
        assertThat(moderator.get("/admin/users/" + userId).status()).isEqualTo(200);
        assertThat(moderator.htmxPost("/admin/users/" + userId + "/blacklist", Map.of("reason", "spam")).status())
                .isEqualTo(403);
        assertThat(finance.htmxPost("/admin/lotteries/1/feature", Map.of("featured", "true")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_blacklist WHERE user_id = ?", Integer.class, userId))
                .isZero();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        AdminClient anonymous = new AdminClient(port);

        assertThat(anonymous.get("/admin/lotteries").redirectsTo("/admin/login")).isTrue();
        assertThat(anonymous.get("/admin/login").body()).contains("name=\"username\"", "name=\"_csrf\"");
    }

    @Test
    void anHtmxRequestWithoutSessionIsToldToLoadTheLoginPageNotGivenItAsAFragment() {
        AdminClient client = loggedIn(StaffRole.ADMIN);
        client.dropSession();

        AdminClient.Page answer = client.htmxGet("/admin/lotteries?q=x");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("HX-Redirect")).isEqualTo("/admin/login?expired");
        assertThat(answer.body()).doesNotContain("<form");
    }

    @Test
    void wrongPasswordsLockTheAccountForAWhileEvenAgainstTheRightOne() {
        String username = staff(StaffRole.MODERATOR);
        AdminClient client = new AdminClient(port);

        // test profile: locked after 3 failures, for 2 seconds
        for (int i = 0; i < 3; i++) {
            assertThat(client.login(username, "wrong-password-" + i).redirectsTo("/admin/login?error")).isTrue();
        }
        assertThat(client.login(username, PASSWORD).redirectsTo("/admin/login?locked")).isTrue();

        clock.set(clock.instant().plus(Duration.ofSeconds(3)));
        assertThat(client.login(username, PASSWORD).redirectsTo("/admin")).isTrue();
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM staff_account WHERE username = ?", Integer.class,
                username)).isZero();
    }

    @Test
    void anUnknownUserAndADisabledAccountCannotLogIn() {
        String username = staff(StaffRole.ADMIN);
        jdbc.update("UPDATE staff_account SET enabled = 0 WHERE username = ?", username);

        assertThat(new AdminClient(port).login("nobody-" + username, PASSWORD).redirectsTo("/admin/login?error"))
                .isTrue();
        assertThat(new AdminClient(port).login(username, PASSWORD).redirectsTo("/admin/login?disabled")).isTrue();
    }

    @Test
    void loggingInGivesANewSessionIdSoAPlantedOneIsWorthless() {
        AdminClient client = new AdminClient(port);
        client.get("/admin/login");
        String before = client.sessionId().orElseThrow();

        client.login(staff(StaffRole.FINANCE), PASSWORD);

        assertThat(client.sessionId()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefused() {
        AdminClient client = loggedIn(StaffRole.MODERATOR);

        AdminClient.Page plain = client.postWithoutToken("/admin/moderation/words", Map.of("word", "csrf-probe"),
                false);
        AdminClient.Page htmx = client.postWithoutToken("/admin/moderation/words", Map.of("word", "csrf-probe"), true);
        AdminClient.Page login = new AdminClient(port).postWithoutToken("/admin/login",
                Map.of("username", "test-admin", "password", "dev-only-test-admin-pass"), false);

        assertThat(plain.status()).isEqualTo(403);
        assertThat(htmx.status()).isEqualTo(403);
        assertThat(login.redirectsTo("/admin")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sensitive_word WHERE word = 'csrf-probe'", Integer.class))
                .isZero();
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironment() {
        // test profile: luckify.staff.first-admin-* (LUCKIFY_ADMIN_USERNAME / LUCKIFY_ADMIN_PASSWORD)
        assertThat(jdbc.queryForList("SELECT r.role FROM staff_role r JOIN staff_account a ON a.id = r.staff_id"
                + " WHERE a.username = 'test-admin'", String.class)).containsExactly("ADMIN");
        AdminClient admin = new AdminClient(port);
        assertThat(admin.login("test-admin", "dev-only-test-admin-pass").redirectsTo("/admin")).isTrue();
        assertThat(admin.get("/admin/staff").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        AdminClient client = loggedIn(StaffRole.ADMIN);

        assertThat(client.post("/admin/logout", Map.of()).redirectsTo("/admin/login?logout")).isTrue();
        assertThat(client.get("/admin").redirectsTo("/admin/login")).isTrue();
    }

    @Test
    void pagesForbidFramingAndForeignScripts() {
        AdminClient.Page page = loggedIn(StaffRole.ADMIN).get("/admin");

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
