package com.luckify.admin.staff;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.staff.NewStaff;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators manage staff accounts: create, change roles, disable and re-enable (which also unlocks). */
@Controller
class StaffController {

    private final StaffService staff;

    StaffController(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping("/admin/staff")
    String list(HtmxRequest htmx, Model model) {
        model.addAttribute("accounts", staff.all());
        model.addAttribute("roles", StaffRole.values());
        return Rendering.of(htmx, "admin/staff/list", "accounts");
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam String username, @RequestParam String password,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(name = "roles", required = false) List<StaffRole> roles, StaffActor actor, HtmxRequest htmx,
            Model model) {
        staff.create(actor, new NewStaff(username, password, displayName, roleSet(roles)));
        return list(htmx, model);
    }

    @PostMapping("/admin/staff/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(name = "roles", required = false) List<StaffRole> roles,
            StaffActor actor, HtmxRequest htmx, Model model) {
        staff.changeRoles(actor, id, roleSet(roles));
        return list(htmx, model);
    }

    @PostMapping("/admin/staff/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, StaffActor actor, HtmxRequest htmx,
            Model model) {
        staff.setEnabled(actor, id, enabled);
        return list(htmx, model);
    }

    @PostMapping("/admin/staff/{id}/oidc")
    String oidc(@PathVariable long id, @RequestParam(defaultValue = "") String subject, StaffActor actor,
            HtmxRequest htmx, Model model) {
        staff.linkOidcSubject(actor, id, subject);
        return list(htmx, model);
    }

    private static Set<StaffRole> roleSet(List<StaffRole> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
