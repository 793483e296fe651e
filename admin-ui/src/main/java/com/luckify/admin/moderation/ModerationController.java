package com.luckify.admin.moderation;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.comment.CommentModeration;
import com.luckify.comment.ModerationFilter;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderation queue: a tab per state, one comment or many at once, and the sensitive-word list. Comment text
 * is shown exactly as typed, escaped by Thymeleaf ({@code th:text}), so markup in a comment stays text.
 */
@Controller
class ModerationController {

    private final CommentModeration moderation;

    ModerationController(CommentModeration moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/admin/moderation")
    String queue(@RequestParam(defaultValue = "PENDING") ModerationFilter tab, @RequestParam(required = false) Long author,
            @RequestParam(defaultValue = "1") int page, HtmxRequest htmx, Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", ModerationFilter.values());
        model.addAttribute("author", author);
        model.addAttribute("page", moderation.queue(tab, author, page, 20));
        return Rendering.of(htmx, "admin/moderation/queue", "results");
    }

    /** One action on the selected comments; answers with the same tab and page, now without what moved away. */
    @PostMapping("/admin/moderation/{action}")
    String act(@PathVariable String action, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "PENDING") ModerationFilter tab,
            @RequestParam(required = false) Long author, @RequestParam(defaultValue = "1") int page, StaffActor actor,
            HtmxRequest htmx, Model model) {
        List<Long> selected = ids == null ? List.of() : ids;
        int changed = switch (action) {
            case "approve" -> moderation.approve(actor, selected);
            case "hide" -> moderation.hide(actor, selected, reason);
            case "delete" -> moderation.delete(actor, selected);
            case "restore" -> moderation.restore(actor, selected);
            default -> throw new IllegalArgumentException("unknown moderation action " + action);
        };
        model.addAttribute("changed", changed);
        model.addAttribute("changedAction", action);
        return queue(tab, author, page, htmx, model);
    }

    @GetMapping("/admin/moderation/words")
    String words(HtmxRequest htmx, Model model) {
        model.addAttribute("words", moderation.sensitiveWords());
        return Rendering.of(htmx, "admin/moderation/words", "words");
    }

    @PostMapping("/admin/moderation/words")
    String addWord(@RequestParam(defaultValue = "") String word, StaffActor actor, HtmxRequest htmx, Model model) {
        moderation.addSensitiveWord(actor, word);
        return words(htmx, model);
    }

    @PostMapping("/admin/moderation/words/{id}/remove")
    String removeWord(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        moderation.removeSensitiveWord(actor, id);
        return words(htmx, model);
    }
}
