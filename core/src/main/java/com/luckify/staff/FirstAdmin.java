package com.luckify.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Makes sure a fresh installation has someone who can log in to the admin console. */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffService staff;

    FirstAdmin(StaffService staff) {
        this.staff = staff;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfNone() {
        staff.createFirstAdmin().ifPresent(id -> log.info("created the first administrator, staff id {}", id));
    }
}
