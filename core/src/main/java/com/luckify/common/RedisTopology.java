package com.luckify.common;

import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis behind Sentinel ({@code spring.data.redis.sentinel.master} and {@code .nodes}) or as a Cluster
 * ({@code spring.data.redis.cluster.nodes}): the Redisson starter connects to either from Spring's properties, and
 * this sets what its defaults get wrong for Luckify.
 *
 * <ul>
 *   <li>Reads go to the master ({@code luckify.redis.read-mode}, MASTER). Redisson reads from replicas by default,
 *       but replication is asynchronous: a rebuilt instant lottery's ready flag or a budget just spent could be read
 *       stale from a replica. The hot state is small; the master serves it.</li>
 *   <li>{@code luckify.redis.check-sentinels-list} (true): Redisson refuses to start with fewer than two sentinels in
 *       view. One sentinel cannot fail anything over safely, so false is for development only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisTopology.Settings.class)
class RedisTopology {

    @Bean
    RedissonAutoConfigurationCustomizer redisTopologyCustomizer(Settings settings) {
        return config -> {
            BaseMasterSlaveServersConfig<?> servers = replicated(config);
            if (servers != null) {
                servers.setReadMode(settings.readMode());
            }
            if (config.isSentinelConfig()) {
                config.useSentinelServers().setCheckSentinelsList(settings.checkSentinelsList());
            }
        };
    }

    /** The Sentinel or Cluster configuration the starter made, or null for a single server. */
    private static BaseMasterSlaveServersConfig<?> replicated(Config config) {
        if (config.isClusterConfig()) {
            return config.useClusterServers();
        }
        if (config.isSentinelConfig()) {
            return config.useSentinelServers();
        }
        return null;
    }

    /** {@code luckify.redis.read-mode} and {@code luckify.redis.check-sentinels-list}. */
    @ConfigurationProperties("luckify.redis")
    record Settings(@DefaultValue("MASTER") ReadMode readMode, @DefaultValue("true") boolean checkSentinelsList) {
    }
}
