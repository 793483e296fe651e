package com.luckify.admin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a visitor without a session to the login page. For an htmx request a redirect would be followed by the
 * browser's XHR and the login page swapped into a fragment; instead htmx is told, with {@code HX-Redirect}, to
 * load the login page as a whole page.
 */
class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    private final String loginPage;
    private final LoginUrlAuthenticationEntryPoint pages;

    HtmxAwareEntryPoint(String loginPage) {
        this.loginPage = loginPage;
        this.pages = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, ServletException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", request.getContextPath() + loginPage + "?expired");
            return;
        }
        pages.commence(request, response, reason);
    }
}
