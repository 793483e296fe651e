package com.luckify.checkin;

import com.luckify.common.BusinessCalendar;
import java.time.LocalDate;

/** How often a task can be done and rewarded ({@code tasks.type}), and the period a day falls in. */
enum TaskType {
    NEWBIE(1),
    DAILY(2),
    WEEKLY(3);

    private final int code;

    TaskType(int code) {
        this.code = code;
    }

    static TaskType of(int code) {
        for (TaskType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown task type " + code);
    }

    int code() {
        return code;
    }

    /** {@code task_record.period_key}: one record, and so one reward, per user, task and period. */
    String periodKey(LocalDate businessDay) {
        return switch (this) {
            case NEWBIE -> "once";
            case DAILY -> businessDay.toString();
            case WEEKLY -> BusinessCalendar.weekKey(businessDay);
        };
    }
}
