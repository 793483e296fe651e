package com.luckify.admin.settings;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.checkin.CheckinRewards;
import com.luckify.checkin.TaskSettings;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The check-in cycle's rewards and the tasks' rewards and limits. */
@Controller
class SettingsController {

    private final CheckinRewards rewards;
    private final TaskSettings tasks;

    SettingsController(CheckinRewards rewards, TaskSettings tasks) {
        this.rewards = rewards;
        this.tasks = tasks;
    }

    @GetMapping("/admin/settings")
    String settings(HtmxRequest htmx, Model model) {
        model.addAttribute("rewards", rewards.all());
        model.addAttribute("tasks", tasks.all());
        return Rendering.of(htmx, "admin/settings/index", "settings");
    }

    @PostMapping("/admin/settings/checkin-rewards")
    String checkinRewards(@RequestParam("reward") List<Integer> days, StaffActor actor, HtmxRequest htmx, Model model) {
        rewards.change(actor, days);
        model.addAttribute("saved", true);
        return settings(htmx, model);
    }

    @PostMapping("/admin/settings/tasks/{id}")
    String task(@PathVariable long id, @RequestParam int integral, @RequestParam int needCount,
            @RequestParam(defaultValue = "false") boolean enabled, StaffActor actor, HtmxRequest htmx, Model model) {
        tasks.change(actor, id, integral, needCount, enabled);
        model.addAttribute("saved", true);
        return settings(htmx, model);
    }
}
