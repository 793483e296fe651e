package com.luckify.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.user.real-people.*}: how sure Luckify must be that an account is a real person before it may do what
 * is worth faking accounts for. Scripts make mobile+password accounts by the thousand (each one more instant-win try and
 * more by-count seats) and squat real people's numbers; a number WeChat verified (bindMobile) or a WeChat log-in costs
 * a script a real phone or WeChat account each.
 *
 * <ul>
 * <li>{@code instant-win}, {@code prize-claim}, {@code lottery-creation}: what the caller must have for instant-win
 * attempts, prize claims and creating a lottery in the mini-program ({@code none}, {@code verified-mobile},
 * {@code verified-mobile-or-wechat}); each refusal has its own code.</li>
 * <li>{@code registration}: registration by mobile and password is {@code open} (any 11-digit mobile, unverified),
 * {@code phone-code} (the body carries the phone-number button's code and the account gets the number WeChat
 * returns, verified) or {@code off}.</li>
 * </ul>
 *
 * The defaults are today's behaviour (nothing required, registration open), so existing clients keep working until
 * production switches them on; the README says what production should set.
 */
@ConfigurationProperties("luckify.user.real-people")
public record RealPeopleProperties(
        @DefaultValue("none") Requirement instantWin,
        @DefaultValue("none") Requirement prizeClaim,
        @DefaultValue("none") Requirement lotteryCreation,
        @DefaultValue("open") Registration registration) {

    /** What an account must have to be taken for a real person. */
    public enum Requirement {
        /** Anyone with a token. */
        NONE,
        /** A mobile WeChat verified for the account. */
        VERIFIED_MOBILE,
        /** A verified mobile, or a WeChat identity (an openid from a WeChat log-in). */
        VERIFIED_MOBILE_OR_WECHAT
    }

    /** How registration by mobile and password works. */
    public enum Registration {
        OPEN,
        PHONE_CODE,
        OFF
    }
}
