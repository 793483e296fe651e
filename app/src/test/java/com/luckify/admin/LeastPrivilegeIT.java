package com.luckify.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in the console and the public API: moderators see users without their contact and points,
 * large rewards need an administrator or finance, and a hidden sponsor is its owner's business only.
 */
class LeastPrivilegeIT extends AdminTest {

    @Test
    void aModeratorSeesAMaskedMobileAndNoLedgerWhileAnAdminSeesBoth() {
        String mobile = freshMobile();
        String token = register(mobile, "secret123").data().path("accessToken").asString();
        long userId = userIdOf(token);
        api.post("/checkin/v1/checkin", "{}", token);
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);

        AdminClient moderator = loggedIn(StaffRole.MODERATOR);
        String page = moderator.get("/admin/users/" + userId).body();
        String found = moderator.htmxGet("/admin/users?q=" + mobile).body();
        AdminClient.Page ledgerPage = moderator.get("/admin/users/" + userId + "?ledgerPage=1",
                Map.of("HX-Request", "true", "HX-Target", "ledger"));

        assertThat(page).contains(masked, "Check-ins").doesNotContain(mobile, "id=\"ledger\"", "Points ledger");
        assertThat(found).as("a full mobile still finds the user").contains(masked).doesNotContain(mobile);
        assertThat(ledgerPage.status()).isEqualTo(403);
        assertThat(ledgerPage.body()).doesNotContain("id=\"ledger\"");

        String adminPage = loggedIn(StaffRole.ADMIN).get("/admin/users/" + userId).body();
        assertThat(adminPage).contains(mobile, "id=\"ledger\"", "Points ledger");
    }

    @Test
    void aCampaignManagersRewardAboveTheLimitIsRefusedAndAnAdminsGoesThrough() {
        List<Integer> rewardsBefore = jdbc.queryForList("SELECT reward FROM checkin_reward ORDER BY cycle_day",
                Integer.class);
        int taskBefore = jdbc.queryForObject("SELECT integral FROM tasks WHERE id = 7", Integer.class);
        String needCountBefore = jdbc.queryForObject("SELECT need_count FROM tasks WHERE id = 7", String.class);
        long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_log", Long.class);
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        try {
            // default limit: 100 wish value per check-in day or task
            AdminClient.Page checkin = manager.htmxPost("/admin/settings/checkin-rewards?" + rewards(rewardsBefore, 101),
                    Map.of());
            AdminClient.Page task = manager.htmxPost("/admin/settings/tasks/7",
                    Map.of("integral", "5000", "needCount", needCountBefore, "enabled", "true"));

            assertThat(checkin.status()).isEqualTo(422);
            assertThat(checkin.body()).contains("A reward this large needs an administrator or finance");
            assertThat(task.status()).isEqualTo(422);
            assertThat(task.body()).contains("A reward this large needs an administrator or finance");
            assertThat(jdbc.queryForList("SELECT reward FROM checkin_reward ORDER BY cycle_day", Integer.class))
                    .isEqualTo(rewardsBefore);
            assertThat(jdbc.queryForObject("SELECT integral FROM tasks WHERE id = 7", Integer.class)).isEqualTo(taskBefore);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE id > ? AND action IN"
                    + " ('checkin.rewards', 'task.change')", Integer.class, auditBefore))
                    .as("nothing changed, nothing audited").isZero();
            // within the limit a campaign manager still decides alone
            assertThat(manager.htmxPost("/admin/settings/tasks/7", Map.of("integral", "100", "needCount", needCountBefore,
                    "enabled", "true")).status()).isEqualTo(200);

            // each approver raises the rewards further, so each one's change is above the limit and new
            int reward = 400;
            for (AdminClient approver : List.of(loggedIn(StaffRole.ADMIN), loggedIn(StaffRole.FINANCE))) {
                reward += 100;
                assertThat(approver.htmxPost("/admin/settings/checkin-rewards?" + rewards(rewardsBefore, reward),
                        Map.of()).body()).contains("Saved.");
                assertThat(approver.htmxPost("/admin/settings/tasks/7", Map.of("integral", String.valueOf(reward * 10),
                        "needCount", needCountBefore, "enabled", "true")).body()).contains("Saved.");
            }
            assertThat(jdbc.queryForObject("SELECT reward FROM checkin_reward WHERE cycle_day = 7", Integer.class))
                    .isEqualTo(600);
            assertThat(jdbc.queryForObject("SELECT integral FROM tasks WHERE id = 7", Integer.class)).isEqualTo(6000);
            assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE id > ? AND action IN ('checkin.rewards',"
                    + " 'task.change') ORDER BY id", String.class, auditBefore))
                    .containsExactly("task.change", "checkin.rewards", "task.change", "checkin.rewards", "task.change");
            // a large reward already set does not stop a campaign manager from changing something else
            assertThat(manager.htmxPost("/admin/settings/tasks/7", Map.of("integral", "6000", "needCount", "1",
                    "enabled", "true")).status()).isEqualTo(200);
        } finally {
            AdminClient admin = loggedIn(StaffRole.ADMIN);
            admin.htmxPost("/admin/settings/checkin-rewards?" + rewards(rewardsBefore, rewardsBefore.get(6)), Map.of());
            admin.htmxPost("/admin/settings/tasks/7", Map.of("integral", String.valueOf(taskBefore), "needCount",
                    needCountBefore, "enabled", "true"));
        }
    }

    @Test
    void aHiddenSponsorIsNotFoundByStrangersButItsOwnerStillSeesIt() {
        String owner = newUserToken();
        String stranger = newUserToken();
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                + "\"isShow\":1,\"name\":\"隐藏赞助\",\"desc\":\"desc\",\"avatar\":\"https://img.example.com/a.png\","
                + "\"qr_code\":\"https://img.example.com/qr.png\",\"inputA\":\"wx-id\",\"inputB\":\"\"}", owner)
                .data().path("id").asLong();
        String body = "{\"id\":" + sponsorId + "}";
        assertThat(api.post("/usercenter/v1/userSponsor/sponsorDetail", body).code()).isEqualTo(200);

        loggedIn(StaffRole.CAMPAIGN_MANAGER).htmxPost("/admin/sponsors/" + sponsorId + "/shown",
                Map.of("shown", "false"));

        ApiClient.Response anonymous = api.post("/usercenter/v1/userSponsor/sponsorDetail", body);
        ApiClient.Response strangers = api.post("/usercenter/v1/userSponsor/sponsorDetail", body, stranger);
        ApiClient.Response owners = api.post("/usercenter/v1/userSponsor/sponsorDetail", body, owner);
        ApiClient.Response staleToken = api.post("/usercenter/v1/userSponsor/sponsorDetail", body, "not-a-token");
        assertThat(anonymous.code()).as("%s", anonymous).isEqualTo(200012);
        assertThat(anonymous.body()).doesNotContain("隐藏赞助", "qr.png");
        assertThat(strangers.code()).as("%s", strangers).isEqualTo(200012);
        assertThat(staleToken.code()).as("a bad token is a stranger, not an error: %s", staleToken).isEqualTo(200012);
        assertThat(owners.code()).as("%s", owners).isEqualTo(200);
        assertThat(owners.data().path("name").asString()).isEqualTo("隐藏赞助");
        assertThat(owners.data().path("isShow").asInt()).isEqualTo(2);

        // the owner cannot undo staff's hide; staff's show lifts it
        assertThat(api.post("/usercenter/v1/userContact/upDateSponsor", "{\"id\":" + sponsorId + ",\"isShow\":1}", owner)
                .code()).isEqualTo(200);
        assertThat(api.post("/usercenter/v1/userSponsor/sponsorDetail", body, stranger).code())
                .as("still hidden by staff").isEqualTo(200012);
        loggedIn(StaffRole.CAMPAIGN_MANAGER).htmxPost("/admin/sponsors/" + sponsorId + "/shown", Map.of("shown", "true"));
        assertThat(api.post("/usercenter/v1/userSponsor/sponsorDetail", body, stranger).code()).isEqualTo(200);
    }

    /** The seven check-in rewards as a query string, day 7 set to {@code lastDay}. */
    private static String rewards(List<Integer> before, int lastDay) {
        StringBuilder query = new StringBuilder();
        for (int day = 0; day < 6; day++) {
            query.append("reward=").append(before.get(day)).append('&');
        }
        return query.append("reward=").append(lastDay).toString();
    }
}
