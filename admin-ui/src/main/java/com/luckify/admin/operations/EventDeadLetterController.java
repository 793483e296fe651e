package com.luckify.admin.operations;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.EventDeadLetters;
import com.luckify.common.EventDeliveryDetail;
import com.luckify.common.EventDeliveryKey;
import com.luckify.operations.EventDeadLetterRetries;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Event deliveries that ran out of attempts (ADMIN only, see AdminAccess): the list with its filters, one
 * delivery's event and error, and retries of one, the selected, or all that match. Payloads and errors are shown
 * with {@code th:text}, so whatever an event carries stays text.
 */
@Controller
class EventDeadLetterController {

    private static final String TEMPLATE = "admin/operations/event-dead-letters";
    private static final int PAGE_SIZE = 20;

    private final EventDeadLetters deadLetters;
    private final EventDeadLetterRetries retries;

    EventDeadLetterController(EventDeadLetters deadLetters, EventDeadLetterRetries retries) {
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    @GetMapping("/admin/event-dead-letters")
    String list(@RequestParam(defaultValue = "") String consumer, @RequestParam(defaultValue = "") String eventType,
            @RequestParam(defaultValue = "1") int page, HtmxRequest htmx, Model model) {
        model.addAttribute("consumer", consumer);
        model.addAttribute("eventType", eventType);
        model.addAttribute("consumers", deadLetters.subscriptions());
        model.addAttribute("eventTypes", deadLetters.eventTypes());
        model.addAttribute("page", deadLetters.page(consumer, eventType, page, PAGE_SIZE));
        return Rendering.of(htmx, TEMPLATE, "results");
    }

    @GetMapping("/admin/event-dead-letters/{consumer}/{eventId}")
    String detail(@PathVariable String consumer, @PathVariable long eventId, HtmxRequest htmx, Model model) {
        EventDeliveryDetail delivery = deadLetters.find(new EventDeliveryKey(consumer, eventId))
                .orElseThrow(() -> ActionRefused.of("event-dead-letters.not-found", "no delivery " + consumer + ":" + eventId));
        model.addAttribute("delivery", delivery);
        return Rendering.of(htmx, "admin/operations/event-dead-letter", "detail");
    }

    /** One dead letter, from its inspect view: answers with the view, now showing it back in the queue. */
    @PostMapping("/admin/event-dead-letters/{consumer}/{eventId}/retry")
    String retryOne(@PathVariable String consumer, @PathVariable long eventId, StaffActor actor, HtmxRequest htmx,
            Model model) {
        EventDeliveryKey key = new EventDeliveryKey(consumer, eventId);
        model.addAttribute("retried", retries.retry(actor, List.of(key)));
        return detail(consumer, eventId, htmx, model);
    }

    /** The selected dead letters (a row's own button selects that row): answers with the same filtered page. */
    @PostMapping("/admin/event-dead-letters/retry")
    String retrySelected(@RequestParam(name = "keys", required = false) List<String> keys,
            @RequestParam(defaultValue = "") String consumer, @RequestParam(defaultValue = "") String eventType,
            @RequestParam(defaultValue = "1") int page, StaffActor actor, HtmxRequest htmx, Model model) {
        List<String> selected = keys == null ? List.of() : keys;
        if (selected.size() > EventDeadLetters.RETRY_SELECTED_LIMIT) {
            throw ActionRefused.of("event-dead-letters.too-many", "at most " + EventDeadLetters.RETRY_SELECTED_LIMIT);
        }
        model.addAttribute("retried", retries.retry(actor, selected.stream().map(EventDeliveryKey::parse).toList()));
        return list(consumer, eventType, page, htmx, model);
    }

    /** Every dead letter the filter matches, up to EventDeadLetters.RETRY_ALL_LIMIT per click. */
    @PostMapping("/admin/event-dead-letters/retry-all")
    String retryAll(@RequestParam(defaultValue = "") String consumer, @RequestParam(defaultValue = "") String eventType,
            StaffActor actor, HtmxRequest htmx, Model model) {
        model.addAttribute("retried", retries.retryMatching(actor, consumer, eventType));
        return list(consumer, eventType, 1, htmx, model);
    }
}
