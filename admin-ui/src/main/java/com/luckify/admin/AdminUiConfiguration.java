package com.luckify.admin;

import com.luckify.common.ConditionalOnRole;
import com.luckify.common.Role;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The admin console under {@code /admin}, loaded only for the {@code admin} role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.ADMIN)
@ComponentScan
@ConfigurationPropertiesScan
public class AdminUiConfiguration {
}
