package com.luckify.admin.user;

import com.luckify.admin.support.Formats;
import com.luckify.admin.support.Rendering;
import com.luckify.admin.support.Roles;
import com.luckify.audit.StaffActor;
import com.luckify.checkin.CheckinService;
import com.luckify.comment.CommentModeration;
import com.luckify.comment.ModerationFilter;
import com.luckify.common.BusinessCalendar;
import com.luckify.lottery.ListQuery;
import com.luckify.lottery.ParticipationService;
import com.luckify.points.PointsLedger;
import com.luckify.staff.StaffRole;
import com.luckify.user.UserAdministration;
import com.luckify.user.UserSummary;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Users: search, everything about one user, and the blacklist (admins only). Moderators open users to judge their
 * comments: they get the mobile masked and no points (the full number never leaves the server for them); the
 * points ledger is for administrators and finance.
 */
@Controller
class UserAdminController {

    private final UserAdministration users;
    private final PointsLedger points;
    private final CheckinService checkins;
    private final ParticipationService participations;
    private final CommentModeration comments;
    private final BusinessCalendar calendar;

    UserAdminController(UserAdministration users, PointsLedger points, CheckinService checkins,
            ParticipationService participations, CommentModeration comments, BusinessCalendar calendar) {
        this.users = users;
        this.points = points;
        this.checkins = checkins;
        this.participations = participations;
        this.comments = comments;
        this.calendar = calendar;
    }

    @GetMapping("/admin/users")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
            HtmxRequest htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", users.search(q, page, 20));
        return Rendering.of(htmx, "admin/users/list", "results");
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "1") int ledgerPage, HtmxRequest htmx,
            Model model) {
        boolean seesPoints = Roles.any(StaffRole.ADMIN, StaffRole.FINANCE);
        boolean ledgerOnly = htmx.isHtmxRequest() && "ledger".equals(htmx.getTarget());
        if (ledgerOnly && !seesPoints) {
            throw new AccessDeniedException("the points ledger is for administrators and finance");
        }
        UserSummary user = users.require(id);
        model.addAttribute("user", Roles.any(StaffRole.ADMIN) ? user : withMaskedMobile(user));
        model.addAttribute("blacklist", users.blacklistOf(id));
        if (seesPoints) {
            model.addAttribute("ledger", points.entriesOf(id, ledgerPage, 20));
            model.addAttribute("balance", points.balance(id));
        }
        model.addAttribute("checkins", checkins.historyOf(id, 30));
        model.addAttribute("entries", participations.entriesOf(id, new ListQuery(0, 20), false));
        model.addAttribute("comments", comments.queue(ModerationFilter.ALL, id, 1, 20));
        model.addAttribute("zone", calendar.zone());
        return ledgerOnly ? "admin/users/detail :: ledger" : Rendering.of(htmx, "admin/users/detail", "detail");
    }

    @PostMapping("/admin/users/{id}/blacklist")
    String blacklist(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            StaffActor actor, HtmxRequest htmx, Model model) {
        Roles.require(StaffRole.ADMIN);
        users.blacklist(actor, id, reason, until == null ? null : calendar.startOf(until.plusDays(1)));
        return detail(id, 1, htmx, model);
    }

    @PostMapping("/admin/users/{id}/unblock")
    String unblock(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        Roles.require(StaffRole.ADMIN);
        users.unblock(actor, id);
        return detail(id, 1, htmx, model);
    }

    private static UserSummary withMaskedMobile(UserSummary user) {
        return new UserSummary(user.id(), Formats.mask(user.mobile()), user.nickname(), user.avatar(),
                user.createTime(), user.blacklisted());
    }
}
