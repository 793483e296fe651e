package com.luckify.wechat;

/** The parts of WeChat's decrypted user profile that Luckify keeps. */
public record WeChatUserInfo(String nickname, String avatarUrl) {

    public static final WeChatUserInfo EMPTY = new WeChatUserInfo("", "");
}
