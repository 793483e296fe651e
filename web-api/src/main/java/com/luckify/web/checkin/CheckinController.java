package com.luckify.web.checkin;

import com.luckify.checkin.CheckinResult;
import com.luckify.checkin.CheckinService;
import com.luckify.checkin.CheckinStatus;
import com.luckify.checkin.TaskService;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Daily check-in, tasks and their rewards, the reminder subscription. */
@Tag(name = "checkin")
@RestController
@RequestMapping("/checkin/v1/checkin")
class CheckinController {

    private final CheckinService checkins;
    private final TaskService tasks;
    private final ApiRateLimits rateLimits;

    CheckinController(CheckinService checkins, TaskService tasks, ApiRateLimits rateLimits) {
        this.checkins = checkins;
        this.tasks = tasks;
        this.rateLimits = rateLimits;
    }

    @PostMapping
    ApiResponse<CheckinResp> checkin(@CurrentUserId long userId, HttpServletRequest request) {
        CheckinResult result = checkins.checkin(userId, rateLimits.writeCharges(Write.CHECKIN, userId, request));
        return ApiResponse.ok(new CheckinResp(result.streakDay(), 1, result.integral(), result.reward()));
    }

    @PostMapping("/getCheckin")
    ApiResponse<GetCheckinResp> status(@CurrentUserId long userId) {
        CheckinStatus status = checkins.status(userId);
        return ApiResponse.ok(new GetCheckinResp(status.continuousCheckinDays(), status.checkedInToday() ? 1 : 0,
                status.integral(), status.subscribed() ? 1 : 0));
    }

    @PostMapping("/getTasks")
    ApiResponse<GetTasksResp> tasks(@CurrentUserId long userId) {
        return ApiResponse.ok(new GetTasksResp(tasks.tasksOf(userId).stream()
                .map(t -> new TaskItem(t.id(), t.type(), t.content(), t.integral(), t.state(), t.path(), t.count(),
                        t.needCount()))
                .toList()));
    }

    @PostMapping("/claimReward")
    ApiResponse<ClaimRewardResp> claim(@CurrentUserId long userId, @Valid @RequestBody ClaimRewardReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.TASK_REWARD, userId, request);
        return ApiResponse.ok(new ClaimRewardResp(tasks.claim(userId, req.taskId())));
    }

    @PostMapping("/updateSub")
    ApiResponse<Void> subscribe(@CurrentUserId long userId, @Valid @RequestBody UpdateSubReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.PROFILE, userId, request);
        tasks.updateSubscription(userId, req.state() == 1);
        return ApiResponse.ok(null);
    }

    record ClaimRewardReq(@NotNull(message = "is not set") @Min(value = 1, message = "must be a task id") Long taskId) {
    }

    record UpdateSubReq(@NotNull(message = "is not set") @Min(value = 0, message = "must be 0 or 1")
            @Max(value = 1, message = "must be 0 or 1") Integer state) {
    }

    /** {@code continuousCheckinDays} is the day of the 7-day cycle just reached; {@code reward} what it paid. */
    record CheckinResp(int continuousCheckinDays, int state, long integral, int reward) {
    }

    record GetCheckinResp(int continuousCheckinDays, int state, long integral, int subStatus) {
    }

    record GetTasksResp(List<TaskItem> tasksList) {
    }

    record TaskItem(long id, int type, String content, int integral, int isFinished, String path, int count,
            int needCount) {
    }

    /** The wish-value balance after the reward. */
    record ClaimRewardResp(long integral) {
    }
}
