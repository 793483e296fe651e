package com.luckify.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link WxMaService} for the process (the original rebuilt its SDK client on every request), with the access
 * token all processes share ({@link SharedAccessToken}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfiguration {

    @Bean
    WxMaService wxMaService(WeChatProperties properties, RedissonClient redisson) {
        SharedAccessToken config = new SharedAccessToken(redisson, properties.appId(), refreshLease(properties.http()));
        config.setSecret(properties.appSecret());
        config.setApiHostUrl(stripTrailingSlash(properties.apiBaseUrl()));
        // bounded connect, read and pool waits instead of the SDK's shared client that waits for a connection forever
        config.setApacheHttpClientBuilder(new WeChatHttpClient(properties.http()));
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        // WeChat's "system busy" is retried by the SDK with sleeps; a login must answer fast instead
        service.setMaxRetryTimes(0);
        return service;
    }

    /** Twice the longest a token fetch may take (waiting for a connection, connecting, reading the answer). */
    private static Duration refreshLease(WeChatProperties.Http http) {
        return http.poolWait().plus(http.connectTimeout()).plus(http.readTimeout()).multipliedBy(2);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
