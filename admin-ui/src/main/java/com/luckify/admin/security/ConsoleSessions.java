package com.luckify.admin.security;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A staff member's open console sessions, found through Spring Session's principal-name index (Redis, so every
 * replica's sessions): listed for an administrator, and ended all at once by one or when the account is disabled.
 * Needs the indexed repository ({@code spring.session.data.redis.repository-type=indexed}, the default set in
 * {@link ConsoleSessionDefaults}).
 */
@Component
public class ConsoleSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;

    ConsoleSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The member's sessions, most recently used first; never their ids, which are as good as the login. */
    public List<OpenSession> of(String username) {
        return sessions.findByPrincipalName(username).values().stream()
                .map(session -> new OpenSession(session.getCreationTime(), session.getLastAccessedTime()))
                .sorted(Comparator.comparing(OpenSession::lastAccessed).reversed())
                .toList();
    }

    /** Ends every session of the member at once (their next request goes to the login page); audited. */
    public int endAll(StaffActor actor, long staffId, String username) {
        int ended = end(username);
        audit.recordAccess(actor, "staff.sessions-end", "staff", staffId, Map.of("sessions", ended));
        return ended;
    }

    /** Ends every session of the member, as part of a change audited by the caller (disabling the account). */
    public int end(String username) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            sessions.deleteById(id);
            ended++;
        }
        return ended;
    }

    /** One open session as an administrator sees it. */
    public record OpenSession(Instant created, Instant lastAccessed) {
    }
}
