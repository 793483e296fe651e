package com.luckify.lottery;

import com.luckify.common.LikePattern;
import java.time.Instant;

/**
 * The admin console's lottery filters; null means "any". {@code text} matches the id exactly or the name in
 * part; {@code announceFrom}/{@code announceTo} bound the announce time.
 */
public record LotterySearch(String text, Integer announceType, LotteryState state, Long sponsorId,
        Instant announceFrom, Instant announceTo) {

    /** {@code text} as a LIKE pattern that matches its characters literally. */
    public String namePattern() {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LikePattern.containing(text);
    }

    public Long idText() {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }
}
