package com.luckify.lottery;

public record ClockTask(long id, long lotteryId, int type, int seconds, int appletType, String pageLink, String appId,
        String pagePath, String image, String videoAccountId, String videoId, String articleLink, String copywriting,
        int chanceType, int increaseMultiple) {
}
