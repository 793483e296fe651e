package com.luckify.web.lottery;

import com.luckify.lottery.ClaimContact;
import com.luckify.lottery.ClockTaskService;
import com.luckify.lottery.ClockTaskTicket;
import com.luckify.lottery.InstantWinService;
import com.luckify.lottery.ListQuery;
import com.luckify.lottery.LotteryDraws;
import com.luckify.lottery.Participants;
import com.luckify.lottery.ParticipationService;
import com.luckify.lottery.PrizeClaimService;
import com.luckify.user.RealPeople;
import com.luckify.web.lottery.LotteryRequests.ClaimPrizeReq;
import com.luckify.web.lottery.LotteryRequests.CompleteClockTaskReq;
import com.luckify.web.lottery.LotteryRequests.CursorSizeReq;
import com.luckify.web.lottery.LotteryRequests.DrawParticipantsReq;
import com.luckify.web.lottery.LotteryRequests.LotteryIdReq;
import com.luckify.web.lottery.LotteryRequests.SearchLotteryParticipationReq;
import com.luckify.web.lottery.LotteryResponses.AddInstantLotteryParticipationResp;
import com.luckify.web.lottery.LotteryResponses.DrawParticipantsResp;
import com.luckify.web.lottery.LotteryResponses.GetLotteryWinListResp;
import com.luckify.web.lottery.LotteryResponses.LotteryUserInfo;
import com.luckify.web.lottery.LotteryResponses.SearchLotteryParticipationResp;
import com.luckify.web.lottery.LotteryResponses.StartClockTaskResp;
import com.luckify.web.lottery.LotteryResponses.UserLotteryItem;
import com.luckify.web.lottery.LotteryResponses.UserLotteryListResp;
import com.luckify.web.lottery.LotteryResponses.WonList;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import com.luckify.web.support.EmptyObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Joining, instant win, clock tasks, and who joined or won. */
@Tag(name = "participation")
@RestController
@RequestMapping("/lottery/v1/lottery")
class ParticipationController {

    private final ParticipationService participations;
    private final ClockTaskService clockTasks;
    private final InstantWinService instantWin;
    private final LotteryDraws draws;
    private final PrizeClaimService prizeClaims;
    private final ApiRateLimits rateLimits;
    private final RealPeople realPeople;

    ParticipationController(ParticipationService participations, ClockTaskService clockTasks,
            InstantWinService instantWin, LotteryDraws draws, PrizeClaimService prizeClaims, ApiRateLimits rateLimits,
            RealPeople realPeople) {
        this.participations = participations;
        this.clockTasks = clockTasks;
        this.prizeClaims = prizeClaims;
        this.instantWin = instantWin;
        this.draws = draws;
        this.rateLimits = rateLimits;
        this.realPeople = realPeople;
    }

    @PostMapping("/participation")
    ApiResponse<EmptyObject> join(@CurrentUserId long userId, @Valid @RequestBody LotteryIdReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.JOIN, userId, request);
        participations.join(userId, req.lotteryId());
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    @PostMapping("/instantParticipation")
    ApiResponse<AddInstantLotteryParticipationResp> instant(@CurrentUserId long userId,
            @Valid @RequestBody LotteryIdReq req, HttpServletRequest request) {
        rateLimits.write(Write.INSTANT, userId, request);
        realPeople.require(userId, RealPeople.Action.INSTANT_WIN);
        return ApiResponse.ok(new AddInstantLotteryParticipationResp(instantWin.attempt(userId, req.lotteryId())));
    }

    /** Not in the original: the caller starts the lottery's clock task (打卡任务) and gets a single-use ticket. */
    @PostMapping("/startClockTask")
    ApiResponse<StartClockTaskResp> startClockTask(@CurrentUserId long userId, @Valid @RequestBody LotteryIdReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.CLOCK_TASK, userId, request);
        ClockTaskTicket ticket = clockTasks.start(userId, req.lotteryId());
        return ApiResponse.ok(new StartClockTaskResp(ticket.ticket(), ticket.redeemableAt().getEpochSecond()));
    }

    /**
     * Not in the original: the caller did the lottery's clock task, proven by redeeming the ticket of its start once
     * the task's time is up.
     */
    @PostMapping("/completeClockTask")
    ApiResponse<EmptyObject> completeClockTask(@CurrentUserId long userId, @Valid @RequestBody CompleteClockTaskReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.CLOCK_TASK, userId, request);
        clockTasks.complete(userId, req.lotteryId(), req.ticket());
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    /** Not in the original: a winner says where to send the prize, before the award deadline. Once per win. */
    @PostMapping("/claimPrize")
    ApiResponse<EmptyObject> claimPrize(@CurrentUserId long userId, @Valid @RequestBody ClaimPrizeReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.PRIZE_CLAIM, userId, request);
        realPeople.require(userId, RealPeople.Action.PRIZE_CLAIM);
        prizeClaims.claim(userId, req.lotteryId(), new ClaimContact(req.contactName().strip(), req.mobile(),
                req.address().strip()));
        return ApiResponse.ok(EmptyObject.INSTANCE);
    }

    @PostMapping("/participations")
    ApiResponse<SearchLotteryParticipationResp> participants(@Valid @RequestBody SearchLotteryParticipationReq req) {
        Participants page = participations.participants(req.lotteryId(), req.pageIndex(), req.pageSize());
        return ApiResponse.ok(new SearchLotteryParticipationResp(page.count(),
                page.users().stream().map(LotteryUserInfo::of).toList()));
    }

    @GetMapping("/participations")
    ApiResponse<SearchLotteryParticipationResp> participantsByGet(@Valid SearchLotteryParticipationReq req) {
        return participants(req);
    }

    /**
     * Not in the original: the participant list a drawn lottery's draw saw, with weights, in user id order;
     * with the revealed seed it lets anyone recompute the winners.
     */
    @PostMapping("/drawParticipants")
    ApiResponse<DrawParticipantsResp> drawParticipants(@Valid @RequestBody DrawParticipantsReq req,
            HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(DrawParticipantsResp.of(
                draws.drawnParticipants(req.lotteryId(), req.lastUserId(), req.pageSize()), req.pageSize()));
    }

    @GetMapping("/drawParticipants")
    ApiResponse<DrawParticipantsResp> drawParticipantsByGet(@Valid DrawParticipantsReq req,
            HttpServletRequest request) {
        return drawParticipants(req, request);
    }

    @PostMapping("/getLotteryWinnersList")
    ApiResponse<GetLotteryWinListResp> winners(@Valid @RequestBody LotteryIdReq req, HttpServletRequest request) {
        rateLimits.publicRead(request);
        return ApiResponse.ok(new GetLotteryWinListResp(
                participations.winners(req.lotteryId()).stream().map(WonList::of).toList()));
    }

    @GetMapping("/getLotteryWinnersList")
    ApiResponse<GetLotteryWinListResp> winnersByGet(@Valid LotteryIdReq req, HttpServletRequest request) {
        return winners(req, request);
    }

    @PostMapping("/getUserAllLotteryList")
    ApiResponse<UserLotteryListResp> entries(@CurrentUserId long userId, @Valid @RequestBody CursorSizeReq req) {
        return entries(userId, req, false);
    }

    @GetMapping("/getUserAllLotteryList")
    ApiResponse<UserLotteryListResp> entriesByGet(@CurrentUserId long userId, @Valid CursorSizeReq req) {
        return entries(userId, req, false);
    }

    @PostMapping("/getLotteryWinList")
    ApiResponse<UserLotteryListResp> wins(@CurrentUserId long userId, @Valid @RequestBody CursorSizeReq req) {
        return entries(userId, req, true);
    }

    @GetMapping("/getLotteryWinList")
    ApiResponse<UserLotteryListResp> winsByGet(@CurrentUserId long userId, @Valid CursorSizeReq req) {
        return entries(userId, req, true);
    }

    private ApiResponse<UserLotteryListResp> entries(long userId, CursorSizeReq req, boolean wonOnly) {
        return ApiResponse.ok(new UserLotteryListResp(participations.entriesOf(userId,
                new ListQuery(req.lastId(), req.size()), wonOnly).stream().map(UserLotteryItem::of).toList()));
    }
}
