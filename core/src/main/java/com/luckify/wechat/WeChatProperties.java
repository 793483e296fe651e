package com.luckify.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.wechat.*}. The app id and secret come from the environment
 * ({@code LUCKIFY_WECHAT_APP_ID}, {@code LUCKIFY_WECHAT_APP_SECRET}); only the dev, test and demo
 * profiles carry placeholders. {@code http.*} bounds every call to WeChat, {@code circuit-breaker.*} stops
 * calling an API of WeChat's that keeps failing.
 */
@ConfigurationProperties("luckify.wechat")
public record WeChatProperties(
        String appId,
        String appSecret,
        @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
        @DefaultValue Http http,
        @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * {@code connect-timeout}, {@code read-timeout} (the longest silence while an answer is awaited),
     * {@code pool-wait} (the longest wait for a pooled connection when {@code max-connections} are all in use).
     */
    public record Http(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout,
            @DefaultValue("500ms") Duration poolWait,
            @DefaultValue("20") int maxConnections) {

        public Http {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("luckify.wechat.http.max-connections must be at least 1");
            }
        }
    }

    /**
     * One breaker per WeChat API: it opens when {@code failure-rate} percent of the last {@code window} calls (once
     * there were at least {@code minimum-calls}) failed, stays open for {@code open-for}, then lets
     * {@code half-open-calls} calls through to decide whether to close.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("3") int halfOpenCalls) {
    }
}
