package com.luckify.web.support;

import com.luckify.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database failure met before any controller runs is answered as {@link ApiExceptionHandler} answers one met
 * inside a controller: {@code 100005} ("database busy, try again") in the envelope, HTTP 500. The token's revocation
 * check reads the user's token version inside Spring Security's filters, where the handler does not apply; while
 * MySQL restarts, such a failure used to reach the client as the servlet container's error (HTTP 500, no code).
 */
class DatabaseFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailureFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!databaseFailure(e) || response.isCommitted()) {
                throw e;
            }
            log.error("database failure", e);
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"code\":" + ErrorCode.DB_ERROR.code() + ",\"msg\":\""
                    + ErrorCode.DB_ERROR.message() + "\"}");
        }
    }

    private static boolean databaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
