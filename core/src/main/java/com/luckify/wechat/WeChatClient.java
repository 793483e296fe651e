package com.luckify.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaUserInfo;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Luckify's view of the WeChat server API; WeChat's failures become our error codes. */
@Component
public class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);

    private final WxMaService wxMa;

    WeChatClient(WxMaService wxMa) {
        this.wxMa = wxMa;
    }

    /** Exchanges a {@code wx.login()} code, or fails with {@link ErrorCode#WECHAT_LOGIN_FAILED}. */
    public WeChatSession codeToSession(String code) {
        try {
            WxMaJscode2SessionResult result = wxMa.getUserService().getSessionInfo(code);
            if (result == null || result.getOpenid() == null || result.getOpenid().isBlank()) {
                throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
            }
            return new WeChatSession(result.getOpenid(), result.getSessionKey(), result.getUnionid());
        } catch (WxErrorException e) {
            log.warn("WeChat code2Session refused: errcode={} errmsg={}", e.getError().getErrorCode(),
                    e.getError().getErrorMsg());
            throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
        } catch (RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            log.warn("WeChat code2Session failed: {}", e.toString());
            throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
        }
    }

    /** Decrypts {@code getUserInfo}'s payload, or fails with {@link ErrorCode#WECHAT_DATA_INVALID}. */
    public WeChatUserInfo decryptUserInfo(String sessionKey, String encryptedData, String iv) {
        try {
            WxMaUserInfo info = wxMa.getUserService().getUserInfo(sessionKey, encryptedData, iv);
            return new WeChatUserInfo(nullToEmpty(info.getNickName()), nullToEmpty(info.getAvatarUrl()));
        } catch (RuntimeException e) {
            log.info("WeChat user info did not decrypt: {}", e.getClass().getSimpleName());
            throw BusinessException.of(ErrorCode.WECHAT_DATA_INVALID);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
