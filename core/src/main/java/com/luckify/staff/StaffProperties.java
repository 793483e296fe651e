package com.luckify.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.staff.*}: lock-out after {@code maxFailedLogins} wrong passwords in a row for {@code lockFor};
 * the first administrator's username and password (from the environment, used only while no ADMIN exists).
 */
@ConfigurationProperties("luckify.staff")
public record StaffProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockFor,
        @DefaultValue("") String firstAdminUsername, @DefaultValue("") String firstAdminPassword) {
}
