package com.luckify.admin.lottery;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.luckify.admin.security.AdminSecurityForSlices;
import com.luckify.admin.security.StaffPrincipal;
import com.luckify.admin.support.Formats;
import com.luckify.admin.support.PagerLinks;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.Paged;
import com.luckify.lottery.Lottery;
import com.luckify.lottery.LotteryAdministration;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lottery pages' controller in a web slice: one URL rendered as the whole page or as the fragment an htmx
 * request asks for, actions answered with the fragment they change, refusals as messages for the flash area, and
 * the console's real security chain (roles and CSRF) in front.
 */
@WebMvcTest(controllers = LotteryAdminController.class, properties = "spring.messages.basename=messages/admin")
@Import({AdminSecurityForSlices.class, Formats.class, PagerLinks.class})
class LotteryAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LotteryAdministration lotteries;

    @MockitoBean
    BusinessCalendar calendar;

    @MockitoBean
    StaffService staff;

    @BeforeEach
    void businessZone() {
        given(calendar.zone()).willReturn(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theListIsAWholePageForTheBrowserAndOnlyTheResultsForHtmx() throws Exception {
        given(lotteries.search(any(), eq(1), anyInt())).willReturn(new Paged<>(List.of(summerDraw()), 1, 1, 20));

        mvc.perform(get("/admin/lotteries").with(as(StaffRole.CAMPAIGN_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/lotteries/list"))
                .andExpect(content().string(containsString("class=\"sidebar\"")))
                .andExpect(content().string(containsString("夏日抽奖")));
        mvc.perform(htmx(get("/admin/lotteries")).with(as(StaffRole.CAMPAIGN_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/lotteries/list :: results"))
                .andExpect(content().string(not(containsString("class=\"sidebar\""))))
                .andExpect(content().string(containsString("夏日抽奖")))
                .andExpect(header().string("Vary", containsString("HX-Request")));
    }

    @Test
    void aRefusedActionAnswersWithItsMessageForTheFlashArea() throws Exception {
        willThrow(ActionRefused.of("lottery.cannot-publish", "published already"))
                .given(lotteries).publish(any(StaffActor.class), eq(7L));

        mvc.perform(htmx(post("/admin/lotteries/7/publish")).with(csrf()).with(as(StaffRole.CAMPAIGN_MANAGER)))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Retarget", "#flash"))
                .andExpect(content().string(containsString("Only a draft whose announce time is still ahead can be published.")));
    }

    @Test
    void changesNeedTheCsrfTokenAndTheRole() throws Exception {
        mvc.perform(htmx(post("/admin/lotteries/7/publish")).with(as(StaffRole.CAMPAIGN_MANAGER)))
                .andExpect(status().isForbidden());
        mvc.perform(htmx(post("/admin/lotteries/7/publish")).with(csrf()).with(as(StaffRole.MODERATOR)))
                .andExpect(status().isForbidden());
        verify(lotteries, never()).publish(any(), eq(7L));
    }

    @Test
    void withoutALoginAnHtmxRequestIsToldToLoadTheLoginPage() throws Exception {
        mvc.perform(htmx(get("/admin/lotteries")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/admin/login?expired"));
    }

    private static Lottery summerDraw() {
        Instant tomorrow = Instant.now().plusSeconds(86_400);
        return new Lottery(1, 2, "夏日抽奖", "", Instant.now(), 0, "", tomorrow.plusSeconds(86_400), 0, 1, tomorrow, 0,
                null, 3, null);
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true");
    }

    private static RequestPostProcessor as(StaffRole role) {
        StaffPrincipal principal = new StaffPrincipal(1, "staff", "Staff", Set.of(role));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }
}
