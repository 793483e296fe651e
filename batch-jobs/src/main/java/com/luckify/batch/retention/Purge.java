package com.luckify.batch.retention;

import java.time.Instant;
import java.util.List;

/**
 * One kind of row the retention job removes, found and removed by id: where the old rows end, a page of
 * removable ids, and their removal (which checks each row again, so a page read a moment ago is safe to pass).
 */
record Purge(Bound bound, Page page, Removal removal) {

    @FunctionalInterface
    interface Bound {
        /** The highest id that may be removable with this cutoff, 0 if none. */
        long lastIdBefore(Instant before);
    }

    @FunctionalInterface
    interface Page {
        List<Long> after(long afterId, long upToId, Instant before, int limit);
    }

    @FunctionalInterface
    interface Removal {
        /** Removes what is still removable of {@code ids}; how many went. */
        int delete(List<Long> ids, Instant before);
    }
}
