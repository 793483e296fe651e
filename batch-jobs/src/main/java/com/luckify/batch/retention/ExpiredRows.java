package com.luckify.batch.retention;

import com.luckify.batch.support.KeysetReader;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reader and writer of one retention step: reads the removable ids page by page in id order, up to the last id
 * old enough, keeping its position in the step's context (a restart goes on after the last committed chunk), and
 * removes each chunk in the chunk's transaction. Not final: step-scoped beans are proxied.
 */
class ExpiredRows implements ItemStreamReader<Long>, ItemWriter<Long> {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRows.class);

    private final String name;
    private final Purge purge;
    private final Instant before;
    private final KeysetReader<Long> pages;
    private long upToId;
    private long removed;

    ExpiredRows(String name, Purge purge, Instant before, int pageSize) {
        this.name = name;
        this.purge = purge;
        this.before = before;
        this.pages = new KeysetReader<>(name, (afterId, limit) -> purge.page().after(afterId, upToId, before, limit),
                Long::longValue, pageSize);
    }

    @Override
    public void open(ExecutionContext context) {
        upToId = purge.bound().lastIdBefore(before);
        removed = 0;
        pages.open(context);
    }

    @Override
    public Long read() {
        return pages.read();
    }

    @Override
    public void update(ExecutionContext context) {
        pages.update(context);
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        int gone = purge.removal().delete(List.copyOf(chunk.getItems()), before);
        // counted once committed: a chunk that rolls back removed nothing
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                removed += gone;
            }
        });
    }

    @Override
    public void close() {
        log.info("retention removed {} {} older than {}", removed, name, before);
    }
}
