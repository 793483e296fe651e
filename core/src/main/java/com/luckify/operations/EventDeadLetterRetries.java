package com.luckify.operations;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.EventDeadLetter;
import com.luckify.common.EventDeadLetters;
import com.luckify.common.EventDeliveryKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff retrying event dead letters: each one put back gets its audit entry (who, which consumer and event, the
 * attempts and error it had) in the same transaction, so the log never misses a retry nor lists one that did not
 * happen. A dead letter that was put back or handled meanwhile is skipped, and then nothing is recorded for it.
 */
@Service
public class EventDeadLetterRetries {

    static final String ACTION = "event.retry";
    static final String TARGET = "event_delivery";

    private final EventDeadLetters deadLetters;
    private final AuditLog audit;

    EventDeadLetterRetries(EventDeadLetters deadLetters, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /** Retries the selected dead letters (at most {@link EventDeadLetters#RETRY_SELECTED_LIMIT}). */
    @Transactional
    public Outcome retry(StaffActor actor, Collection<EventDeliveryKey> keys) {
        return new Outcome(recorded(actor, deadLetters.putBack(keys)), false);
    }

    /**
     * Retries the dead letters matching the filter, at most {@link EventDeadLetters#RETRY_ALL_LIMIT} of them;
     * {@link Outcome#more} tells whether some are left for another click.
     */
    @Transactional
    public Outcome retryMatching(StaffActor actor, String subscription, String eventType) {
        List<EventDeadLetter> putBack = recorded(actor, deadLetters.putBackMatching(subscription, eventType));
        return new Outcome(putBack, deadLetters.count(subscription, eventType) > 0);
    }

    private List<EventDeadLetter> recorded(StaffActor actor, List<EventDeadLetter> putBack) {
        for (EventDeadLetter letter : putBack) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("eventType", letter.eventType());
            before.put("aggregate", letter.aggregateType() + " " + letter.aggregateId());
            before.put("attempts", letter.attempts());
            before.put("lastError", letter.lastError());
            audit.record(actor, ACTION, TARGET, letter.key(), before, Map.of("attempts", 0));
        }
        return putBack;
    }

    /** The dead letters put back now, and whether more match than one retry takes. */
    public record Outcome(List<EventDeadLetter> putBack, boolean more) {

        public int count() {
            return putBack.size();
        }
    }
}
