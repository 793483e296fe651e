package com.luckify.integration;

import com.luckify.common.EventDeliveries;
import com.luckify.common.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.integration.redis.inbound.RedisQueueMessageDrivenEndpoint;
import org.springframework.stereotype.Component;

/**
 * The receiving flows: for every subscription this process has a handler for, {@code consumers-per-subscription}
 * blocking pops on its Redis list, each handing its messages to {@link EventDeliveries}. Processes without the
 * handler never take the subscription's messages, so an event always reaches a process that can handle it.
 */
@Component
public class EventConsumers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventDeliveries deliveries;
    private final EventQueues queues;
    private final RedisConnectionFactory redis;
    private final IntegrationFlowContext flows;
    private final int perSubscription;
    private final Duration popTimeout;
    private final List<IntegrationFlowRegistration> registrations = new ArrayList<>();

    EventConsumers(EventDeliveries deliveries, EventQueues queues, RedisConnectionFactory redis,
            IntegrationFlowContext flows,
            @Value("${luckify.events.consumers-per-subscription:2}") int perSubscription,
            @Value("${luckify.events.pop-timeout:1s}") Duration popTimeout) {
        this.deliveries = deliveries;
        this.queues = queues;
        this.redis = redis;
        this.flows = flows;
        this.perSubscription = perSubscription;
        this.popTimeout = popTimeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Subscription subscription : deliveries.local()) {
            for (int i = 1; i <= perSubscription; i++) {
                registrations.add(flows.registration(consumer(subscription))
                        .id("events-" + subscription.key() + "-" + i).register());
            }
            log.info("consuming {} from {} with {} consumers", subscription.key(), queues.queueOf(subscription),
                    perSubscription);
        }
    }

    private IntegrationFlow consumer(Subscription subscription) {
        RedisQueueMessageDrivenEndpoint pop = new RedisQueueMessageDrivenEndpoint(queues.queueOf(subscription), redis);
        pop.setSerializer(new StringRedisSerializer());
        pop.setReceiveTimeout(popTimeout.toMillis());
        return IntegrationFlow.from(pop)
                .handle(String.class, (message, headers) -> {
                    deliveries.consume(subscription, EventQueues.eventIds(message));
                    return null;
                })
                .get();
    }

    /** Stops taking messages in this process (the others go on); for operations and tests. */
    public void pause() {
        registrations.forEach(registration -> registration.stop());
    }

    public void resume() {
        registrations.forEach(registration -> registration.start());
    }
}
