package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.user.RealPeopleProperties.Registration;
import com.luckify.wechat.WeChatClient;
import com.luckify.wechat.WeChatPhone;
import com.luckify.wechat.WeChatSession;
import com.luckify.wechat.WeChatUserInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Accounts: who a caller is, and what they may change about themselves. */
@Service
@EnableConfigurationProperties(RealPeopleProperties.class)
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final String AUTH_SYSTEM = "system";
    private static final String AUTH_WECHAT = "wxMini";

    private final UserMapper users;
    private final PasswordHasher passwords;
    private final NicknameGenerator nicknames;
    private final WeChatClient weChat;
    private final LockRetry lockRetry;
    private final ApplicationEventPublisher events;
    private final TokenVersions tokenVersions;
    private final UserMobiles mobiles;
    private final Registration registration;
    private final Clock clock;

    UserService(UserMapper users, PasswordHasher passwords, NicknameGenerator nicknames, WeChatClient weChat,
            LockRetry lockRetry, ApplicationEventPublisher events, TokenVersions tokenVersions, UserMobiles mobiles,
            RealPeopleProperties realPeople, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.nicknames = nicknames;
        this.weChat = weChat;
        this.lockRetry = lockRetry;
        this.events = events;
        this.tokenVersions = tokenVersions;
        this.mobiles = mobiles;
        this.registration = realPeople.registration();
        this.clock = clock;
    }

    /**
     * Registration by mobile and password as {@code luckify.user.real-people.registration} allows it: refused when
     * off ({@link ErrorCode#REGISTRATION_CLOSED}); with the phone-number button's {@code phoneCode}, required in
     * {@code phone-code} mode ({@link ErrorCode#PHONE_CODE_REQUIRED}), the account gets the number WeChat verified,
     * whatever {@code mobile} says; when open and without a code, the typed {@code mobile}, unverified, as before.
     */
    public long register(String mobile, String rawPassword, String phoneCode) {
        boolean withCode = phoneCode != null && !phoneCode.isBlank();
        switch (registration) {
            case OFF -> throw BusinessException.of(ErrorCode.REGISTRATION_CLOSED);
            case PHONE_CODE -> {
                if (!withCode) {
                    throw BusinessException.of(ErrorCode.PHONE_CODE_REQUIRED);
                }
            }
            case OPEN -> {
                if (!withCode) {
                    if (mobile == null) {
                        throw new BusinessException(ErrorCode.REQUEST_PARAM_ERROR,
                                ErrorCode.REQUEST_PARAM_ERROR.message() + ",field \"mobile\" is not set");
                    }
                    return register(mobile, rawPassword);
                }
            }
        }
        return registerVerified(mobiles.verify(phoneCode), rawPassword);
    }

    /**
     * A new account with the number WeChat verified: an account that only typed the number loses it (see
     * {@link UserMobiles}); one that verified it keeps it and this registration is
     * {@link ErrorCode#MOBILE_ALREADY_REGISTERED}.
     */
    private long registerVerified(WeChatPhone phone, String rawPassword) {
        return newAccount(phone.mobile(), rawPassword, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Creates a mobile+password account with the typed, unverified mobile and returns its id. */
    private long register(String mobile, String rawPassword) {
        return newAccount(mobile, rawPassword, null);
    }

    /** A mobile+password account; {@code verifiedAt} null for a typed number, which never takes a number from anyone. */
    private long newAccount(String mobile, String rawPassword, Instant verifiedAt) {
        // hash outside the transaction: BCrypt takes ~70 ms and must not hold a connection
        String hash = passwords.hash(rawPassword);
        try {
            return lockRetry.inTransaction(status -> {
                if (verifiedAt != null) {
                    mobiles.freeFor(0, mobile, ErrorCode.MOBILE_ALREADY_REGISTERED);
                }
                NewUserRow row = new NewUserRow(mobile, hash, nicknames.next(), "", verifiedAt);
                users.insertUser(row);
                users.insertAuth(row.id, AUTH_SYSTEM, mobile);
                return row.id;
            });
        } catch (DuplicateKeyException e) {
            // the unique index on user.mobile is the real guard (a registration or binding of the same number won the
            // race); a pre-check would only race
            throw BusinessException.of(ErrorCode.MOBILE_ALREADY_REGISTERED);
        }
    }

    /** Checks a mobile+password and returns the user id; upgrades a legacy MD5 hash to BCrypt. */
    public long login(String mobile, String rawPassword) {
        UserRow user = users.findByMobile(mobile);
        String stored = user == null ? null : user.password();
        if (!passwords.matches(rawPassword, stored)) {
            throw BusinessException.of(ErrorCode.BAD_CREDENTIALS);
        }
        if (passwords.needsUpgrade(stored)) {
            String upgraded = passwords.hash(rawPassword);
            lockRetry.inTransaction(status -> users.updatePassword(user.id(), stored, upgraded));
            log.info("user {} legacy MD5 password re-hashed with BCrypt", user.id());
        }
        return user.id();
    }

    /**
     * Logs in with a {@code wx.login()} code, creating the user on first sight of its openid. The
     * encrypted profile is optional; when sent it must decrypt with the session key.
     */
    public long loginWithWeChat(WeChatLogin login) {
        WeChatSession session = weChat.codeToSession(login.code());
        WeChatUserInfo info = hasEncryptedProfile(login)
                ? weChat.decryptUserInfo(session.sessionKey(), login.encryptedData(), login.iv())
                : WeChatUserInfo.EMPTY;
        Long existing = users.findUserIdByAuth(AUTH_WECHAT, session.openId());
        if (existing != null) {
            return existing;
        }
        String nickname = firstNonBlank(login.nickname(), info.nickname(), nicknames.next());
        String avatar = firstNonBlank(login.avatar(), info.avatarUrl(), "");
        try {
            return lockRetry.inTransaction(status -> {
                NewUserRow row = new NewUserRow(null, "", truncate(nickname, 50), truncate(avatar, 255));
                users.insertUser(row);
                users.insertAuth(row.id, AUTH_WECHAT, session.openId());
                return row.id;
            });
        } catch (DuplicateKeyException e) {
            // two first logins of one openid raced: the other one created the user
            return users.findUserIdByAuth(AUTH_WECHAT, session.openId());
        }
    }

    public UserProfile profile(long userId) {
        return requireUser(userId).toProfile();
    }

    /** Applies the non-null parts of {@code changes}; see {@link ProfileChanges} for clearing. */
    public void updateProfile(long userId, ProfileChanges changes) {
        ProfileChanges effective = changes.nickname() != null && changes.nickname().isBlank()
                ? new ProfileChanges(null, changes.sex(), changes.avatar(), changes.info(), changes.signature(),
                        changes.locationName(), changes.longitude(), changes.latitude())
                : changes;
        if (lockRetry.inTransaction(status -> users.updateProfile(userId, effective)) == 0) {
            throw BusinessException.of(ErrorCode.USER_NOT_FOUND);
        }
        // after the commit, outside the retried transaction: listeners drop caches once per change
        if (effective.nickname() != null || effective.avatar() != null) {
            events.publishEvent(new PublicProfileChanged(userId));
        }
    }

    /** Public views of these users; ids that do not exist are left out. */
    public Map<Long, PublicUser> publicUsers(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, PublicUser> byId = new HashMap<>();
        for (UserMapper.PublicUserRow row : users.findPublic(userIds)) {
            byId.put(row.id(), PublicUser.of(row.id(), row.nickname(), row.avatar()));
        }
        return byId;
    }

    /** The user's WeChat openid, if the account was made or linked by a WeChat log-in. */
    public Optional<String> weChatOpenId(long userId) {
        return Optional.ofNullable(users.findAuthKey(userId, AUTH_WECHAT));
    }

    /** The WeChat openids of those of these users who have one, in one query. */
    public Map<Long, String> weChatOpenIds(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> openIds = new HashMap<>();
        users.findAuthKeys(userIds, AUTH_WECHAT).forEach(row -> openIds.putIfAbsent(row.userId(), row.authKey()));
        return openIds;
    }

    /**
     * Changes a mobile account's password after checking the current one ({@link ErrorCode#BAD_CREDENTIALS}, also
     * for an account without a password: WeChat log-in only), and revokes every token of the user: whoever held one,
     * a thief included, logs in again.
     */
    public void changePassword(long userId, String currentPassword, String newPassword) {
        UserRow user = users.findById(userId);
        String stored = user == null ? null : user.password();
        if (stored == null || stored.isEmpty() || !passwords.matches(currentPassword, stored)) {
            throw BusinessException.of(ErrorCode.BAD_CREDENTIALS);
        }
        // hash outside the transaction: BCrypt takes ~70 ms and must not hold a connection
        String hash = passwords.hash(newPassword);
        lockRetry.inTransactionWithoutResult(status -> {
            if (users.updatePassword(userId, stored, hash) != 1) {
                // changed meanwhile by another request: the current password checked above is no longer it
                throw BusinessException.of(ErrorCode.BAD_CREDENTIALS);
            }
            tokenVersions.revokeAll(userId);
        });
    }

    /** Revokes every token of the user ("log out everywhere"). */
    public void logOutEverywhere(long userId) {
        lockRetry.inTransactionWithoutResult(status -> tokenVersions.revokeAll(userId));
    }

    /**
     * Locks the user's row until the caller's transaction ends, so that the user's simultaneous writes that count
     * what the user already has (open lotteries) run one after another instead of passing a limit together; a
     * range lock on what they count would deadlock them instead. Throws {@link ErrorCode#USER_NOT_FOUND}.
     */
    public void lockForCountedWrite(long userId) {
        if (users.lock(userId) == 0) {
            throw BusinessException.of(ErrorCode.USER_NOT_FOUND);
        }
    }

    /** Throws {@link ErrorCode#USER_NOT_FOUND} unless the user exists (a token can outlive its user). */
    public void requireExists(long userId) {
        requireUser(userId);
    }

    public boolean exists(long userId) {
        return users.findById(userId) != null;
    }

    private UserRow requireUser(long userId) {
        UserRow user = users.findById(userId);
        if (user == null) {
            throw BusinessException.of(ErrorCode.USER_NOT_FOUND);
        }
        return user;
    }

    private static boolean hasEncryptedProfile(WeChatLogin login) {
        return login.encryptedData() != null && !login.encryptedData().isBlank()
                && login.iv() != null && !login.iv().isBlank();
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    private static String truncate(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max));
    }
}
