package com.luckify.admin.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.luckify.admin.security.AdminSecurityForSlices;
import com.luckify.admin.security.StaffPrincipal;
import com.luckify.admin.support.Formats;
import com.luckify.admin.support.PagerLinks;
import com.luckify.audit.StaffActor;
import com.luckify.comment.CommentModeration;
import com.luckify.comment.ModeratedComment;
import com.luckify.comment.ModerationFilter;
import com.luckify.comment.ModerationState;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.Paged;
import com.luckify.staff.StaffRole;
import com.luckify.staff.StaffService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The moderation queue in a web slice: both renderings, markup in comments shown as text, bulk actions. */
@WebMvcTest(controllers = ModerationController.class, properties = "spring.messages.basename=messages/admin")
@Import({AdminSecurityForSlices.class, Formats.class, PagerLinks.class})
class ModerationControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommentModeration moderation;

    @MockitoBean
    BusinessCalendar calendar;

    @MockitoBean
    StaffService staff;

    @Test
    void theQueueShowsAScriptAsTextInBothRenderings() throws Exception {
        given(calendar.zone()).willReturn(ZoneId.of("Asia/Shanghai"));
        given(moderation.queue(eq(ModerationFilter.PENDING), any(), eq(1), anyInt())).willReturn(new Paged<>(List.of(
                new ModeratedComment(5, 9, 3, "耳机", "<script>alert(1)</script>", "https://img.example.com/a.png", 0,
                        ModerationState.PENDING, "sensitive word: x", Instant.now(), null, null)), 1, 1, 20));

        mvc.perform(get("/admin/moderation").with(moderator()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/moderation/queue"))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("src=\"https://img.example.com/a.png\"")));
        mvc.perform(get("/admin/moderation").header("HX-Request", "true").with(moderator()))
                .andExpect(view().name("admin/moderation/queue :: results"))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    @Test
    void aBulkApprovalPassesEverySelectedComment() throws Exception {
        given(calendar.zone()).willReturn(ZoneId.of("Asia/Shanghai"));
        given(moderation.approve(any(StaffActor.class), eq(List.of(5L, 6L)))).willReturn(2);
        given(moderation.queue(any(), any(), anyInt(), anyInt())).willReturn(new Paged<>(List.of(), 0, 1, 20));

        mvc.perform(post("/admin/moderation/approve").param("ids", "5", "6").param("tab", "PENDING")
                        .header("HX-Request", "true").with(csrf()).with(moderator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 comment(s) changed.")));
        verify(moderation).approve(any(StaffActor.class), eq(List.of(5L, 6L)));
    }

    private static RequestPostProcessor moderator() {
        StaffPrincipal principal = new StaffPrincipal(3, "mod", "Moderator", Set.of(StaffRole.MODERATOR));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_MODERATOR"))));
    }
}
