package com.luckify.admin.audit;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.AuditLog;
import com.luckify.audit.AuditQuery;
import com.luckify.common.BusinessCalendar;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, filtered by who, what, which target and when. */
@Controller
class AuditLogController {

    private final AuditLog audit;
    private final BusinessCalendar calendar;

    AuditLogController(AuditLog audit, BusinessCalendar calendar) {
        this.audit = audit;
        this.calendar = calendar;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, HtmxRequest htmx, Model model) {
        AuditQuery query = new AuditQuery(actor, action, targetType, targetId, from == null ? null : calendar.startOf(from),
                to == null ? null : calendar.startOf(to.plusDays(1)));
        model.addAttribute("page", audit.search(query, page, 30));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("zone", calendar.zone());
        return Rendering.of(htmx, "admin/audit/list", "results");
    }
}
