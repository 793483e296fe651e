package com.luckify.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in integration tests: the real time, unless a test pins it with {@link #set};
 * {@link IntegrationTest} lets go of it after every test.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void set(Instant instant) {
        pinned.set(instant);
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = pinned.get();
        return instant != null ? instant : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Luckify keeps its clock in UTC");
    }
}
