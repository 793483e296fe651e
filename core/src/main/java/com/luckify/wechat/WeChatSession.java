package com.luckify.wechat;

/** The answer of {@code jscode2session}: who the user is for this mini-program, and the session key. */
public record WeChatSession(String openId, String sessionKey, String unionId) {
}
