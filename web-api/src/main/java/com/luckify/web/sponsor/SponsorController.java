package com.luckify.web.sponsor;

import com.luckify.sponsor.SponsorDraft;
import com.luckify.sponsor.SponsorService;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.security.OptionalCaller;
import com.luckify.web.sponsor.SponsorRequests.CreateSponsorReq;
import com.luckify.web.sponsor.SponsorRequests.IdReq;
import com.luckify.web.sponsor.SponsorRequests.SponsorListReq;
import com.luckify.web.sponsor.SponsorRequests.UpdateSponsorReq;
import com.luckify.web.sponsor.SponsorResponses.CreateSponsorResp;
import com.luckify.web.sponsor.SponsorResponses.SponsorItem;
import com.luckify.web.sponsor.SponsorResponses.SponsorListResp;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import com.luckify.web.support.EmptyObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sponsor endpoints, on the original's paths (including the odd {@code userContact/upDateSponsor}). */
@Tag(name = "sponsor")
@RestController
class SponsorController {

    private final SponsorService sponsors;
    private final ApiRateLimits rateLimits;
    private final OptionalCaller caller;

    SponsorController(SponsorService sponsors, ApiRateLimits rateLimits, OptionalCaller caller) {
        this.sponsors = sponsors;
        this.rateLimits = rateLimits;
        this.caller = caller;
    }

    @PostMapping("/usercenter/v1/userSponsor/addSponsor")
    ApiResponse<CreateSponsorResp> add(@CurrentUserId long userId, @Valid @RequestBody CreateSponsorReq req,
            HttpServletRequest request) {
        rateLimits.creation(Write.SPONSOR, userId, request);
        long id = sponsors.add(userId, new SponsorDraft(req.type(), req.appletType(), req.isShow(), req.name(),
                req.desc(), req.avatar(), req.qr_code(), req.inputA(), req.inputB()));
        return ApiResponse.ok(new CreateSponsorResp(id));
    }

    @PostMapping("/usercenter/v1/userSponsor/sponsorList")
    ApiResponse<SponsorListResp> list(@CurrentUserId long userId, @Valid @RequestBody SponsorListReq req) {
        return ApiResponse.ok(new SponsorListResp(
                sponsors.listOwn(userId, req.page(), req.pageSize()).stream().map(SponsorItem::of).toList()));
    }

    @PostMapping("/usercenter/v1/userSponsor/sponsorDetail")
    ApiResponse<SponsorItem> detail(@Valid @RequestBody IdReq req, HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(SponsorItem.of(sponsors.detail(req.id(), caller.userId(request))));
    }

    @PostMapping("/usercenter/v1/userContact/upDateSponsor")
    ApiResponse<EmptyObject> update(@CurrentUserId long userId, @Valid @RequestBody UpdateSponsorReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.SPONSOR, userId, request);
        sponsors.update(userId, req.id(), new SponsorDraft(zeroAsAbsent(req.type()), req.appletType(),
                zeroAsAbsent(req.isShow()), req.name(), req.desc(), req.avatar(), req.qr_code(), req.inputA(),
                req.inputB()));
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    @PostMapping("/usercenter/v1/userContact/sponsorDel")
    ApiResponse<EmptyObject> delete(@CurrentUserId long userId, @Valid @RequestBody IdReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.SPONSOR, userId, request);
        sponsors.delete(userId, req.id());
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    /** The original's clients send every key, with 0 for "unchanged". */
    private static Integer zeroAsAbsent(Integer value) {
        return value == null || value == 0 ? null : value;
    }
}
