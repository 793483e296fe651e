package com.luckify.checkin;

/** A task as the admin console lists and edits it: what it asks, its reward, how often, whether it is offered. */
public record TaskDefinition(long id, int type, String content, int integral, int needCount, String eventType,
        boolean enabled) {
}
