package com.luckify.batch.draw;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a chunk's state into the step's execution context so that it counts only if the chunk commits. Batch 6
 * writes the context before the chunk's commit and, when that commit fails, still saves the context as it is when
 * the step ends: a restart would then go on after a page whose candidates were rolled back. So a chunk that does
 * not commit puts the last committed values back (as {@code KeysetReader} does for its key).
 */
final class CommittedContext {

    private CommittedContext() {
    }

    static void put(ExecutionContext context, Map<String, Object> values) {
        Map<String, Object> committed = new HashMap<>();
        values.keySet().forEach(key -> committed.put(key, context.get(key)));
        values.forEach(context::put);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    return;
                }
                committed.forEach((key, value) -> {
                    if (value == null) {
                        context.remove(key);
                    } else {
                        context.put(key, value);
                    }
                });
            }
        });
    }
}
