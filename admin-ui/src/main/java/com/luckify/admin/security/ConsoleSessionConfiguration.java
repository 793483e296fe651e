package com.luckify.admin.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Console sessions live in Redis (Spring Session; Boot sets it up from {@code server.servlet.session.*}: timeout,
 * secure, http-only, same-site), so a staff member's login and CSRF token hold on whichever replica the balancer
 * picks, and a logout on one replica ends the session on all of them.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessionConfiguration {

    static final String SESSION_COOKIE = "JSESSIONID";

    /**
     * Spring Session would call its cookie {@code SESSION}; it keeps the servlet container's name, which the logout
     * clears and browsers already hold, unless {@code server.servlet.session.cookie.name} names another.
     */
    @Bean
    DefaultCookieSerializerCustomizer consoleSessionCookieName(
            @Value("${server.servlet.session.cookie.name:" + SESSION_COOKIE + "}") String name) {
        return serializer -> serializer.setCookieName(name);
    }
}
