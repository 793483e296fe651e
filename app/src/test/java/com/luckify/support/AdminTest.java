package com.luckify.support;

import com.luckify.audit.StaffActor;
import com.luckify.staff.NewStaff;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the admin console's tests: staff accounts made for the test, and logged-in clients. */
public abstract class AdminTest extends IntegrationTest {

    protected static final String PASSWORD = "correct-horse-battery";
    /** Who the fixtures' staff accounts were created by, in the audit log. */
    protected static final StaffActor FIXTURES = new StaffActor(0, "test-fixtures", "127.0.0.1");

    @Autowired
    protected StaffService staffService;

    /** A new staff account with these roles; returns its username. */
    protected String staff(StaffRole... roles) {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 12);
        staffService.create(FIXTURES, new NewStaff(username, PASSWORD, "Test " + List.of(roles), EnumSet.copyOf(List.of(roles))));
        return username;
    }

    protected long staffId(String username) {
        return jdbc.queryForObject("SELECT id FROM staff_account WHERE username = ?", Long.class, username);
    }

    /** A client logged in as a new account with these roles. */
    protected AdminClient loggedIn(StaffRole... roles) {
        AdminClient client = new AdminClient(port);
        AdminClient.Page answer = client.login(staff(roles), PASSWORD);
        if (!answer.redirectsTo("/admin")) {
            throw new AssertionError("login failed: " + answer);
        }
        return client;
    }
}
