package com.luckify.common;

/**
 * The one table of error codes the mini-program sees. Numbering follows the Go original (100xxx common,
 * 200xxx user, 300xxx upload, 500xxx lottery, 600xxx comment, 700xxx check-in); codes up to the original's
 * last one keep its numbers and messages, later ones are ours. Unlike the original every failure keeps its
 * own code. {@code ErrorCodeContractTest} keeps this table and the project's OpenAPI contract in step.
 */
public enum ErrorCode {

    SERVER_ERROR(100001, "服务器开小差啦，稍后再来试一下"),
    REQUEST_PARAM_ERROR(100002, "参数错误"),
    TOKEN_INVALID(100003, "token失效，请重新登录"),
    DB_ERROR(100005, "数据库繁忙，请稍后再试"),
    NOT_FOUND(100007, "数据未找到"),
    REDIS_ERROR(100009, "redis错误"),
    TOO_MANY_REQUESTS(100010, "请求过于频繁，请稍后再试"),
    METHOD_NOT_ALLOWED(100011, "请求方法不支持"),
    // a bounded queue is full or its wait ran out: nothing was written, the client may retry (HTTP 503)
    SERVICE_BUSY(100012, "系统繁忙，请稍后再试"),

    USER_NOT_FOUND(200005, "获取用户信息失败"),
    MOBILE_ALREADY_REGISTERED(200008, "用户已注册"),
    // one code for "no such user" and "wrong password" so that login cannot be used to enumerate mobiles
    BAD_CREDENTIALS(200009, "手机号或密码不正确"),
    WECHAT_LOGIN_FAILED(200010, "微信登录失败"),
    WECHAT_DATA_INVALID(200011, "解析微信小程序数据失败"),
    SPONSOR_NOT_FOUND(200012, "赞助商不存在"),
    SPONSOR_NOT_OWNED(200013, "无权操作该赞助商"),
    SPONSOR_IN_USE(200014, "赞助商正被进行中的抽奖使用，不能删除"),
    TOKEN_REFRESH_TOO_EARLY(200020, "token尚未到可刷新时间"),
    // real people: a mobile verified by WeChat's phone-number button (bindMobile, registration with a phone code)
    PHONE_CODE_INVALID(200021, "手机号授权已失效，请重新授权"),
    // WeChat busy, over its quota or unreachable: nothing was bound, the client may try again (HTTP 503)
    WECHAT_PHONE_UNAVAILABLE(200022, "微信手机号验证暂不可用，请稍后再试"),
    MOBILE_BOUND_TO_ANOTHER(200023, "该手机号已被其他账号绑定"),
    // luckify.user.real-people.*: what an account without a verified mobile (or WeChat identity) may not do
    REAL_PERSON_REQUIRED_FOR_INSTANT(200024, "参与即抽即中前请先绑定手机号"),
    REAL_PERSON_REQUIRED_FOR_PRIZE_CLAIM(200025, "领奖前请先绑定手机号"),
    REAL_PERSON_REQUIRED_FOR_LOTTERY_CREATION(200026, "发起抽奖前请先绑定手机号"),
    REGISTRATION_CLOSED(200027, "暂不开放手机号注册，请使用微信登录"),
    PHONE_CODE_REQUIRED(200028, "注册需要先通过微信验证手机号"),

    UPLOAD_EMPTY(300001, "上传的文件为空"),
    UPLOAD_NOT_IMAGE(300002, "只能上传 PNG、JPEG、GIF 或 WebP 图片"),
    UPLOAD_TOO_LARGE(300003, "文件过大"),
    UPLOAD_FAILED(300004, "上传失败"),

    USER_BLACKLISTED(200015, "账号已被限制参与活动"),

    LOTTERY_NOT_FOUND(500025, "查找抽奖失败"),
    ALREADY_JOINED(500028, "已参与抽奖，请勿重复参与"),
    LOTTERY_NOT_PUBLISHED(500029, "抽奖尚未发布"),
    LOTTERY_ANNOUNCED(500030, "抽奖已公布，不能抽奖"),
    LOTTERY_CLOSED(500031, "抽奖已截止"),
    LOTTERY_CANCELLED(500032, "抽奖已取消"),
    LOTTERY_FULL(500033, "参与人数已满"),
    INSTANT_LOTTERY_ONLY(500034, "该抽奖不是即抽即中抽奖"),
    NOT_FOR_INSTANT_LOTTERY(500035, "即抽即中抽奖请使用即时参与"),
    INSTANT_UNAVAILABLE(500036, "抽奖暂不可用，请稍后再试"),
    ANNOUNCE_TIME_NOT_FUTURE(500037, "开奖时间必须晚于当前时间"),
    ANNOUNCE_AFTER_DEADLINE(500038, "开奖时间必须早于领奖截止时间"),
    JOIN_NUMBER_REQUIRED(500039, "按人数开奖需要设置开奖人数"),
    PRIZES_REQUIRED(500040, "至少需要一个奖品"),
    ODDS_OVER_LIMIT(500041, "奖品中奖概率之和不能超过100%"),
    CLOCK_TASK_REQUIRED(500042, "开启打卡任务需要填写打卡任务"),
    NO_CLOCK_TASK(500043, "该抽奖没有打卡任务"),
    INSTANT_SOLD_OUT(500044, "奖品已抽完"),
    LOTTERY_NOT_DRAWN(500045, "抽奖尚未开奖"),
    PRIZE_NOT_WON(500046, "未中奖，没有可领取的奖品"),
    PRIZE_CLAIM_CLOSED(500047, "已过领奖截止时间"),
    PRIZE_ALREADY_CLAIMED(500048, "奖品已领取"),
    // creation limits (luckify.lottery.limits.*): each refusal's message names the limit in force
    TOO_MANY_PRIZES(500049, "奖品种类超过上限"),
    PRIZE_UNITS_OVER_LIMIT(500050, "单个奖品份数超过上限"),
    LOTTERY_UNITS_OVER_LIMIT(500051, "奖品总份数超过上限"),
    OPEN_LOTTERIES_OVER_LIMIT(500052, "进行中的抽奖数量已达上限"),
    CLOCK_TASK_MULTIPLIER_OVER_LIMIT(500053, "打卡任务的中奖倍数超过上限"),
    // proven clock tasks: completeClockTask redeems the ticket startClockTask issued, once the task's time is up
    CLOCK_TASK_TICKET_REQUIRED(500054, "请先开始打卡任务"),
    CLOCK_TASK_TOO_EARLY(500055, "打卡任务时间未到"),
    CLOCK_TASK_TICKET_INVALID(500056, "打卡凭证无效"),
    CLOCK_TASK_TICKET_USED(500057, "打卡凭证已使用"),

    COMMENT_NOT_FOUND(600007, "查找评论失败"),
    COMMENT_NOT_WINNER(600014, "只有中奖用户才能晒单"),
    COMMENT_NOT_OWNED(600015, "无权操作该评论"),
    COMMENT_PICS_NOT_OWNED(600016, "图片必须是自己上传的"),
    COMMENT_TOO_MANY_PICS(600017, "最多只能晒9张图片"),

    CHECKIN_REPEAT(700006, "重复签到"),
    TASK_NOT_FOUND(700021, "获取任务失败"),
    TASK_ALREADY_CLAIMED(700023, "任务已领取"),
    TASK_NOT_FINISHED(700033, "任务未完成，不能领取奖励"),
    POINTS_INSUFFICIENT(700034, "心愿值不足"),
    POINTS_ALREADY_POSTED(700035, "该笔心愿值已入账");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
