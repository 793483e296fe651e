package com.luckify.common;

/** SQL LIKE patterns from what staff type into a search box: {@code %}, {@code _} and {@code \} match themselves. */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    private static String escape(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
