package com.luckify.lottery;

import java.time.Instant;

/** Insert target; MyBatis writes the generated key back into {@code id}. */
final class NewLotteryRow {

    Long id;
    final long userId;
    final LotteryDraft draft;
    final Instant publishTime;

    NewLotteryRow(long userId, LotteryDraft draft, Instant publishTime) {
        this.userId = userId;
        this.draft = draft;
        this.publishTime = publishTime;
    }
}
