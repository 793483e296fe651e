package com.luckify.common;

import java.util.List;

/**
 * Carries event ids to the consumers of a subscription, in whichever process they run (the Redis flows of the
 * integration-flows module). Only a carrier: {@code event_delivery} in MySQL is the record of what is done, so a
 * message the transport loses is sent again.
 */
public interface EventTransport {

    void send(Subscription subscription, List<Long> eventIds);
}
