package com.luckify.common;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/** One page of a filtered list for the admin console: the rows, how many match in all, and where we are. */
public record Paged<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /**
     * Fetches a 1-based page: {@code rows} gets the row offset and the (capped) page size, {@code total} counts
     * every match.
     */
    public static <T> Paged<T> fetch(int page, int size, BiFunction<Long, Integer, List<T>> rows,
            LongSupplier total) {
        int pageSize = clampSize(size);
        return new Paged<>(rows.apply(offset(page, pageSize), pageSize), total.getAsLong(), Math.max(page, 1), pageSize);
    }

    /** Row offset of a 1-based page, with the page size capped. */
    public static long offset(int page, int size) {
        return (long) (Math.max(page, 1) - 1) * clampSize(size);
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
