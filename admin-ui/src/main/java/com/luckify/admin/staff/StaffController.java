package com.luckify.admin.staff;

import com.luckify.admin.security.ConsoleSessions;
import com.luckify.admin.support.Rendering;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.staff.NewStaff;
import com.luckify.staff.StaffAccount;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators manage staff accounts: create, change roles, disable (which ends the account's sessions) and
 * re-enable (which also unlocks), link an OIDC identity, and see and end a member's console sessions.
 */
@Controller
class StaffController {

    private final StaffService staff;
    private final ConsoleSessions sessions;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    StaffController(StaffService staff, ConsoleSessions sessions,
            ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.staff = staff;
        this.sessions = sessions;
        this.oidcClients = oidcClients;
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

    @GetMapping("/admin/staff/{id}")
    String detail(@PathVariable long id, HtmxRequest htmx, Model model) {
        StaffAccount account = require(id);
        model.addAttribute("account", account);
        model.addAttribute("sessions", sessions.of(account.username()));
        return Rendering.of(htmx, "admin/staff/detail", "sessions");
    }

    @PostMapping("/admin/staff/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, StaffActor actor, HtmxRequest htmx,
            Model model) {
        staff.setEnabled(actor, id, enabled);
        if (!enabled) {
            // at once, not at the sessions' next request: a disabled member is out of every replica now
            sessions.end(require(id).username());
        }
        return list(htmx, model);
    }

    @PostMapping("/admin/staff/{id}/sessions/end")
    String endSessions(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        sessions.endAll(actor, id, require(id).username());
        return detail(id, htmx, model);
    }

    /** A blank issuer means the one configured provider's, when there is exactly one. */
    @PostMapping("/admin/staff/{id}/oidc")
    String oidc(@PathVariable long id, @RequestParam(defaultValue = "") String issuer,
            @RequestParam(defaultValue = "") String subject, StaffActor actor, HtmxRequest htmx, Model model) {
        staff.linkOidcIdentity(actor, id, issuer.isBlank() ? configuredIssuer() : issuer, subject);
        return list(htmx, model);
    }

    private String configuredIssuer() {
        List<String> issuers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> issuers.add(
                    ((ClientRegistration) registration).getProviderDetails().getIssuerUri()));
        }
        return issuers.size() == 1 ? Objects.requireNonNullElse(issuers.get(0), "") : "";
    }

    private StaffAccount require(long id) {
        return staff.byId(id).orElseThrow(() -> ActionRefused.of("staff.not-found", "no staff account " + id));
    }

    private static Set<StaffRole> roleSet(List<StaffRole> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
