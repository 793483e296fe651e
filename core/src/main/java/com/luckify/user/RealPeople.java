package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.user.RealPeopleProperties.Requirement;
import org.springframework.stereotype.Component;

/**
 * Refuses what {@code luckify.user.real-people.*} reserves for real people to an account that has not shown it is one:
 * by a mobile WeChat verified ({@link UserMobiles}) or, where the setting allows it, by a WeChat log-in (an openid).
 * Each guarded action has its own refusal code, so the mini-program can say what the bound number unlocks.
 */
@Component
public class RealPeople {

    /** What the settings can reserve for real people. */
    public enum Action {
        INSTANT_WIN(ErrorCode.REAL_PERSON_REQUIRED_FOR_INSTANT),
        PRIZE_CLAIM(ErrorCode.REAL_PERSON_REQUIRED_FOR_PRIZE_CLAIM),
        LOTTERY_CREATION(ErrorCode.REAL_PERSON_REQUIRED_FOR_LOTTERY_CREATION);

        private final ErrorCode refusal;

        Action(ErrorCode refusal) {
            this.refusal = refusal;
        }
    }

    private static final String AUTH_WECHAT = "wxMini";

    private final UserMapper users;
    private final RealPeopleProperties settings;

    RealPeople(UserMapper users, RealPeopleProperties settings) {
        this.users = users;
        this.settings = settings;
    }

    /** Throws the action's own code unless the user meets what the settings require for it (nothing by default). */
    public void require(long userId, Action action) {
        Requirement requirement = switch (action) {
            case INSTANT_WIN -> settings.instantWin();
            case PRIZE_CLAIM -> settings.prizeClaim();
            case LOTTERY_CREATION -> settings.lotteryCreation();
        };
        if (requirement == Requirement.NONE || Boolean.TRUE.equals(users.hasVerifiedMobile(userId))) {
            return;
        }
        if (requirement == Requirement.VERIFIED_MOBILE_OR_WECHAT && users.findAuthKey(userId, AUTH_WECHAT) != null) {
            return;
        }
        throw BusinessException.of(action.refusal);
    }
}
