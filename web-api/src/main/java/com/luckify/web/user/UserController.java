package com.luckify.web.user;

import com.luckify.user.ProfileChanges;
import com.luckify.user.UserMobiles;
import com.luckify.user.UserService;
import com.luckify.user.WeChatLogin;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.security.TokenIssuer;
import com.luckify.web.security.TokenIssuer.IssuedToken;
import com.luckify.web.security.TokenRefresh;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import com.luckify.web.support.EmptyObject;
import com.luckify.web.user.UserRequests.BindMobileReq;
import com.luckify.web.user.UserRequests.ChangePasswordReq;
import com.luckify.web.user.UserRequests.MobilePasswordReq;
import com.luckify.web.user.UserRequests.RegisterReq;
import com.luckify.web.user.UserRequests.UserUpdateReq;
import com.luckify.web.user.UserRequests.WxMiniAuthReq;
import com.luckify.web.user.UserResponses.BindMobileResp;
import com.luckify.web.user.UserResponses.UserInfoResp;
import com.luckify.web.user.UserResponses.UsercenterUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
    private final TokenRefresh refresh;
    private final UserMobiles mobiles;

    UserController(UserService users, TokenIssuer tokens, ApiRateLimits rateLimits, TokenRefresh refresh,
            UserMobiles mobiles) {
        this.users = users;
        this.mobiles = mobiles;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.refresh = refresh;
    }

    @PostMapping("/register")
    ApiResponse<IssuedToken> register(@Valid @RequestBody RegisterReq req, HttpServletRequest request) {
        rateLimits.authAttempt(request, req.mobile());
        return token(users.register(req.mobile(), req.password(), req.code()));
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
    ApiResponse<IssuedToken> refreshToken(@CurrentUserId long userId, @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        rateLimits.write(Write.TOKEN_REFRESH, userId, request);
        return ApiResponse.ok(refresh.refresh(token));
    }

    /** A new password; every token of the user dies, and the caller gets a fresh one so this phone stays logged in. */
    @PostMapping("/changePassword")
    ApiResponse<IssuedToken> changePassword(@CurrentUserId long userId, @Valid @RequestBody ChangePasswordReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.PROFILE, userId, request);
        users.changePassword(userId, req.oldPassword(), req.newPassword());
        return token(userId);
    }

    /** Not in the original: binds the mobile WeChat verified through the phone-number button's code. */
    @PostMapping("/bindMobile")
    ApiResponse<BindMobileResp> bindMobile(@CurrentUserId long userId, @Valid @RequestBody BindMobileReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.PROFILE, userId, request);
        return ApiResponse.ok(BindMobileResp.of(mobiles.bind(userId, req.code())));
    }

    /** Every token of the user dies at once, on every phone and process ("log out everywhere"). */
    @PostMapping("/logoutAll")
    ApiResponse<EmptyObject> logoutAll(@CurrentUserId long userId, HttpServletRequest request) {
        rateLimits.write(Write.TOKEN_REFRESH, userId, request);
        users.logOutEverywhere(userId);
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    @PostMapping("/detail")
    ApiResponse<UserInfoResp> detail(@CurrentUserId long userId) {
        return ApiResponse.ok(new UserInfoResp(UsercenterUser.of(users.profile(userId))));
    }

    @PutMapping("/update")
    ApiResponse<EmptyObject> update(@CurrentUserId long userId, @Valid @RequestBody UserUpdateReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.PROFILE, userId, request);
        users.updateProfile(userId, new ProfileChanges(req.nickname(), req.sex() == null ? null : Integer.valueOf(req.sex()),
                req.avator(), req.info(), req.signature(), req.locationName(), req.longitude(), req.latitude()));
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    private ApiResponse<IssuedToken> token(long userId) {
        return ApiResponse.ok(tokens.issue(userId));
    }
}
