package com.luckify.integration;

import com.luckify.common.Subscription;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names the Redis list of each subscription and spells the messages on it: the event ids, comma separated. The
 * events themselves stay in MySQL, so a message is small and never stale.
 */
@Component
class EventQueues {

    private final String prefix;

    EventQueues(@Value("${luckify.events.queue-prefix:luckify:events:}") String prefix) {
        this.prefix = prefix;
    }

    String queueOf(Subscription subscription) {
        return prefix + subscription.key();
    }

    static String message(List<Long> eventIds) {
        return String.join(",", eventIds.stream().map(String::valueOf).toList());
    }

    static List<Long> eventIds(String message) {
        return Arrays.stream(message.split(",")).map(String::trim).filter(id -> !id.isEmpty()).map(Long::valueOf).toList();
    }
}
