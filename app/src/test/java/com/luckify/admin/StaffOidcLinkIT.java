package com.luckify.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffAccount;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * OIDC logins are matched on (issuer, subject): a subject is unique only within its issuer, so the same "sub"
 * from another provider (or another tenant of a multi-tenant one) is someone else. What {@code StaffOidcUserService}
 * asks for each login is {@code StaffService.byOidcIdentity(token issuer, token subject, registration's issuer)}.
 */
class StaffOidcLinkIT extends AdminTest {

    private static final String CORP = "https://sso.corp.example";
    private static final String OTHER = "https://login.other.example/tenant-b";

    @Test
    void theSameSubjectFromAnotherIssuerDoesNotLogInAsTheLinkedAccount() {
        long moderator = staffId(staff(StaffRole.MODERATOR));
        String subject = "sub-" + UUID.randomUUID();
        staffService.linkOidcIdentity(FIXTURES, moderator, CORP, subject);

        assertThat(staffService.byOidcIdentity(OTHER, subject, OTHER)).isEmpty();
        assertThat(staffService.byOidcIdentity(CORP, subject, CORP)).map(StaffAccount::id).contains(moderator);

        // that issuer's subject may be linked to another account, and logs in as that one
        long finance = staffId(staff(StaffRole.FINANCE));
        staffService.linkOidcIdentity(FIXTURES, finance, OTHER, subject);
        assertThat(staffService.byOidcIdentity(OTHER, subject, CORP)).map(StaffAccount::id).contains(finance);
        assertThat(staffService.byOidcIdentity(CORP, subject, CORP)).map(StaffAccount::id).contains(moderator);
    }

    @Test
    void aLinkMadeBeforeIssuersWereKeptCountsOnlyThroughTheConfiguredIssuerAndLearnsIt() {
        long moderator = staffId(staff(StaffRole.MODERATOR));
        String subject = "sub-" + UUID.randomUUID();
        // as V19 leaves a link made before it
        jdbc.update("UPDATE staff_account SET oidc_issuer = '', oidc_subject = ? WHERE id = ?", subject, moderator);

        assertThat(staffService.byOidcIdentity(OTHER, subject, CORP)).isEmpty();
        assertThat(staffService.byOidcIdentity(OTHER, subject, null)).isEmpty();
        assertThat(staffService.byOidcIdentity(CORP, subject, CORP)).map(StaffAccount::id).contains(moderator);

        assertThat(jdbc.queryForObject("SELECT oidc_issuer FROM staff_account WHERE id = ?", String.class, moderator))
                .isEqualTo(CORP);
        // from now on it is an ordinary link to that issuer
        assertThat(staffService.byOidcIdentity(OTHER, subject, OTHER)).isEmpty();
    }

    @Test
    void anAdministratorLinksAnIdentityWithItsIssuerThroughTheConsole() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        long moderator = staffId(staff(StaffRole.MODERATOR));
        String subject = "sub-" + UUID.randomUUID();
        admin.get("/admin/staff");

        // no provider is configured in the tests, so the console cannot guess the issuer
        assertThat(admin.htmxPost("/admin/staff/" + moderator + "/oidc", Map.of("subject", subject)).status())
                .isEqualTo(422);
        assertThat(admin.htmxPost("/admin/staff/" + moderator + "/oidc", Map.of("issuer", CORP, "subject", subject))
                .status()).isEqualTo(200);

        assertThat(staffService.byOidcIdentity(CORP, subject, null)).map(StaffAccount::id).contains(moderator);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.oidc' AND target_id = ?"
                + " AND after_json LIKE ?", Integer.class, String.valueOf(moderator), "%" + CORP + "%")).isEqualTo(1);
    }
}
