package com.luckify.web.support;

import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.Charge;
import com.luckify.common.RateLimiter.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The API's budgets ({@code luckify.api.rate-limit.*}, each so many per {@code interval}): log-in and registration
 * per client address and per account; every write per user, with a budget of its own, and all writes of an
 * address together (anyone can make accounts, so a script with many of them still meets the address's budget);
 * creating lotteries and sponsors also per address; reads without a token per address. The defaults are far above
 * what a person does with the mini-program, and the address budgets leave room for the many phones behind one
 * carrier NAT address. The client address is the TCP peer; behind a proxy set
 * {@code server.forward-headers-strategy=native} so it is the phone's. An IPv6 client is budgeted by its /64 prefix,
 * which one subscriber holds whole, so it cannot step past a budget by changing addresses within it.
 */
@Component
public class ApiRateLimits {

    /** The writes, each with a budget per user ({@code luckify.api.rate-limit.<write>-per-user}). */
    public enum Write {
        /** commentPraise (like and unlike). */
        LIKE,
        /** addComment, updateComment, deleteComment. */
        COMMENT,
        /** user/update, changePassword and the reminder subscription (updateSub). */
        PROFILE,
        /** addSponsor, upDateSponsor, sponsorDel. */
        SPONSOR,
        /** createLottery. */
        LOTTERY,
        /** participation. */
        JOIN,
        /** instantParticipation. */
        INSTANT,
        /** startClockTask and completeClockTask. */
        CLOCK_TASK,
        /** claimPrize. */
        PRIZE_CLAIM,
        /** the daily check-in. */
        CHECKIN,
        /** claimReward (task rewards). */
        TASK_REWARD,
        /** upload/add. */
        UPLOAD,
        /** refreshToken. */
        TOKEN_REFRESH
    }

    private final RateLimiter limiter;
    private final RateLimit authPerIp;
    private final RateLimit authPerAccount;
    private final Map<Write, RateLimit> perUser = new EnumMap<>(Write.class);
    private final RateLimit writePerAddress;
    private final RateLimit createPerAddress;
    private final RateLimit publicReadPerAddress;
    private final Set<String> unmeteredAddresses;

    ApiRateLimits(RateLimiter limiter, Budgets budgets) {
        this.limiter = limiter;
        Duration interval = budgets.interval();
        this.authPerIp = new RateLimit("auth-ip", budgets.authPerIp(), interval);
        this.authPerAccount = new RateLimit("auth-account", budgets.authPerAccount(), interval);
        for (Write write : Write.values()) {
            perUser.put(write, new RateLimit(write.name().toLowerCase().replace('_', '-') + "-user",
                    budgets.perUser(write), interval));
        }
        this.writePerAddress = new RateLimit("write-ip", budgets.writePerAddress(), interval);
        this.createPerAddress = new RateLimit("create-ip", budgets.createPerAddress(), interval);
        this.publicReadPerAddress = new RateLimit("read-ip", budgets.publicReadPerAddress(), interval);
        this.unmeteredAddresses = Set.copyOf(budgets.unmeteredAddresses());
    }

    /** Log-in, registration and WeChat log-in: per address, and per mobile when there is one (a WeChat code is single-use). */
    public void authAttempt(HttpServletRequest request, String account) {
        List<Charge> charges = new ArrayList<>(2);
        perAddress(charges, authPerIp, request);
        if (account != null && !account.isBlank()) {
            charges.add(new Charge(authPerAccount, account));
        }
        limiter.acquire(charges);
    }

    /** A read anyone may make without a token: per address only. */
    public void publicRead(HttpServletRequest request) {
        List<Charge> charges = new ArrayList<>(1);
        perAddress(charges, publicReadPerAddress, request);
        limiter.acquire(charges);
    }

    /** A write by a user: that write's budget per user, and the address's budget for all writes. */
    public void write(Write write, long userId, HttpServletRequest request) {
        limiter.acquire(writeCharges(write, userId, request));
    }

    /** What {@link #write} charges, for a write that charges its budgets itself (check-in, in its batch). */
    public List<Charge> writeCharges(Write write, long userId, HttpServletRequest request) {
        List<Charge> charges = new ArrayList<>(2);
        charges.add(new Charge(perUser.get(write), Long.toString(userId)));
        perAddress(charges, writePerAddress, request);
        return charges;
    }

    /** Creating something everyone may see (a lottery, a sponsor): as {@link #write}, and the address's creation budget. */
    public void creation(Write write, long userId, HttpServletRequest request) {
        List<Charge> charges = new ArrayList<>(3);
        charges.add(new Charge(perUser.get(write), Long.toString(userId)));
        perAddress(charges, writePerAddress, request);
        perAddress(charges, createPerAddress, request);
        limiter.acquire(charges);
    }

    /** Budgets "per address" are per IPv4 address and per IPv6 /64 prefix ({@link AddressKey}). */
    private void perAddress(List<Charge> charges, RateLimit limit, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!unmeteredAddresses.contains(address)) {
            charges.add(new Charge(limit, AddressKey.of(address)));
        }
    }

    /**
     * The budgets, each per {@code interval}. {@code unmeteredAddresses} have no per-address budget (a monitoring
     * probe, the tests' own loopback client); never list a proxy's address there.
     */
    @ConfigurationProperties("luckify.api.rate-limit")
    public record Budgets(
            @DefaultValue("30") long authPerIp,
            @DefaultValue("10") long authPerAccount,
            @DefaultValue("60") long likePerUser,
            @DefaultValue("10") long commentPerUser,
            @DefaultValue("20") long profilePerUser,
            @DefaultValue("20") long sponsorPerUser,
            @DefaultValue("10") long lotteryPerUser,
            @DefaultValue("60") long joinPerUser,
            @DefaultValue("30") long instantPerUser,
            @DefaultValue("30") long clockTaskPerUser,
            @DefaultValue("30") long prizeClaimPerUser,
            @DefaultValue("20") long checkinPerUser,
            @DefaultValue("30") long taskRewardPerUser,
            @DefaultValue("20") long uploadPerUser,
            @DefaultValue("10") long tokenRefreshPerUser,
            @DefaultValue("1200") long writePerAddress,
            @DefaultValue("60") long createPerAddress,
            @DefaultValue("600") long publicReadPerAddress,
            @DefaultValue List<String> unmeteredAddresses,
            @DefaultValue("1m") Duration interval) {

        public long perUser(Write write) {
            return switch (write) {
                case LIKE -> likePerUser;
                case COMMENT -> commentPerUser;
                case PROFILE -> profilePerUser;
                case SPONSOR -> sponsorPerUser;
                case LOTTERY -> lotteryPerUser;
                case JOIN -> joinPerUser;
                case INSTANT -> instantPerUser;
                case CLOCK_TASK -> clockTaskPerUser;
                case PRIZE_CLAIM -> prizeClaimPerUser;
                case CHECKIN -> checkinPerUser;
                case TASK_REWARD -> taskRewardPerUser;
                case UPLOAD -> uploadPerUser;
                case TOKEN_REFRESH -> tokenRefreshPerUser;
            };
        }
    }
}
