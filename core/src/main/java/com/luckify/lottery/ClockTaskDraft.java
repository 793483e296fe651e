package com.luckify.lottery;

/** The clock task (打卡任务) of a lottery: what to do, and how it changes the odds at the draw. */
public record ClockTaskDraft(int type, int seconds, int appletType, String pageLink, String appId, String pagePath,
        String image, String videoAccountId, String videoId, String articleLink, String copywriting, int chanceType,
        int increaseMultiple) {
}
