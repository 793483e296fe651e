package com.luckify.admin.sponsor;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.lottery.LotteryService;
import com.luckify.sponsor.SponsorAdministration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every user's sponsors, searchable, each hidden from the mini-program or shown again. */
@Controller
class SponsorAdminController {

    private final SponsorAdministration sponsors;
    private final LotteryService lotteries;

    SponsorAdminController(SponsorAdministration sponsors, LotteryService lotteries) {
        this.sponsors = sponsors;
        this.lotteries = lotteries;
    }

    @GetMapping("/admin/sponsors")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, HtmxRequest htmx,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", sponsors.search(q, page, 20));
        return Rendering.of(htmx, "admin/sponsors/list", "results");
    }

    @PostMapping("/admin/sponsors/{id}/shown")
    String shown(@PathVariable long id, @RequestParam boolean shown, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page, StaffActor actor, HtmxRequest htmx, Model model) {
        sponsors.setShown(actor, id, shown);
        // lottery details carry their sponsor in the shared read cache: none may show it as it was
        lotteries.changed(0);
        return list(q, page, htmx, model);
    }
}
