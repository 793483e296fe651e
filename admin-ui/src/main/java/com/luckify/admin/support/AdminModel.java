package com.luckify.admin.support;

import com.luckify.admin.security.AdminAccess;
import com.luckify.admin.security.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is logged in and the menu of the sections their roles open. */
@ControllerAdvice(basePackages = "com.luckify.admin")
class AdminModel {

    private static final List<MenuItem> MENU = List.of(
            new MenuItem("menu.dashboard", "/admin", null, "dashboard"),
            new MenuItem("menu.lotteries", "/admin/lotteries", "/admin/lotteries/**", "lotteries"),
            new MenuItem("menu.moderation", "/admin/moderation", "/admin/moderation/**", "moderation"),
            new MenuItem("menu.users", "/admin/users", "/admin/users/**", "users"),
            new MenuItem("menu.sponsors", "/admin/sponsors", "/admin/sponsors/**", "sponsors"),
            new MenuItem("menu.settings", "/admin/settings", "/admin/settings/**", "settings"),
            new MenuItem("menu.jobs", "/admin/jobs", "/admin/jobs/**", "jobs"),
            new MenuItem("menu.reconciliation", "/admin/reconciliation", "/admin/reconciliation/**", "reconciliation"),
            new MenuItem("menu.dead-letters", "/admin/dead-letters", "/admin/dead-letters/**", "dead-letters"),
            new MenuItem("menu.event-dead-letters", "/admin/event-dead-letters", "/admin/event-dead-letters/**",
                    "event-dead-letters"),
            new MenuItem("menu.reports", "/admin/reports", "/admin/reports/**", "reports"),
            new MenuItem("menu.audit", "/admin/audit", "/admin/audit/**", "audit"),
            new MenuItem("menu.staff", "/admin/staff", "/admin/staff/**", "staff"));

    @ModelAttribute("me")
    StaffPrincipal me() {
        return CurrentStaff.principal().orElse(null);
    }

    @ModelAttribute("menu")
    List<MenuItem> menu() {
        return CurrentStaff.principal()
                .map(me -> MENU.stream().filter(item -> item.section() == null || AdminAccess.allows(item.section(), me.roles()))
                        .toList())
                .orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A menu entry: message key, link, the section it belongs to (null: everyone), and its icon's name. */
    record MenuItem(String label, String href, String section, String icon) {

        public boolean activeFor(String path) {
            return "/admin".equals(href) ? path.equals("/admin") || path.equals("/admin/") : path.startsWith(href);
        }
    }
}
