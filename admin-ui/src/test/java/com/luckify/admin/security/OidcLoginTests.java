package com.luckify.admin.security;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.luckify.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OIDC login, switched on by nothing but properties: the login page offers the provider, and its button starts the
 * authorization-code round trip under /admin (so the console's chain, not the catch-all one, handles it).
 */
@WebMvcTest(controllers = LoginController.class, properties = {
        "spring.messages.basename=messages/admin",
        "spring.security.oauth2.client.registration.corp.client-id=luckify-console",
        "spring.security.oauth2.client.registration.corp.client-secret=test-only-secret",
        "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
        "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/admin/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
        "spring.security.oauth2.client.provider.corp.authorization-uri=https://sso.example.com/authorize",
        "spring.security.oauth2.client.provider.corp.token-uri=https://sso.example.com/token",
        "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://sso.example.com/jwks",
        "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"})
@ImportAutoConfiguration(OAuth2ClientAutoConfiguration.class)
@Import(AdminSecurityForSlices.class)
class OidcLoginTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StaffService staff;

    @Test
    void theLoginPageOffersTheConfiguredProvider() throws Exception {
        mvc.perform(get("/admin/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/oauth2/authorization/corp\"")))
                .andExpect(content().string(containsString("Log in with Corp SSO")));
    }

    @Test
    void itsButtonSendsTheBrowserToTheProviderWithOurRedirectUri() throws Exception {
        mvc.perform(get("/admin/oauth2/authorization/corp"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", allOf(startsWith("https://sso.example.com/authorize?"),
                        containsString("client_id=luckify-console"), containsString("scope=openid%20profile"),
                        containsString("redirect_uri=http://localhost/admin/login/oauth2/code/corp"))));
    }
}
