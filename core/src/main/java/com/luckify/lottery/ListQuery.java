package com.luckify.lottery;

/** A cursor page: ids below {@code lastId} ({@code <= 0}: from the newest), at most {@code size} rows. */
public record ListQuery(long lastId, int size) {

    /** No page is larger than this, whatever the client asks (the original had no bound). */
    public static final int MAX_SIZE = 100;

    /**
     * The deepest page a page-numbered list serves: a page number is a row offset the database must walk, so
     * deeper pages are refused (clients that scroll further use the cursor lists).
     */
    public static final int MAX_PAGE = 100;

    public ListQuery {
        size = Math.max(0, Math.min(size, MAX_SIZE));
    }

    Long cursor() {
        return lastId > 0 ? lastId : null;
    }
}
