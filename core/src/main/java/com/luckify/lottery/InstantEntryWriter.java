package com.luckify.lottery;

import com.luckify.common.GroupCommit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Group commit for instant attempts. Every winner takes a unit from the same prize row, which stays locked until
 * its transaction commits; one transaction per attempt made the winners queue on that row while they held pooled
 * connections, and everyone else queued for a connection. Written together, a batch locks each prize row once and
 * commits once.
 */
@Component
class InstantEntryWriter extends GroupCommit<InstantAttempt, Long> {

    /** 100 entries and 200 events per statement at most. */
    static final int MAX_BATCH = 100;

    private final InstantEntries entries;

    InstantEntryWriter(InstantEntries entries) {
        super("instant-entry-writer", MAX_BATCH);
        this.entries = entries;
    }

    @Override
    protected List<Outcome<Long>> writeBatch(List<InstantAttempt> batch) {
        return entries.recordBatch(batch);
    }

    @Override
    protected Long writeOne(InstantAttempt attempt) {
        return entries.recordOne(attempt);
    }
}
