package com.luckify.lottery;

import com.luckify.common.GroupCommit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Group commit for instant attempts. Every winner takes a unit from the same prize row, which stays locked until
 * its transaction commits; one transaction per attempt made the winners queue on that row while they held pooled
 * connections, and everyone else queued for a connection. Written together, a batch locks each prize row once and
 * commits once. At most 100 attempts a batch: 100 entries and 200 events per statement. An attempt answered busy
 * (queue full, or not taken in time) was not written, and {@link InstantWinService} gives its reservation back.
 */
@Component
@EnableConfigurationProperties(InstantEntryWriter.Settings.class)
class InstantEntryWriter extends GroupCommit<InstantAttempt, Long> {

    InstantEntryWriter(InstantEntries entries, Settings settings) {
        super("instant-entry-writer", 100, settings.groupCommit(), entries::recordBatch, entries::recordOne);
    }

    /** {@code luckify.instant.group-commit.capacity} and {@code .max-wait}. */
    @ConfigurationProperties("luckify.instant")
    record Settings(@DefaultValue GroupCommit.Limits groupCommit) {
    }
}
