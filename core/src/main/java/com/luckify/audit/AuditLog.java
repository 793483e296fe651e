package com.luckify.audit;

import com.luckify.common.Paged;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditMapper audit;

    AuditLog(AuditMapper audit) {
        this.audit = audit;
    }

    /**
     * Records an action. Must run inside the transaction of the change it describes (it refuses to run without
     * one), so the entry commits and rolls back with it. {@code before} and {@code after} are stored as JSON.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(StaffActor actor, String action, String targetType, Object targetId, Object before,
            Object after) {
        audit.insert(actor, action, targetType, String.valueOf(targetId), json(before), json(after));
    }

    /** Records an action that changes nothing stored but must be known (a download, a job launch). */
    @Transactional
    public void recordAccess(StaffActor actor, String action, String targetType, Object targetId, Object details) {
        audit.insert(actor, action, targetType, String.valueOf(targetId), null, json(details));
    }

    public Paged<AuditEntry> search(AuditQuery query, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> audit.search(query, offset, limit),
                () -> audit.count(query));
    }

    /** The actions seen so far, for the filter's choices. */
    public List<String> actions() {
        return audit.actions();
    }

    private static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
