package com.luckify.batch.notify;

/** WeChat's limits on subscribe-message values: a "thing" holds at most 20 characters. */
final class NoticeText {

    private NoticeText() {
    }

    static String thing(String text) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= 20 ? text : text.substring(0, text.offsetByCodePoints(0, 19)) + "…";
    }
}
