package com.luckify.lottery;

import com.luckify.common.GroupCommit;
import org.springframework.stereotype.Component;

/**
 * Group commit for instant attempts. Every winner takes a unit from the same prize row, which stays locked until
 * its transaction commits; one transaction per attempt made the winners queue on that row while they held pooled
 * connections, and everyone else queued for a connection. Written together, a batch locks each prize row once and
 * commits once. At most 100 attempts a batch: 100 entries and 200 events per statement.
 */
@Component
class InstantEntryWriter extends GroupCommit<InstantAttempt, Long> {

    InstantEntryWriter(InstantEntries entries) {
        super("instant-entry-writer", 100, entries::recordBatch, entries::recordOne);
    }
}
