package com.luckify.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Console sessions follow the account: what an administrator changes about a staff member holds on that member's
 * next request in a session already open, not at their next login.
 */
class ConsoleSessionsIT extends AdminTest {

    @Test
    void aDisabledStaffMembersOpenSessionIsRefusedOnItsNextRequest() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        String username = staff(StaffRole.MODERATOR);
        AdminClient moderator = loggedInAs(username);
        AdminClient moderatorsOtherTab = loggedInAs(username);
        assertThat(moderator.get("/admin/moderation").status()).isEqualTo(200);

        // given the administrator disables the account through the console
        admin.get("/admin/staff");
        assertThat(admin.htmxPost("/admin/staff/" + staffId(username) + "/enabled", Map.of("enabled", "false"))
                .status()).isEqualTo(200);

        // then the open sessions are sent to the login page, a page and an htmx request alike
        assertThat(moderator.get("/admin/moderation").redirectsTo("/admin/login")).isTrue();
        assertThat(moderator.get("/admin").redirectsTo("/admin/login")).isTrue();
        AdminClient.Page htmx = moderatorsOtherTab.htmxGet("/admin/moderation");
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).startsWith("/admin/login");
        // and the administrator sees none of them open
        assertThat(admin.get("/admin/staff/" + staffId(username)).body()).doesNotContain("class=\"open-session\"");
    }

    @Test
    void aDemotedStaffMemberLosesAPageOnTheirNextRequest() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        String username = staff(StaffRole.ADMIN);
        AdminClient demoted = loggedInAs(username);
        assertThat(demoted.get("/admin/staff").status()).isEqualTo(200);

        assertThat(admin.htmxPost("/admin/staff/" + staffId(username) + "/roles", Map.of("roles", "MODERATOR"))
                .status()).isEqualTo(200);

        assertThat(demoted.get("/admin/staff").status()).isEqualTo(403);
        assertThat(demoted.htmxPost("/admin/staff/999999999/enabled", Map.of("enabled", "false"))
                .status()).isEqualTo(403);
        assertThat(demoted.get("/admin/moderation").status()).isEqualTo(200);
        // the menu follows too
        assertThat(demoted.get("/admin").body()).doesNotContain("data-menu=\"jobs\"");
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusyItIs() {
        AdminClient client = loggedIn(StaffRole.FINANCE);
        Instant login = clock.instant();

        // busy all along (the idle timeout never strikes), 11 hours on it still works
        clock.set(login.plus(Duration.ofHours(11)));
        assertThat(client.get("/admin/reports").status()).isEqualTo(200);

        // luckify.admin.session.max-age: 12 hours after the login it ends, a page and an htmx request alike
        clock.set(login.plus(Duration.ofHours(12)).plusSeconds(1));
        assertThat(client.get("/admin/reports").redirectsTo("/admin/login")).isTrue();
        assertThat(client.htmxGet("/admin/reports").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorListsAStaffMembersSessionsAndEndsThem() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        String username = staff(StaffRole.CAMPAIGN_MANAGER);
        AdminClient laptop = loggedInAs(username);
        AdminClient phone = loggedInAs(username);
        long id = staffId(username);

        AdminClient.Page detail = admin.get("/admin/staff/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().split("class=\"open-session\"", -1)).hasSize(3);
        // the session ids are never shown: they are as good as the password
        assertThat(detail.body()).doesNotContain(laptop.sessionId().orElseThrow(), phone.sessionId().orElseThrow());

        // only an administrator may end them, and only with the CSRF token
        assertThat(laptop.htmxPost("/admin/staff/" + id + "/sessions/end", Map.of()).status()).isEqualTo(403);
        assertThat(admin.postWithoutToken("/admin/staff/" + id + "/sessions/end", Map.of(), true).status())
                .isEqualTo(403);
        assertThat(laptop.get("/admin/lotteries").status()).isEqualTo(200);

        AdminClient.Page ended = admin.htmxPost("/admin/staff/" + id + "/sessions/end", Map.of());
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body()).doesNotContain("class=\"open-session\"");

        assertThat(laptop.get("/admin/lotteries").redirectsTo("/admin/login")).isTrue();
        assertThat(phone.htmxGet("/admin/lotteries").status()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT after_json FROM audit_log WHERE action = 'staff.sessions-end' AND target_id = ?",
                String.class, String.valueOf(id))).singleElement().asString().contains("2");
        // the administrator's own session is untouched
        assertThat(admin.get("/admin/staff").status()).isEqualTo(200);
    }

    private AdminClient loggedInAs(String username) {
        AdminClient client = new AdminClient(port);
        AdminClient.Page answer = client.login(username, PASSWORD);
        assertThat(answer.redirectsTo("/admin")).as("login " + answer).isTrue();
        return client;
    }
}
