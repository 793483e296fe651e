package com.luckify.web.security;

import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The endpoints served without a token (the original's, and the public ones added since); everything else of the API needs one. */
final class PublicEndpoints {

    static final List<String> PATHS = List.of(
            "/usercenter/v1/user/register",
            "/usercenter/v1/user/login",
            "/usercenter/v1/user/wxMiniAuth",
            "/usercenter/v1/userSponsor/sponsorDetail",
            "/lottery/v1/lottery/lotteryList",
            "/lottery/v1/lottery/lotteryListSlow",
            "/lottery/v1/lottery/getLotteryWinnersList",
            "/lottery/v1/lottery/drawParticipants",
            // the public draw verify page, its script and stylesheet (not in the original)
            "/lottery/verify/**",
            "/comment/v1/comment/getCommentDetail",
            "/comment/v1/comment/getLastId",
            "/files/**");

    private PublicEndpoints() {
    }

    static RequestMatcher matcher() {
        return new OrRequestMatcher(PATHS.stream()
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
    }
}
