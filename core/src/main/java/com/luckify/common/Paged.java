package com.luckify.common;

import java.util.List;

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

    /** Row offset of a 1-based page, with the page size capped. */
    public static long offset(int page, int size) {
        return (long) (Math.max(page, 1) - 1) * clampSize(size);
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
