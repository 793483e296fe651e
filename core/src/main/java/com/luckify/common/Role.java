package com.luckify.common;

import java.util.Locale;

/** What a Luckify process does; see {@link ConditionalOnRole}. */
public enum Role {

    /** The mini-program REST API. */
    API,
    /** The admin console. */
    ADMIN,
    /** Spring Batch jobs and their schedules. */
    BATCH,
    /** Consumers of the event and notification flows. */
    WORKER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
