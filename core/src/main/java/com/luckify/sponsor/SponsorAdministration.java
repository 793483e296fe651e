package com.luckify.sponsor;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.LikePattern;
import com.luckify.common.LockRetry;
import com.luckify.common.Paged;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Staff browsing every user's sponsors and hiding one from the mini-program (or showing it again). */
@Service
public class SponsorAdministration {

    private final SponsorMapper sponsors;
    private final AuditLog audit;
    private final LockRetry lockRetry;

    SponsorAdministration(SponsorMapper sponsors, AuditLog audit, LockRetry lockRetry) {
        this.sponsors = sponsors;
        this.audit = audit;
        this.lockRetry = lockRetry;
    }

    /** Digits find an owner's sponsors, anything else matches names in part; blank lists all, newest first. */
    public Paged<Sponsor> search(String text, int page, int size) {
        String query = text == null ? "" : text.strip();
        Long ownerId = query.matches("\\d{1,18}") ? Long.valueOf(query) : null;
        String pattern = ownerId == null && !query.isEmpty() ? LikePattern.containing(query) : null;
        return Paged.fetch(page, size, (offset, limit) -> sponsors.search(pattern, ownerId, offset, limit),
                () -> sponsors.count(pattern, ownerId));
    }

    /**
     * Hidden sponsors stay on their lotteries' records but are not shown in the mini-program ({@code is_show} 2 as it
     * sees them). Staff's hide is kept apart from the owner's own choice, so the owner cannot show again what staff
     * hid; showing lifts staff's hide only (a sponsor its owner hid stays hidden).
     */
    public void setShown(StaffActor actor, long sponsorId, boolean shown) {
        lockRetry.inTransactionWithoutResult(status -> {
            Sponsor before = sponsors.findLive(sponsorId);
            if (before == null || sponsors.setHiddenByStaff(sponsorId, !shown) == 0) {
                throw ActionRefused.of("sponsor.not-found", "no sponsor " + sponsorId);
            }
            audit.record(actor, shown ? "sponsor.show" : "sponsor.hide", "sponsor", sponsorId,
                    Map.of("shown", before.isShow() == 1), Map.of("shown", shown));
        });
    }
}
