package com.luckify.web.support;

import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The API's budgets ({@code luckify.api.rate-limit.*}): log-in and registration per client address and per
 * account, uploads, instant-win attempts and prize shows per user. The client address is the TCP peer; behind a proxy set
 * {@code server.forward-headers-strategy=native} so it is the phone's.
 */
@Component
public class ApiRateLimits {

    private final RateLimiter limiter;
    private final RateLimit authPerIp;
    private final RateLimit authPerAccount;
    private final RateLimit uploadPerUser;
    private final RateLimit instantPerUser;
    private final RateLimit commentPerUser;

    ApiRateLimits(RateLimiter limiter, Budgets budgets) {
        this.limiter = limiter;
        this.authPerIp = new RateLimit("auth-ip", budgets.authPerIp(), budgets.interval());
        this.authPerAccount = new RateLimit("auth-account", budgets.authPerAccount(), budgets.interval());
        this.uploadPerUser = new RateLimit("upload-user", budgets.uploadPerUser(), budgets.interval());
        this.instantPerUser = new RateLimit("instant-user", budgets.instantPerUser(), budgets.interval());
        this.commentPerUser = new RateLimit("comment-user", budgets.commentPerUser(), budgets.interval());
    }

    /** Log-in, registration and WeChat log-in: per address, and per mobile when there is one (a WeChat code is single-use). */
    public void authAttempt(HttpServletRequest request, String account) {
        limiter.acquire(authPerIp, request.getRemoteAddr());
        if (account != null && !account.isBlank()) {
            limiter.acquire(authPerAccount, account);
        }
    }

    public void instantAttempt(long userId) {
        limiter.acquire(instantPerUser, Long.toString(userId));
    }

    /** Posting or editing a prize show. */
    public void comment(long userId) {
        limiter.acquire(commentPerUser, Long.toString(userId));
    }

    public void upload(long userId) {
        limiter.acquire(uploadPerUser, Long.toString(userId));
    }

    @ConfigurationProperties("luckify.api.rate-limit")
    record Budgets(
            @DefaultValue("30") long authPerIp,
            @DefaultValue("10") long authPerAccount,
            @DefaultValue("20") long uploadPerUser,
            @DefaultValue("30") long instantPerUser,
            @DefaultValue("10") long commentPerUser,
            @DefaultValue("1m") Duration interval) {
    }
}
