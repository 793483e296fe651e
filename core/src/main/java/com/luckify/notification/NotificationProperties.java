package com.luckify.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.notification.*}: the subscribe-message template id of each kind (from the WeChat console),
 * how many messages a second all processes together send, and how often and how patiently a failed send is
 * tried again before it goes to the dead-letter store.
 */
@ConfigurationProperties("luckify.notification")
record NotificationProperties(
        @DefaultValue Map<NotificationKind, String> templates,
        @DefaultValue("20") int perSecond,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration backoff) {
}
