package com.luckify.notification;

/** WeChat's limits on subscribe-message values: a "thing" holds at most 20 characters. */
public final class NoticeText {

    private NoticeText() {
    }

    public static String thing(String text) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= 20 ? text : text.substring(0, text.offsetByCodePoints(0, 19)) + "…";
    }
}
