package com.luckify.support;

import java.time.Instant;

/** JSON bodies for lotteries, with sensible defaults a test overrides where it matters. */
public final class LotteryFixtures {

    private LotteryFixtures() {
    }

    public static String prize(int level, int count) {
        return prize(level, count, null);
    }

    public static String prize(int level, int count, Integer ppm) {
        return "{\"type\":1,\"name\":\"奖品" + level + "\",\"count\":" + count + ",\"thumb\":\"https://img.example.com/p.png\","
                + "\"level\":" + level + ",\"grantType\":1" + (ppm == null ? "" : ",\"winProbabilityPpm\":" + ppm) + "}";
    }

    /** A published lottery of {@code announceType}, announced in a day, with these prizes. */
    public static String lottery(int announceType, int joinNumber, String... prizes) {
        return lottery(announceType, joinNumber, 1, 0, prizes);
    }

    public static String lottery(int announceType, int joinNumber, int publishType, long sponsorId, String... prizes) {
        long now = Instant.now().getEpochSecond();
        return "{\"name\":\"测试抽奖\",\"thumb\":\"https://img.example.com/t.png\",\"announceType\":" + announceType
                + ",\"announceTime\":" + (now + 86_400) + ",\"joinNumber\":" + joinNumber + ",\"introduce\":\"介绍\","
                + "\"awardDeadline\":" + (now + 7 * 86_400) + ",\"sponsorId\":" + sponsorId + ",\"prizes\":["
                + String.join(",", prizes) + "],\"isClocked\":0,\"publishType\":" + publishType + "}";
    }
}
