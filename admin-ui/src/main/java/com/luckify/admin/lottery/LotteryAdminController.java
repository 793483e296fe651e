package com.luckify.admin.lottery;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.BusinessException;
import com.luckify.lottery.LotteryAdministration;
import com.luckify.lottery.LotteryDetail;
import com.luckify.lottery.LotteryDraft;
import com.luckify.lottery.LotterySearch;
import com.luckify.lottery.LotteryState;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Campaign managers' lottery pages: the filtered list, the create form, the detail and its actions. */
@Controller
class LotteryAdminController {

    private static final Map<Integer, String> FIELD_OF_CODE = Map.of(500037, "announceTime", 500038, "awardDeadline",
            500039, "joinNumber", 500040, "prizes", 500041, "prizes", 200012, "sponsorId", 200013, "sponsorId",
            200005, "ownerId");

    private final LotteryAdministration lotteries;
    private final BusinessCalendar calendar;

    LotteryAdminController(LotteryAdministration lotteries, BusinessCalendar calendar) {
        this.lotteries = lotteries;
        this.calendar = calendar;
    }

    @GetMapping("/admin/lotteries")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer type,
            @RequestParam(required = false) LotteryState state, @RequestParam(required = false) Long sponsorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, HtmxRequest htmx, Model model) {
        LotterySearch search = new LotterySearch(q, type, state, sponsorId,
                from == null ? null : calendar.startOf(from), to == null ? null : calendar.startOf(to.plusDays(1)));
        model.addAttribute("page", lotteries.search(search, page, 20));
        model.addAttribute("states", LotteryState.values());
        model.addAttribute("zone", calendar.zone());
        return Rendering.of(htmx, "admin/lotteries/list", "results");
    }

    @GetMapping("/admin/lotteries/new")
    String newForm(Model model) {
        return form(new LotteryForm(), Map.of(), model);
    }

    /** Adds a prize line to the form being filled in (the whole form comes back, with what was typed). */
    @PostMapping("/admin/lotteries/new/prizes")
    String addPrize(@ModelAttribute("form") LotteryForm form, Model model) {
        form.getPrizes().add(new LotteryForm.PrizeRow());
        model.addAttribute("errors", Map.of());
        return "admin/lotteries/form :: form";
    }

    @PostMapping("/admin/lotteries")
    String create(@ModelAttribute("form") LotteryForm form, StaffActor actor, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        return save(form, htmx, model, response,
                draft -> "/admin/lotteries/" + lotteries.create(actor, form.getOwnerId(), draft) + "?created");
    }

    @GetMapping("/admin/lotteries/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        if (LotteryState.of(lotteries.require(id)) != LotteryState.DRAFT) {
            throw ActionRefused.of("lottery.not-draft", "lottery " + id + " is not a draft");
        }
        return form(LotteryForm.of(lotteries.detail(id), calendar.zone()), Map.of(), model);
    }

    @PostMapping("/admin/lotteries/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") LotteryForm form, StaffActor actor, HtmxRequest htmx,
            Model model, HttpServletResponse response) {
        form.setLotteryId(id);
        form.setOwnerId(lotteries.require(id).userId());
        return save(form, htmx, model, response, draft -> {
            lotteries.edit(actor, id, draft);
            return "/admin/lotteries/" + id + "?saved";
        });
    }

    /**
     * Checks the form, then hands its draft to the feature; what either refuses comes back inline on the form
     * (422), a save leads to the lottery's detail.
     */
    private String save(LotteryForm form, HtmxRequest htmx, Model model, HttpServletResponse response,
            Function<LotteryDraft, String> saveAndGetDetail) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty()) {
            try {
                return saved(htmx, response, model, saveAndGetDetail.apply(form.toDraft(calendar.zone())));
            } catch (BusinessException refused) {
                errors = Map.of(FIELD_OF_CODE.getOrDefault(refused.errorCode().code(), "form"),
                        "error." + refused.errorCode().code());
            }
        }
        response.setStatus(422);
        model.addAttribute("errors", errors);
        return Rendering.of(htmx, "admin/lotteries/form", "form");
    }

    /** After a save htmx loads the detail as a page (HX-Redirect); a browser without htmx is redirected. */
    private static String saved(HtmxRequest htmx, HttpServletResponse response, Model model, String detail) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + detail;
        }
        response.setHeader("HX-Redirect", detail);
        model.addAttribute("errors", Map.of());
        return "admin/lotteries/form :: form";
    }

    private String form(LotteryForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/lotteries/form";
    }

    @GetMapping("/admin/lotteries/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "1") int participantsPage, HtmxRequest htmx,
            Model model) {
        LotteryDetail detail = lotteries.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("state", LotteryState.of(detail.lottery()));
        model.addAttribute("cancelReason", detail.lottery().cancelledAt() == null ? null : lotteries.cancelReason(id));
        model.addAttribute("participants", lotteries.participants(id, participantsPage, 20));
        model.addAttribute("participantsPage", Math.max(participantsPage, 1));
        model.addAttribute("zone", calendar.zone());
        boolean participantsOnly = htmx.isHtmxRequest() && "participants".equals(htmx.getTarget());
        return participantsOnly ? "admin/lotteries/detail :: participants"
                : Rendering.of(htmx, "admin/lotteries/detail", "detail");
    }

    @PostMapping("/admin/lotteries/{id}/publish")
    String publish(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        lotteries.publish(actor, id);
        return detail(id, 1, htmx, model);
    }

    @PostMapping("/admin/lotteries/{id}/feature")
    String feature(@PathVariable long id, @RequestParam boolean featured, StaffActor actor, HtmxRequest htmx,
            Model model) {
        lotteries.feature(actor, id, featured);
        return detail(id, 1, htmx, model);
    }

    @PostMapping("/admin/lotteries/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, StaffActor actor,
            HtmxRequest htmx, Model model) {
        lotteries.cancel(actor, id, reason);
        return detail(id, 1, htmx, model);
    }
}
