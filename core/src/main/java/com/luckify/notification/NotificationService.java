package com.luckify.notification;

import com.luckify.common.BusinessMetrics;
import com.luckify.common.Paged;
import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.RateLimit;
import com.luckify.user.UserService;
import com.luckify.wechat.SendOutcome;
import com.luckify.wechat.WeChatClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends WeChat subscribe messages, each at most once: a notice is claimed in {@code notification_log} (unique
 * per user, kind, reference and day) and committed before anything goes out, so a re-run or restarted job,
 * or a second process, never messages anyone twice. Sends are paced by a Redis rate limit shared by all
 * processes, retried with growing pauses, and parked in {@code notification_dead_letter} when every attempt
 * failed.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final NotificationMapper notifications;
    private final WeChatClient weChat;
    private final UserService users;
    private final RateLimiter rateLimiter;
    private final NotificationProperties properties;
    private final RateLimit pace;
    // own transactions: a claim must be committed before the message leaves, whatever the caller does after
    private final TransactionTemplate ownTransaction;
    private final BusinessMetrics metrics;

    NotificationService(NotificationMapper notifications, WeChatClient weChat, UserService users, RateLimiter rateLimiter,
            NotificationProperties properties, PlatformTransactionManager transactions, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.notifications = notifications;
        this.weChat = weChat;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.pace = new RateLimit("wechat-subscribe", properties.perSecond(), Duration.ofSeconds(1));
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Delivery deliver(Notice notice) {
        return deliverAll(List.of(notice)).get(0);
    }

    /**
     * Delivers a batch (a job's chunk): the recipients' openids are looked up in one query, and users without
     * one (they never logged in with WeChat, so there is nobody to send to) are skipped without a log row.
     * Returns each notice's delivery, in order.
     */
    public List<Delivery> deliverAll(List<Notice> notices) {
        Map<Long, String> openIds = users.weChatOpenIds(notices.stream().map(Notice::userId).distinct().toList());
        List<Delivery> deliveries = new ArrayList<>(notices.size());
        for (Notice notice : notices) {
            String openId = openIds.get(notice.userId());
            deliveries.add(counted(openId == null ? Delivery.NOT_SENDABLE : deliver(notice, openId)));
        }
        return deliveries;
    }

    private Delivery deliver(Notice notice, String openId) {
        String templateId = properties.templates().getOrDefault(notice.kind(), "");
        String payload = JSON.writeValueAsString(Map.of("page", notice.page(), "data", notice.data()));
        NewNotificationRow row = new NewNotificationRow(notice, templateId, payload);
        Integer claimed = ownTransaction.execute(status -> notifications.claim(row));
        if (claimed == null || claimed == 0) {
            return Delivery.ALREADY_NOTIFIED;
        }
        if (templateId.isBlank()) {
            finish(row.id, "FAILED", 0, "no template configured for " + notice.kind());
            return Delivery.NOT_SENDABLE;
        }
        return send(row.id, openId, templateId, notice.page(), notice.data(), 0);
    }

    /** Parked notices, newest first; {@code openOnly} leaves out those a retry resolved. */
    public Paged<DeadLetter> deadLetters(boolean openOnly, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> notifications.deadLetters(openOnly, offset, limit),
                () -> notifications.countDeadLetters(openOnly));
    }

    /**
     * Sends a parked notice again (the admin console's retry); resolved when it goes out. Returns
     * {@link Delivery#ALREADY_NOTIFIED} for a dead letter that is gone or resolved.
     */
    public Delivery retryDeadLetter(long deadLetterId) {
        NotificationMapper.ParkedRow parked = notifications.parked(deadLetterId);
        if (parked == null) {
            return Delivery.ALREADY_NOTIFIED;
        }
        Map<String, Object> payload = JSON.readValue(parked.payload(), new TypeReference<Map<String, Object>>() {
        });
        Map<String, String> data = JSON.convertValue(payload.get("data"), DATA);
        Optional<String> openId = users.weChatOpenId(parked.userId());
        if (openId.isEmpty()) {
            return Delivery.NOT_SENDABLE;
        }
        Delivery delivery = send(parked.id(), openId.get(), parked.templateId(), (String) payload.get("page"), data,
                parked.attempts());
        ownTransaction.executeWithoutResult(status -> notifications.retried(deadLetterId, delivery == Delivery.SENT ? 1 : 0));
        return counted(delivery);
    }

    /** {@code luckify_notifications_total{result=sent|already_notified|not_sendable|dead}}. */
    private Delivery counted(Delivery delivery) {
        metrics.notification(delivery.name().toLowerCase(java.util.Locale.ROOT));
        return delivery;
    }

    private Delivery send(long logId, String openId, String templateId, String page, Map<String, String> data,
            int earlierAttempts) {
        String error = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(properties.backoff().multipliedBy(1L << (attempt - 2)));
            }
            if (!rateLimiter.awaitPermit(pace, "all", Duration.ofSeconds(30))) {
                error = "rate limit: no permit within 30 s";
                continue;
            }
            SendOutcome outcome = weChat.sendSubscribeMessage(openId, templateId, page, data);
            if (outcome.sent()) {
                finish(logId, "SENT", earlierAttempts + attempt, null);
                return Delivery.SENT;
            }
            error = outcome.error();
            if (!outcome.retryable()) {
                finish(logId, "FAILED", earlierAttempts + attempt, error);
                return Delivery.NOT_SENDABLE;
            }
        }
        String lastError = error;
        int attempts = earlierAttempts + properties.maxAttempts();
        ownTransaction.executeWithoutResult(status -> {
            notifications.finish(logId, "DEAD", attempts, truncate(lastError, 500));
            if (earlierAttempts == 0) {
                notifications.park(logId, truncate(lastError, 1000), null);
            }
        });
        log.warn("notification {} parked after {} attempts: {}", logId, attempts, lastError);
        return Delivery.DEAD;
    }

    private void finish(long logId, String state, int attempts, String error) {
        ownTransaction.executeWithoutResult(status -> notifications.finish(logId, state, attempts, truncate(error, 500)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a notification", e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
