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

    USER_NOT_FOUND(200005, "获取用户信息失败"),
    MOBILE_ALREADY_REGISTERED(200008, "用户已注册"),
    // one code for "no such user" and "wrong password" so that login cannot be used to enumerate mobiles
    BAD_CREDENTIALS(200009, "手机号或密码不正确"),
    WECHAT_LOGIN_FAILED(200010, "微信登录失败"),
    WECHAT_DATA_INVALID(200011, "解析微信小程序数据失败"),
    SPONSOR_NOT_FOUND(200012, "赞助商不存在"),
    SPONSOR_NOT_OWNED(200013, "无权操作该赞助商"),
    SPONSOR_IN_USE(200014, "赞助商正被进行中的抽奖使用，不能删除"),

    UPLOAD_EMPTY(300001, "上传的文件为空"),
    UPLOAD_NOT_IMAGE(300002, "只能上传 PNG、JPEG、GIF 或 WebP 图片"),
    UPLOAD_TOO_LARGE(300003, "文件过大"),
    UPLOAD_FAILED(300004, "上传失败");

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
