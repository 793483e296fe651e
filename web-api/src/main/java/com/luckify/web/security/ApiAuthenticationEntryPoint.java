package com.luckify.web.security;

import com.luckify.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * HTTP 401 for a missing, forged, expired or {@code alg:none} token. The original sent an empty body;
 * we add the envelope with 100003 so a client can tell "log in again" from other failures.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"code\":" + ErrorCode.TOKEN_INVALID.code() + ",\"msg\":\""
                + ErrorCode.TOKEN_INVALID.message() + "\"}");
    }
}
