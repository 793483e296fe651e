package com.luckify.admin.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.luckify.admin.security.AdminSecurityForSlices;
import com.luckify.admin.security.StaffPrincipal;
import com.luckify.common.BusinessCalendar;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Failures nobody planned for, in the console: a message with a reference to the log, as a page or for the flash
 * area of an htmx request, never a stack trace and never the API's JSON; also when the page fails while rendering.
 */
@WebMvcTest(controllers = AdminErrorsTests.FailingPages.class, properties = {"spring.messages.basename=messages/admin",
        "spring.thymeleaf.servlet.produce-partial-output-while-processing=false"})
@Import({AdminSecurityForSlices.class, Formats.class, PagerLinks.class, AdminErrorsTests.FailingPages.class})
class AdminErrorsTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StaffService staff;

    @MockitoBean
    BusinessCalendar calendar;

    @Test
    void aControllerFailureIsAMessageWithAReference() throws Exception {
        mvc.perform(get("/admin/test/throws").with(admin()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side (reference ")))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
        mvc.perform(get("/admin/test/throws").header("HX-Request", "true").with(admin()))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string("HX-Retarget", "#flash"))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aPageThatFailsWhileRenderingIsAMessageToo() throws Exception {
        mvc.perform(get("/admin/test/broken").with(admin()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side (reference ")))
                .andExpect(content().string(not(containsString("missing"))))
                .andExpect(content().string(not(containsString("\"code\""))));
    }

    private static RequestPostProcessor admin() {
        StaffPrincipal principal = new StaffPrincipal(1, "admin", "Admin", Set.of(StaffRole.ADMIN));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    /** Pages that fail: in the controller, and in their template. */
    @Controller
    static class FailingPages {

        @GetMapping("/admin/test/throws")
        String fails() {
            throw new IllegalStateException("a bug");
        }

        @GetMapping("/admin/test/broken")
        String broken() {
            return "admin/broken";
        }
    }
}
