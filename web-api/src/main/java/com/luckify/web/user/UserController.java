package com.luckify.web.user;

import com.luckify.user.ProfileChanges;
import com.luckify.user.UserService;
import com.luckify.user.WeChatLogin;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.security.TokenIssuer;
import com.luckify.web.security.TokenIssuer.IssuedToken;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiResponse;
import com.luckify.web.support.EmptyObject;
import com.luckify.web.user.UserRequests.MobilePasswordReq;
import com.luckify.web.user.UserRequests.UserUpdateReq;
import com.luckify.web.user.UserRequests.WxMiniAuthReq;
import com.luckify.web.user.UserResponses.UserInfoResp;
import com.luckify.web.user.UserResponses.UsercenterUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "usercenter")
@RestController
@RequestMapping("/usercenter/v1/user")
class UserController {

    private final UserService users;
    private final TokenIssuer tokens;
    private final ApiRateLimits rateLimits;

    UserController(UserService users, TokenIssuer tokens, ApiRateLimits rateLimits) {
        this.users = users;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/register")
    ApiResponse<IssuedToken> register(@Valid @RequestBody MobilePasswordReq req, HttpServletRequest request) {
        rateLimits.authAttempt(request, req.mobile());
        return token(users.register(req.mobile(), req.password()));
    }

    @PostMapping("/login")
    ApiResponse<IssuedToken> login(@Valid @RequestBody MobilePasswordReq req, HttpServletRequest request) {
        rateLimits.authAttempt(request, req.mobile());
        return token(users.login(req.mobile(), req.password()));
    }

    @PostMapping("/wxMiniAuth")
    ApiResponse<IssuedToken> wxMiniAuth(@Valid @RequestBody WxMiniAuthReq req, HttpServletRequest request) {
        rateLimits.authAttempt(request, null);
        return token(users.loginWithWeChat(
                new WeChatLogin(req.code(), req.iv(), req.encryptedData(), req.nickname(), req.avator())));
    }

    /** Not in the original: a fresh token for a caller whose token is still valid. */
    @PostMapping("/refreshToken")
    ApiResponse<IssuedToken> refreshToken(@CurrentUserId long userId) {
        users.requireExists(userId);
        return token(userId);
    }

    @PostMapping("/detail")
    ApiResponse<UserInfoResp> detail(@CurrentUserId long userId) {
        return ApiResponse.ok(new UserInfoResp(UsercenterUser.of(users.profile(userId))));
    }

    @PutMapping("/update")
    ApiResponse<EmptyObject> update(@CurrentUserId long userId, @Valid @RequestBody UserUpdateReq req) {
        users.updateProfile(userId, new ProfileChanges(req.nickname(), req.sex() == null ? null : Integer.valueOf(req.sex()),
                req.avator(), req.info(), req.signature(), req.locationName(), req.longitude(), req.latitude()));
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    private ApiResponse<IssuedToken> token(long userId) {
        return ApiResponse.ok(tokens.issue(userId));
    }
}
