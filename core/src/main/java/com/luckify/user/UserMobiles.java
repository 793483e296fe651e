package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.wechat.WeChatClient;
import com.luckify.wechat.WeChatPhone;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Verified mobiles: a number counts as the user's only when WeChat's phone-number button vouched for it (the button's
 * single-use {@code code}, exchanged with WeChat server to server). {@code user.mobile} holds it with
 * {@code mobile_verified_at}, and its unique index makes a verified mobile belong to one account at most.
 *
 * <p>A number somebody merely typed at registration proves nothing, so it gives way: when its real owner verifies it
 * (binding it, or registering with the code), the account that typed it loses it, together with its password log-in
 * by that number ({@code user_auth} system row); the account itself, its tokens, a WeChat log-in and its history stay.
 * Whoever squats a real person's number therefore keeps it only until that person shows up. A number another account
 * verified is never taken: {@link ErrorCode#MOBILE_BOUND_TO_ANOTHER}.
 */
@Service
public class UserMobiles {

    private static final Logger log = LoggerFactory.getLogger(UserMobiles.class);

    private final UserMapper users;
    private final WeChatClient weChat;
    private final LockRetry lockRetry;
    private final Clock clock;

    UserMobiles(UserMapper users, WeChatClient weChat, LockRetry lockRetry, Clock clock) {
        this.users = users;
        this.weChat = weChat;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    /**
     * Binds the number WeChat verified for {@code phoneCode} to the user, replacing the user's previous mobile (the
     * password log-in moves to the new number). Nothing changes when WeChat refuses the code
     * ({@link ErrorCode#PHONE_CODE_INVALID}) or cannot answer ({@link ErrorCode#WECHAT_PHONE_UNAVAILABLE}).
     */
    public VerifiedMobile bind(long userId, String phoneCode) {
        // WeChat first, outside the transaction: its answer can take seconds and must not hold a connection
        WeChatPhone phone = weChat.phoneNumber(phoneCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            return lockRetry.inTransaction(status -> {
                if (users.lock(userId) == 0) {
                    throw BusinessException.of(ErrorCode.USER_NOT_FOUND);
                }
                freeFor(userId, phone.mobile(), ErrorCode.MOBILE_BOUND_TO_ANOTHER);
                users.setVerifiedMobile(userId, phone.mobile(), now);
                users.movePasswordLogin(userId, phone.mobile());
                return new VerifiedMobile(phone.mobile(), now);
            });
        } catch (DuplicateKeyException e) {
            // another account verified the number at the same moment; the unique index kept it to one of them
            throw BusinessException.of(ErrorCode.MOBILE_BOUND_TO_ANOTHER);
        }
    }

    /** Whether the user has a mobile WeChat verified. */
    public boolean hasVerifiedMobile(long userId) {
        return Boolean.TRUE.equals(users.hasVerifiedMobile(userId));
    }

    /** The number WeChat verified for {@code phoneCode}: see {@link WeChatClient#phoneNumber}. */
    WeChatPhone verify(String phoneCode) {
        return weChat.phoneNumber(phoneCode);
    }

    /**
     * Inside the caller's transaction: makes {@code mobile} free for {@code userId}. An account that only typed it
     * loses it (and its password log-in by it); an account that verified it keeps it, and the caller gets
     * {@code takenCode}. Locks the holder's row, so a simultaneous registration with the number waits.
     */
    void freeFor(long userId, String mobile, ErrorCode takenCode) {
        UserMapper.MobileHolder holder = users.lockMobileHolder(mobile);
        if (holder == null || holder.id() == userId) {
            return;
        }
        if (holder.verified()) {
            throw BusinessException.of(takenCode);
        }
        users.releaseUnverifiedMobile(holder.id());
        users.deletePasswordLogin(holder.id(), mobile);
        log.info("user {} lost an unverified mobile to user {}, who verified it", holder.id(), userId);
    }
}
