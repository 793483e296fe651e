package com.luckify.batch.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads rows page by page after the last key it handed out (never by offset), and keeps that key in the step's
 * execution context, so a restarted step goes on after its last committed chunk.
 * <p>
 * Batch 6 puts a chunk's new position into the context before the chunk's commit and, when that commit fails,
 * still saves the context as it is when the step ends: the restart would skip the chunk whose writes were rolled
 * back. So a chunk that does not commit puts the last committed key back.
 */
public class KeysetReader<T> implements ItemStreamReader<T> {

    /** A page of rows with keys greater than {@code afterKey}, in key order. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> after(long afterKey, int limit);
    }

    private final String name;
    private final PageSource<T> source;
    private final ToLongFunction<T> key;
    private final int pageSize;
    private final Deque<T> page = new ArrayDeque<>();
    private long afterKey;
    private boolean exhausted;

    public KeysetReader(String name, PageSource<T> source, ToLongFunction<T> key, int pageSize) {
        this.name = name;
        this.source = source;
        this.key = key;
        this.pageSize = pageSize;
    }

    /** Starts a run (readers of singleton steps serve one run after the other). */
    @Override
    public void open(ExecutionContext context) {
        afterKey = context.getLong(name + ".afterKey", 0L);
        page.clear();
        exhausted = false;
    }

    @Override
    public T read() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(source.after(afterKey, pageSize));
            exhausted = page.size() < pageSize;
        }
        T next = page.poll();
        if (next != null) {
            afterKey = key.applyAsLong(next);
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        String contextKey = name + ".afterKey";
        long committed = context.getLong(contextKey, 0L);
        context.putLong(contextKey, afterKey);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        context.putLong(contextKey, committed);
                    }
                }
            });
        }
    }
}
