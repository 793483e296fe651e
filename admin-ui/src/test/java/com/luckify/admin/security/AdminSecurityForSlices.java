package com.luckify.admin.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The console's real filter chain for web slices in other packages (its configuration is package-private). */
@TestConfiguration(proxyBeanMethods = false)
@Import({AdminSecurityConfiguration.class, StaffOidcUserService.class})
public class AdminSecurityForSlices {
}
