package com.luckify.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.LockRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts: password logins with lock-out, OIDC look-ups, and the ADMIN's account management. */
@Service
public class StaffService {

    /** Long enough that an online guess is hopeless even before the lock-out. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private static final String USERNAME_TAKEN = "staff.username-taken";

    /**
     * How long {@link #current} may answer from memory: every console request asks, and a change made through
     * another process reaches this one within this time (one made here is seen at once).
     */
    public static final Duration CURRENT_CACHED_FOR = Duration.ofSeconds(2);

    private final StaffMapper staff;
    private final StaffProperties properties;
    private final AuditLog audit;
    private final LockRetry lockRetry;
    private final Clock clock;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /** Checked against for unknown usernames, so a login answers as slowly whether or not the account exists. */
    private final String decoy = bcrypt.encode("decoy-password-never-matches");
    private final Cache<Long, Optional<StaffAccount>> current = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CURRENT_CACHED_FOR).build();

    StaffService(StaffMapper staff, StaffProperties properties, AuditLog audit, LockRetry lockRetry, Clock clock) {
        this.staff = staff;
        this.properties = properties;
        this.audit = audit;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    /**
     * Checks a password. A locked account is refused without looking at the password, so guessing goes on
     * failing while the lock lasts; each wrong password counts towards the lock.
     */
    public StaffLogin login(String username, String rawPassword) {
        StaffMapper.StaffRow row = username == null ? null : staff.byUsername(username.strip());
        if (row == null || row.passwordHash() == null) {
            bcrypt.matches(rawPassword == null ? "" : rawPassword, decoy);
            return StaffLogin.of(StaffLogin.Outcome.BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            return StaffLogin.of(StaffLogin.Outcome.LOCKED);
        }
        if (!bcrypt.matches(rawPassword == null ? "" : rawPassword, row.passwordHash())) {
            // the lock starts with the failure that reaches the limit
            staff.recordFailure(row.id(), properties.maxFailedLogins(), now.plus(properties.lockFor()));
            return StaffLogin.of(StaffLogin.Outcome.BAD_CREDENTIALS);
        }
        if (row.enabled() == 0) {
            return StaffLogin.of(StaffLogin.Outcome.DISABLED);
        }
        staff.recordSuccess(row.id(), now);
        return new StaffLogin(StaffLogin.Outcome.SUCCESS, account(row));
    }

    /**
     * The enabled account linked to an OIDC identity, if any: OIDC logins never create accounts by themselves. A
     * subject means something only within its issuer, so both must match. Links made before issuers were kept
     * (issuer '') match only a login through {@code configuredIssuer}, the one provider configured then, and are
     * given that issuer now.
     */
    public Optional<StaffAccount> byOidcIdentity(String issuer, String subject, String configuredIssuer) {
        if (issuer == null || issuer.isEmpty() || subject == null || subject.isEmpty()) {
            return Optional.empty();
        }
        StaffMapper.StaffRow row = staff.byOidcIdentity(issuer, subject, issuer.equals(configuredIssuer));
        if (row == null || row.enabled() != 1) {
            return Optional.empty();
        }
        if (row.oidcIssuer().isEmpty()) {
            staff.fillOidcIssuer(row.id(), issuer);
        }
        return Optional.of(account(row));
    }

    /**
     * The account as it is now, as every console request checks it: from memory for at most
     * {@link #CURRENT_CACHED_FOR}, and never older than a change made through this process.
     */
    public Optional<StaffAccount> current(long id) {
        return current.get(id, this::byId);
    }

    /** The account as it is now (roles and enabled flag can change while a session lasts). */
    public Optional<StaffAccount> byId(long id) {
        return Optional.ofNullable(staff.byId(id)).map(this::account);
    }

    public List<StaffAccount> all() {
        return staff.all().stream().map(this::account).toList();
    }

    /** Creates an account; the username is unique without regard to case. */
    public long create(StaffActor actor, NewStaff account) {
        long id = lockRetry.inTransaction(status -> {
            long created = insert(account);
            audit.record(actor, "staff.create", "staff", created, null,
                    Map.of("username", account.username(), "roles", account.roles()));
            return created;
        });
        return id;
    }

    public void changeRoles(StaffActor actor, long staffId, Set<StaffRole> roles) {
        lockRetry.inTransactionWithoutResult(status -> {
            StaffAccount before = require(staffId);
            if (roles.isEmpty()) {
                throw ActionRefused.of("staff.role-required", "an account needs at least one role");
            }
            if (staffId == actor.staffId() && !roles.contains(StaffRole.ADMIN)) {
                throw ActionRefused.of("staff.own-admin-role", "an administrator cannot drop their own ADMIN role");
            }
            staff.revokeAll(staffId);
            roles.forEach(role -> staff.grant(staffId, role));
            audit.record(actor, "staff.roles", "staff", staffId, Map.of("roles", before.roles()), Map.of("roles", roles));
        });
        current.invalidate(staffId);
    }

    public void setEnabled(StaffActor actor, long staffId, boolean enabled) {
        lockRetry.inTransactionWithoutResult(status -> {
            StaffAccount before = require(staffId);
            if (staffId == actor.staffId() && !enabled) {
                throw ActionRefused.of("staff.own-account", "an administrator cannot disable their own account");
            }
            staff.setEnabled(staffId, enabled);
            if (enabled) {
                staff.unlock(staffId);
            }
            audit.record(actor, enabled ? "staff.enable" : "staff.disable", "staff", staffId,
                    Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
        });
        current.invalidate(staffId);
    }

    /**
     * Links the account to an OIDC identity (the provider's {@code iss} and {@code sub}), so that person can log in
     * through it; a blank subject unlinks. One identity, one account (unique key).
     */
    public void linkOidcIdentity(StaffActor actor, long staffId, String issuer, String subject) {
        String linkedSubject = subject == null || subject.isBlank() ? null : subject.strip();
        String linkedIssuer = linkedSubject == null ? null : issuer == null ? "" : issuer.strip();
        if (linkedSubject != null && linkedIssuer.isEmpty()) {
            throw ActionRefused.of("staff.oidc-issuer-required", "an OIDC link needs the issuer of the subject");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            StaffAccount before = require(staffId);
            try {
                staff.setOidcIdentity(staffId, linkedIssuer, linkedSubject);
            } catch (DuplicateKeyException taken) {
                throw ActionRefused.of("staff.oidc-taken", "that identity is linked to another account");
            }
            Map<String, Object> after = new HashMap<>();
            after.put("oidcIssuer", linkedIssuer);
            after.put("oidcSubject", linkedSubject);
            Map<String, Object> previous = new HashMap<>();
            previous.put("oidcIssuer", before.oidcIssuer());
            previous.put("oidcSubject", before.oidcSubject());
            audit.record(actor, "staff.oidc", "staff", staffId, previous, after);
        });
    }

    /**
     * Creates the first ADMIN from {@code luckify.staff.first-admin-*} while no enabled ADMIN exists. Several
     * processes starting at once race on the unique username; the losers find the account there.
     */
    public Optional<Long> createFirstAdmin() {
        String username = properties.firstAdminUsername().strip();
        if (username.isEmpty() || properties.firstAdminPassword().isEmpty() || staff.countEnabledAdmins() > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(lockRetry.inTransaction(status -> insert(new NewStaff(username,
                    properties.firstAdminPassword(), "Administrator", EnumSet.of(StaffRole.ADMIN)))));
        } catch (ActionRefused refused) {
            // insert says a taken username this way: another process was first
            if (USERNAME_TAKEN.equals(refused.messageKey())) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private long insert(NewStaff account) {
        if (account.rawPassword() != null && account.rawPassword().length() < MIN_PASSWORD_LENGTH) {
            throw ActionRefused.of("staff.password-too-short", "a password needs " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (account.roles().isEmpty()) {
            throw ActionRefused.of("staff.role-required", "an account needs at least one role");
        }
        NewStaffRow row = new NewStaffRow(account.username().strip(),
                account.rawPassword() == null ? null : bcrypt.encode(account.rawPassword()),
                account.displayName() == null ? "" : account.displayName().strip(), null);
        try {
            staff.insert(row);
        } catch (DuplicateKeyException taken) {
            throw ActionRefused.of(USERNAME_TAKEN, "username " + account.username() + " is taken");
        }
        account.roles().forEach(role -> staff.grant(row.id, role));
        return row.id;
    }

    private StaffAccount require(long staffId) {
        return byId(staffId).orElseThrow(() -> ActionRefused.of("staff.not-found", "no staff account " + staffId));
    }

    private StaffAccount account(StaffMapper.StaffRow row) {
        List<StaffRole> roles = staff.roles(row.id());
        return new StaffAccount(row.id(), row.username(), row.displayName(), row.enabled() == 1, row.lockedUntil(),
                row.lastLoginTime(), roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles)), row.oidcIssuer(),
                row.oidcSubject());
    }
}
