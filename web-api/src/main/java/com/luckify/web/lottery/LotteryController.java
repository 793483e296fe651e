package com.luckify.web.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.lottery.ClockTaskDraft;
import com.luckify.lottery.ListQuery;
import com.luckify.lottery.LotteryDraft;
import com.luckify.lottery.LotteryService;
import com.luckify.lottery.PrizeDraft;
import com.luckify.user.RealPeople;
import com.luckify.web.lottery.LotteryRequests.CreateClockTask;
import com.luckify.web.lottery.LotteryRequests.CreateLotteryReq;
import com.luckify.web.lottery.LotteryRequests.CursorSizeReq;
import com.luckify.web.lottery.LotteryRequests.IdReq;
import com.luckify.web.lottery.LotteryRequests.LotteryListReq;
import com.luckify.web.lottery.LotteryRequests.LotteryListSlowQueryReq;
import com.luckify.web.lottery.LotteryResponses.CreateLotteryResp;
import com.luckify.web.lottery.LotteryResponses.LotteryDetailResp;
import com.luckify.web.lottery.LotteryResponses.LotteryListResp;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating lotteries and reading them. Read endpoints answer POST with a JSON body, as the contract, and GET
 * with the same keys as query parameters, as clients of this API family also send.
 */
@Tag(name = "lottery")
@RestController
@RequestMapping("/lottery/v1/lottery")
class LotteryController {

    private final LotteryService lotteries;
    private final ApiRateLimits rateLimits;
    private final RealPeople realPeople;

    LotteryController(LotteryService lotteries, ApiRateLimits rateLimits, RealPeople realPeople) {
        this.lotteries = lotteries;
        this.rateLimits = rateLimits;
        this.realPeople = realPeople;
    }

    @PostMapping("/createLottery")
    ApiResponse<CreateLotteryResp> create(@CurrentUserId long userId, @Valid @RequestBody CreateLotteryReq req,
            HttpServletRequest request) {
        rateLimits.creation(Write.LOTTERY, userId, request);
        realPeople.require(userId, RealPeople.Action.LOTTERY_CREATION);
        return ApiResponse.ok(new CreateLotteryResp(lotteries.create(userId, draft(req))));
    }

    @PostMapping("/lotteryList")
    ApiResponse<LotteryListResp> list(@Valid @RequestBody LotteryListReq req, HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(LotteryListResp.of(lotteries.openLotteries(query(req), req.isSelected() != 0, null)));
    }

    @GetMapping("/lotteryList")
    ApiResponse<LotteryListResp> listByGet(@Valid LotteryListReq req, HttpServletRequest request) {
        return list(req, request);
    }

    @PostMapping("/lotteryListAfterLogin")
    ApiResponse<LotteryListResp> listAfterLogin(@CurrentUserId long userId, @Valid @RequestBody LotteryListReq req) {
        return ApiResponse.ok(LotteryListResp.of(lotteries.openLotteries(query(req), req.isSelected() != 0, userId)));
    }

    @GetMapping("/lotteryListAfterLogin")
    ApiResponse<LotteryListResp> listAfterLoginByGet(@CurrentUserId long userId, @Valid LotteryListReq req) {
        return listAfterLogin(userId, req);
    }

    @PostMapping("/lotteryListSlow")
    ApiResponse<LotteryListResp> listSlow(@Valid @RequestBody LotteryListSlowQueryReq req, HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(LotteryListResp.of(
                lotteries.openLotteriesPage(req.pageIndex(), req.pageSize(), req.isSelected() != 0)));
    }

    @GetMapping("/lotteryListSlow")
    ApiResponse<LotteryListResp> listSlowByGet(@Valid LotteryListSlowQueryReq req, HttpServletRequest request) {
        return listSlow(req, request);
    }

    @PostMapping("/lotteryDetail")
    ApiResponse<LotteryDetailResp> detail(@CurrentUserId long userId, @Valid @RequestBody IdReq req) {
        return ApiResponse.ok(LotteryDetailResp.of(lotteries.detail(req.id(), userId)));
    }

    @GetMapping("/lotteryDetail")
    ApiResponse<LotteryDetailResp> detailByGet(@CurrentUserId long userId, @Valid IdReq req) {
        return detail(userId, req);
    }

    @PostMapping("/getUserCreatedLotteryList")
    ApiResponse<LotteryListResp> created(@CurrentUserId long userId, @Valid @RequestBody CursorSizeReq req) {
        return ApiResponse.ok(LotteryListResp.of(lotteries.createdBy(userId, new ListQuery(req.lastId(), req.size()))));
    }

    @GetMapping("/getUserCreatedLotteryList")
    ApiResponse<LotteryListResp> createdByGet(@CurrentUserId long userId, @Valid CursorSizeReq req) {
        return created(userId, req);
    }

    private static ListQuery query(LotteryListReq req) {
        return new ListQuery(req.lastId(), req.pageSize());
    }

    private static LotteryDraft draft(CreateLotteryReq req) {
        if (req.isClocked() == 1 && req.clockTask() == null) {
            throw BusinessException.of(ErrorCode.CLOCK_TASK_REQUIRED);
        }
        ClockTaskDraft clockTask = req.isClocked() == 1 ? clockTask(req.clockTask()) : null;
        return new LotteryDraft(req.name(), req.thumb(), req.announceType(), Instant.ofEpochSecond(req.announceTime()),
                req.joinNumber(), req.introduce(), Instant.ofEpochSecond(req.awardDeadline()),
                req.sponsorId() == 0 ? null : req.sponsorId(),
                req.prizes().stream().map(p -> new PrizeDraft(p.type(), p.name(), p.count(), p.thumb(), p.level(),
                        p.grantType(), p.winProbabilityPpm())).toList(),
                clockTask, req.publishType() == 1);
    }

    private static ClockTaskDraft clockTask(CreateClockTask t) {
        return new ClockTaskDraft(t.type(), orZero(t.seconds()), orZero(t.appletType()), orEmpty(t.pageLink()),
                orEmpty(t.appId()), orEmpty(t.pagePath()), orEmpty(t.image()), orEmpty(t.videoAccountId()),
                orEmpty(t.videoId()), orEmpty(t.articleLink()), orEmpty(t.copywriting()),
                t.chanceType() == null ? 1 : t.chanceType(), t.increaseMultiple() == null ? 1 : t.increaseMultiple());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
