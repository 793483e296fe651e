package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.wechat.WeChatClient;
import com.luckify.wechat.WeChatSession;
import com.luckify.wechat.WeChatUserInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts: who a caller is, and what they may change about themselves. */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final String AUTH_SYSTEM = "system";
    private static final String AUTH_WECHAT = "wxMini";

    private final UserMapper users;
    private final PasswordHasher passwords;
    private final NicknameGenerator nicknames;
    private final WeChatClient weChat;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    UserService(UserMapper users, PasswordHasher passwords, NicknameGenerator nicknames, WeChatClient weChat,
            TransactionTemplate tx, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.nicknames = nicknames;
        this.weChat = weChat;
        this.tx = tx;
        this.events = events;
    }

    /** Creates a mobile+password account and returns its id. */
    public long register(String mobile, String rawPassword) {
        // hash outside the transaction: BCrypt takes ~70 ms and must not hold a connection
        String hash = passwords.hash(rawPassword);
        try {
            return tx.execute(status -> {
                NewUserRow row = new NewUserRow(mobile, hash, nicknames.next(), "");
                users.insertUser(row);
                users.insertAuth(row.id, AUTH_SYSTEM, mobile);
                return row.id;
            });
        } catch (DuplicateKeyException e) {
            // the unique index on user.mobile is the real guard; a pre-check would only race
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
            users.updatePassword(user.id(), stored, passwords.hash(rawPassword));
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
            return tx.execute(status -> {
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
        if (users.updateProfile(userId, effective) == 0) {
            throw BusinessException.of(ErrorCode.USER_NOT_FOUND);
        }
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

    /** Throws {@link ErrorCode#USER_BLACKLISTED} while the user is on the blacklist. */
    public void requireNotBlacklisted(long userId) {
        if (users.countActiveBlacklist(userId) > 0) {
            throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
        }
    }

    /** Throws {@link ErrorCode#USER_NOT_FOUND} unless the user exists (a token can outlive its user). */
    public void requireExists(long userId) {
        requireUser(userId);
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
