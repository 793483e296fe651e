package com.luckify.integration;

import com.luckify.common.EventTransport;
import com.luckify.common.Subscription;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.redis.outbound.RedisQueueOutboundChannelAdapter;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;

/**
 * The sending flow: a message of event ids, addressed by its queue header, is pushed onto that subscription's
 * Redis list (LPUSH; the consumers pop from the other end, so each queue is first in, first out).
 */
@Configuration(proxyBeanMethods = false)
class RedisEventTransport {

    static final String QUEUE = "luckify_queue";

    @Bean
    SubscribableChannel eventsToRedis() {
        return MessageChannels.direct().getObject();
    }

    @Bean
    IntegrationFlow eventsToRedisFlow(SubscribableChannel eventsToRedis, RedisConnectionFactory redis) {
        RedisQueueOutboundChannelAdapter push = new RedisQueueOutboundChannelAdapter(
                new SpelExpressionParser().parseExpression("headers['" + QUEUE + "']"), redis);
        push.setSerializer(new StringRedisSerializer());
        return IntegrationFlow.from(eventsToRedis).handle(push).get();
    }

    @Bean
    EventTransport eventTransport(MessageChannel eventsToRedis, EventQueues queues) {
        return (Subscription subscription, List<Long> eventIds) -> eventsToRedis.send(MessageBuilder
                .withPayload(EventQueues.message(eventIds)).setHeader(QUEUE, queues.queueOf(subscription)).build());
    }
}
