package com.luckify.integration;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The integration-flows module: the outbox's events travel over Redis queues, one per
 * {@link com.luckify.common.Subscription}, from the relay of any worker to the consumers of any process. Loaded in
 * every process: the sending side serves the relay (worker role), the receiving side whatever handlers the
 * process's roles brought in.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class IntegrationFlowsConfiguration {
}
