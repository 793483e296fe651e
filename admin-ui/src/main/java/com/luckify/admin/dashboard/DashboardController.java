package com.luckify.admin.dashboard;

import com.luckify.checkin.CheckinService;
import com.luckify.comment.CommentModeration;
import com.luckify.lottery.LotteryAdministration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Today's figures and the last 30 days as charts (fed by {@code series.json}), and the lotteries closing soon. */
@Controller
class DashboardController {

    static final int DAYS = 30;

    private final CheckinService checkins;
    private final LotteryAdministration lotteries;
    private final CommentModeration comments;

    DashboardController(CheckinService checkins, LotteryAdministration lotteries, CommentModeration comments) {
        this.checkins = checkins;
        this.lotteries = lotteries;
        this.comments = comments;
    }

    @GetMapping({"/admin", "/admin/"})
    String dashboard(Model model) {
        Map<String, Map<LocalDate, Long>> series = series();
        LocalDate today = checkins.today();
        Map<String, Long> todays = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        series.forEach((name, days) -> {
            todays.put(name, days.getOrDefault(today, 0L));
            totals.put(name, days.values().stream().mapToLong(Long::longValue).sum());
        });
        model.addAttribute("today", todays);
        model.addAttribute("totals", totals);
        model.addAttribute("closingSoon", lotteries.closingSoon(10));
        return "admin/dashboard";
    }

    /** The charts' data: one series per figure, a value per day, oldest first. */
    @GetMapping("/admin/dashboard/series.json")
    @ResponseBody
    Map<String, Object> seriesJson() {
        Map<String, Map<LocalDate, Long>> series = series();
        List<String> days = series.values().iterator().next().keySet().stream().map(LocalDate::toString).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("days", days);
        series.forEach((name, values) -> json.put(name, List.copyOf(values.values())));
        return json;
    }

    private Map<String, Map<LocalDate, Long>> series() {
        LocalDate from = checkins.today().minusDays(DAYS - 1);
        Map<String, Map<LocalDate, Long>> series = new LinkedHashMap<>();
        series.put("checkins", checkins.perDay(from));
        series.put("participations", lotteries.participationsPerDay(from));
        series.put("instantWins", lotteries.instantWinsPerDay(from));
        series.put("draws", lotteries.drawsPerDay(from));
        series.put("comments", comments.perDay(from));
        return series;
    }
}
