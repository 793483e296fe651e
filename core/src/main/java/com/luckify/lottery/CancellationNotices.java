package com.luckify.lottery;

import com.luckify.common.BusinessCalendar;
import com.luckify.common.ConditionalOnRole;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import com.luckify.common.Role;
import com.luckify.common.Subscription;
import com.luckify.notification.Notice;
import com.luckify.notification.NoticeText;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells every participant of a cancelled lottery, page by page, in worker processes. Outside a transaction:
 * a notice is claimed in the notification log before it is sent, so a retried event (after a crash or a failed
 * page) skips whoever was told already; the day is the day of the cancellation, not of the retry.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class CancellationNotices implements DomainEventHandler {

    private static final int PAGE = 500;

    private final ParticipationMapper participations;
    private final NotificationService notifications;
    private final BusinessCalendar calendar;

    CancellationNotices(ParticipationMapper participations, NotificationService notifications,
            BusinessCalendar calendar) {
        this.participations = participations;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    @Override
    public Subscription subscription() {
        return Subscription.CANCELLATION_NOTICE;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void handle(DomainEvent event) {
        long lotteryId = event.longValue("lotteryId");
        LocalDate day = calendar.dayOf(event.occurredAt());
        Map<String, String> data = Map.of("thing1", NoticeText.thing(String.valueOf(event.payload().get("name"))),
                "thing2", NoticeText.thing("活动已取消：" + event.payload().get("reason")));
        long after = 0;
        List<Long> page;
        do {
            page = participations.entrants(lotteryId, after, PAGE);
            if (!page.isEmpty()) {
                notifications.deliverAll(page.stream().map(userId -> new Notice(userId, NotificationKind.LOTTERY_CANCELLED,
                        Long.toString(lotteryId), day, "pages/lottery/detail?id=" + lotteryId, data)).toList());
                after = page.get(page.size() - 1);
            }
        } while (page.size() == PAGE);
    }
}
