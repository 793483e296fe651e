package com.luckify.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.wechat.*}. The app id and secret come from the environment
 * ({@code LUCKIFY_WECHAT_APP_ID}, {@code LUCKIFY_WECHAT_APP_SECRET}); only the dev, test and demo
 * profiles carry placeholders.
 */
@ConfigurationProperties("luckify.wechat")
public record WeChatProperties(
        String appId,
        String appSecret,
        @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl) {
}
