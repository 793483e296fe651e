package com.luckify.common;

import java.time.Duration;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How often Redisson tries a Redis command again. Its default, four more tries after the command's
 * {@code spring.data.redis.timeout} ran out, made one command on a request path wait up to five timeouts plus
 * back-off: a Redis that stops answering held request threads for seconds each. A script tried again after its
 * answer was lost may also run twice (an instant attempt reserving a second unit), so none is tried again by
 * default: the caller gets the failure after one timeout and answers for itself (busy, fail closed, or unmetered).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisRetries.Settings.class)
class RedisRetries {

    @Bean
    RedissonAutoConfigurationCustomizer redisRetryCustomizer(Settings settings) {
        return config -> servers(config).setRetryAttempts(settings.retryAttempts())
                .setRetryDelay(new ConstantDelay(settings.retryDelay()));
    }

    /** The starter has configured one of these from {@code spring.data.redis.*}; the call returns it. */
    private static BaseConfig<?> servers(Config config) {
        if (config.isClusterConfig()) {
            return config.useClusterServers();
        }
        if (config.isSentinelConfig()) {
            return config.useSentinelServers();
        }
        return config.useSingleServer();
    }

    /** {@code luckify.redis.retry-attempts} and {@code luckify.redis.retry-delay}. */
    @ConfigurationProperties("luckify.redis")
    record Settings(@DefaultValue("0") int retryAttempts, @DefaultValue("50ms") Duration retryDelay) {

        Settings {
            if (retryAttempts < 0) {
                throw new IllegalArgumentException("luckify.redis.retry-attempts must be at least 0");
            }
        }
    }
}
