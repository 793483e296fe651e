package com.luckify.lottery;

import java.time.Instant;
import java.util.List;

/** Everything needed to create a lottery; {@code publish} false makes an unpublished test lottery. */
public record LotteryDraft(String name, String thumb, int announceType, Instant announceTime, int joinNumber,
        String introduce, Instant awardDeadline, Long sponsorId, List<PrizeDraft> prizes, ClockTaskDraft clockTask,
        boolean publish) {
}
