package com.luckify.admin.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: the password form, and a button per configured OIDC provider. */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    @GetMapping(AdminSecurityConfiguration.LOGIN)
    String login(Model model) {
        List<OidcProvider> providers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new OidcProvider(AdminSecurityConfiguration.OIDC_START + "/" + client.getRegistrationId(),
                        client.getClientName()));
            }
        }
        model.addAttribute("oidcProviders", providers);
        return "admin/login";
    }

    /** Where the button starts the login, and the provider's name as configured. */
    record OidcProvider(String href, String name) {
    }
}
