package com.luckify.support;

import com.luckify.audit.StaffActor;
import com.luckify.staff.NewStaff;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the admin console's tests: staff accounts made for the test, and logged-in clients. */
public abstract class AdminTest extends IntegrationTest {

    protected static final String PASSWORD = "correct-horse-battery";
    protected static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");
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

    /** The create form as a browser posts it: a by-time lottery announced tomorrow with one prize. */
    protected static Map<String, String> lotteryForm(long ownerId, String name, boolean publish) {
        LocalDateTime tomorrow = LocalDateTime.now(BUSINESS).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ownerId", String.valueOf(ownerId));
        form.put("name", name);
        form.put("announceType", "1");
        form.put("announceTime", tomorrow.toString());
        form.put("awardDeadline", tomorrow.plusDays(7).toString());
        form.put("joinNumber", "0");
        form.put("introduce", "后台创建的抽奖");
        form.put("prizes[0].name", "一等奖");
        form.put("prizes[0].level", "1");
        form.put("prizes[0].count", "3");
        form.put("prizes[0].type", "1");
        form.put("prizes[0].grantType", "1");
        form.put("publish", String.valueOf(publish));
        return form;
    }

    /** Creates a lottery through the console's form; returns its id. */
    protected long adminCreates(AdminClient client, long ownerId, String name, boolean publish) {
        AdminClient.Page answer = client.htmxPost("/admin/lotteries", lotteryForm(ownerId, name, publish));
        if (answer.status() != 200 || answer.header("HX-Redirect") == null
                || !answer.header("HX-Redirect").startsWith("/admin/lotteries/")) {
            throw new AssertionError("create failed: " + answer);
        }
        return Long.parseLong(answer.header("HX-Redirect").replaceAll("\\D+(\\d+).*", "$1"));
    }
}
