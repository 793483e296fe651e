package com.luckify.admin.operations;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.notification.Delivery;
import com.luckify.notification.NotificationService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Notices that gave up after their retries, and a retry by hand (sent at most once, as every notice). */
@Controller
class DeadLetterController {

    private final NotificationService notifications;
    private final AuditLog audit;

    DeadLetterController(NotificationService notifications, AuditLog audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    @GetMapping("/admin/dead-letters")
    String list(@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "1") int page,
            HtmxRequest htmx, Model model) {
        model.addAttribute("open", open);
        model.addAttribute("page", notifications.deadLetters(open, page, 20));
        return Rendering.of(htmx, "admin/operations/dead-letters", "results");
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        Delivery delivery = notifications.retryDeadLetter(id);
        audit.recordAccess(actor, "notification.retry", "dead_letter", id, Map.of("delivery", delivery));
        model.addAttribute("retried", delivery);
        return list(true, 1, htmx, model);
    }
}
