package com.luckify.user;

/**
 * A {@code wx.login()} code and, optionally, the encrypted profile ({@code iv} + {@code encryptedData})
 * and the client's own nickname/avatar choices. Current WeChat flows send only the code.
 */
public record WeChatLogin(String code, String iv, String encryptedData, String nickname, String avatar) {
}
