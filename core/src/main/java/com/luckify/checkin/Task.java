package com.luckify.checkin;

/** A task definition ({@code tasks} row). */
record Task(long id, int type, String content, int integral, String path, int needCount, String eventType) {

    TaskType taskType() {
        return TaskType.of(type);
    }
}
