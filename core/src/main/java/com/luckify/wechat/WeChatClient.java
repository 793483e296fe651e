package com.luckify.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.WxMaUserInfo;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Luckify's view of the WeChat server API; WeChat's failures become our error codes. Every call is bounded by the
 * HTTP client's timeouts ({@link WeChatHttpClient}) and goes through its API's circuit ({@link WeChatCircuit}): log-in,
 * phone number, content check and subscribe messages each have their own, as WeChat's quotas are per API.
 */
@Component
public class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);

    // msg_sec_check v2 scene 2 is "comment"; errcode 87014 is v1's "content is risky"
    private static final int COMMENT_SCENE = 2;
    private static final int RISKY_CONTENT = 87014;

    private final WxMaService wxMa;
    private final WeChatCircuit login;
    private final WeChatCircuit phoneNumber;
    private final WeChatCircuit contentCheck;
    private final WeChatCircuit subscribeMessage;

    WeChatClient(WxMaService wxMa, WeChatProperties properties) {
        this.wxMa = wxMa;
        this.login = new WeChatCircuit("code2session", properties.circuitBreaker());
        this.phoneNumber = new WeChatCircuit("getuserphonenumber", properties.circuitBreaker());
        this.contentCheck = new WeChatCircuit("msg-sec-check", properties.circuitBreaker());
        this.subscribeMessage = new WeChatCircuit("subscribe-send", properties.circuitBreaker());
    }

    /** Exchanges a {@code wx.login()} code, or fails with {@link ErrorCode#WECHAT_LOGIN_FAILED}. */
    public WeChatSession codeToSession(String code) {
        try {
            WxMaJscode2SessionResult result = login.call(() -> wxMa.getUserService().getSessionInfo(code));
            if (result == null || result.getOpenid() == null || result.getOpenid().isBlank()) {
                throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
            }
            return new WeChatSession(result.getOpenid(), result.getSessionKey(), result.getUnionid());
        } catch (WxErrorException e) {
            log.warn("WeChat code2Session refused: errcode={} errmsg={}", e.getError().getErrorCode(),
                    e.getError().getErrorMsg());
            throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
        } catch (WeChatCircuit.Open e) {
            // the circuit logged its opening once; a line per refused log-in would flood the log
            throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
        } catch (RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            log.warn("WeChat code2Session failed: {}", e.toString());
            throw BusinessException.of(ErrorCode.WECHAT_LOGIN_FAILED);
        }
    }

    /**
     * Exchanges the {@code code} of the mini-program's phone-number button ({@code open-type="getPhoneNumber"}) for
     * the number WeChat verified. A code WeChat refuses (invalid, expired or used: each is single-use for 5 minutes)
     * fails with {@link ErrorCode#PHONE_CODE_INVALID}; WeChat busy, over its quota, unreachable, too slow or behind an
     * open circuit fails with {@link ErrorCode#WECHAT_PHONE_UNAVAILABLE}, which a retry may cure.
     */
    public WeChatPhone phoneNumber(String code) {
        try {
            WxMaPhoneNumberInfo info = phoneNumber.call(() -> wxMa.getUserService().getPhoneNoInfo(code));
            if (info == null || isBlank(info.getPurePhoneNumber()) || isBlank(info.getCountryCode())) {
                log.warn("WeChat getuserphonenumber answered without a number");
                throw BusinessException.of(ErrorCode.WECHAT_PHONE_UNAVAILABLE);
            }
            return new WeChatPhone(info.getCountryCode().trim(), info.getPurePhoneNumber().trim());
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            if (WeChatCircuit.isWeChatFault(errcode)) {
                log.warn("WeChat getuserphonenumber busy: errcode={} errmsg={}", errcode, e.getError().getErrorMsg());
                throw BusinessException.of(ErrorCode.WECHAT_PHONE_UNAVAILABLE);
            }
            // 40029 invalid code (also an expired or used one); anything else WeChat refuses is the code's fault too
            log.info("WeChat getuserphonenumber refused the code: errcode={}", errcode);
            throw BusinessException.of(ErrorCode.PHONE_CODE_INVALID);
        } catch (WeChatCircuit.Open e) {
            throw BusinessException.of(ErrorCode.WECHAT_PHONE_UNAVAILABLE);
        } catch (RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            log.warn("WeChat getuserphonenumber failed: {}", e.toString());
            throw BusinessException.of(ErrorCode.WECHAT_PHONE_UNAVAILABLE);
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

    /**
     * WeChat's content-security verdict on a text a user wants to publish: the v2 check (scene "comment")
     * when the user's openid is known, the openid-less v1 check otherwise. Never throws: when WeChat cannot
     * be asked the verdict is {@link TextVerdict#UNAVAILABLE} and the caller decides what that means.
     */
    public TextVerdict checkText(String text, String openId) {
        try {
            if (openId == null) {
                return contentCheck.call(() -> wxMa.getSecurityService().checkMessage(text)) ? TextVerdict.PASS
                        : TextVerdict.RISKY;
            }
            WxMaMsgSecCheckCheckResponse response = contentCheck.call(() -> wxMa.getSecurityService().checkMessage(
                    WxMaMsgSecCheckCheckRequest.builder().version("2").scene(COMMENT_SCENE).openid(openId).content(text)
                            .build()));
            String suggest = response.getResult() == null ? null : response.getResult().getSuggest();
            if (suggest == null) {
                return TextVerdict.UNAVAILABLE;
            }
            return switch (suggest) {
                case "pass" -> TextVerdict.PASS;
                case "risky" -> TextVerdict.RISKY;
                default -> TextVerdict.REVIEW;
            };
        } catch (WxErrorException e) {
            if (e.getError().getErrorCode() == RISKY_CONTENT) {
                return TextVerdict.RISKY;
            }
            log.warn("WeChat content check refused: errcode={} errmsg={}", e.getError().getErrorCode(),
                    e.getError().getErrorMsg());
            return TextVerdict.UNAVAILABLE;
        } catch (WeChatCircuit.Open e) {
            return TextVerdict.UNAVAILABLE;
        } catch (RuntimeException e) {
            log.warn("WeChat content check failed: {}", e.toString());
            return TextVerdict.UNAVAILABLE;
        }
    }

    /**
     * Sends a subscribe message (订阅消息). Never throws: the outcome says whether it went out, whether trying
     * again later can help (WeChat busy, rate limited, unreachable), or not (the user gave no consent).
     */
    public SendOutcome sendSubscribeMessage(String openId, String templateId, String page, Map<String, String> data) {
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openId);
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setLang("zh_CN");
        data.forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
        try {
            subscribeMessage.call(() -> {
                wxMa.getMsgService().sendSubscribeMsg(message);
                return null;
            });
            return SendOutcome.delivered();
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            String error = "errcode " + code + ": " + e.getError().getErrorMsg();
            // 43101: the user has not (or no longer) agreed to this template; 40003: no such openid
            return code == 43101 || code == 40003 ? SendOutcome.refused(error) : SendOutcome.retryable(error);
        } catch (RuntimeException e) {
            return SendOutcome.retryable(e.toString());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
