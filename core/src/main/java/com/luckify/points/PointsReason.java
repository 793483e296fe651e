package com.luckify.points;

/** Why wish value moved; the code goes into {@code integral_record.reason}, the text is what the user sees. */
public enum PointsReason {

    CHECKIN("签到"),
    TASK_REWARD("任务奖励"),
    ADMIN_ADJUST("后台调整"),
    SPEND("心愿值消费");

    private final String text;

    PointsReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
