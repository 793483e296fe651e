package com.luckify.admin.settings;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.checkin.CheckinRewards;
import com.luckify.checkin.TaskDefinition;
import com.luckify.checkin.TaskSettings;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The check-in cycle's rewards and the tasks' rewards and limits; large rewards need an approver's role. */
@Controller
class SettingsController {

    private final CheckinRewards rewards;
    private final TaskSettings tasks;
    private final RewardApproval approval;

    SettingsController(CheckinRewards rewards, TaskSettings tasks, RewardApproval approval) {
        this.rewards = rewards;
        this.tasks = tasks;
        this.approval = approval;
    }

    @GetMapping("/admin/settings")
    String settings(HtmxRequest htmx, Model model) {
        model.addAttribute("rewards", rewards.all());
        model.addAttribute("tasks", tasks.all());
        return Rendering.of(htmx, "admin/settings/index", "settings");
    }

    @PostMapping("/admin/settings/checkin-rewards")
    String checkinRewards(@RequestParam("reward") List<Integer> days, StaffActor actor, HtmxRequest htmx, Model model) {
        List<Integer> before = rewards.all();
        if (days.size() == before.size()) {
            for (int day = 0; day < days.size(); day++) {
                approval.check(before.get(day), days.get(day) == null ? 0 : days.get(day));
            }
        }
        rewards.change(actor, days);
        model.addAttribute("saved", true);
        return settings(htmx, model);
    }

    @PostMapping("/admin/settings/tasks/{id}")
    String task(@PathVariable long id, @RequestParam int integral, @RequestParam int needCount,
            @RequestParam(defaultValue = "false") boolean enabled, StaffActor actor, HtmxRequest htmx, Model model) {
        int before = tasks.all().stream().filter(task -> task.id() == id).mapToInt(TaskDefinition::integral)
                .findFirst().orElse(0);
        approval.check(before, integral);
        tasks.change(actor, id, integral, needCount, enabled);
        model.addAttribute("saved", true);
        return settings(htmx, model);
    }
}
