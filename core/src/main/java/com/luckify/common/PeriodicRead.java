package com.luckify.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a read that keeps something of MySQL in memory again and again, every {@code interval} on a daemon thread
 * of its own, from the application's start to its stop. A failed read is logged once (and its recovery once), not
 * every interval while MySQL is away; what the read kept stays as it was meanwhile.
 */
public final class PeriodicRead implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRead.class);

    private final String name;
    private final Duration interval;
    private final Runnable read;
    private volatile boolean failing;
    private volatile ScheduledExecutorService reader;

    /** {@code name} names the thread and the log lines: what is read, e.g. "token revocations". */
    public PeriodicRead(String name, Duration interval, Runnable read) {
        this.name = name;
        this.interval = interval;
        this.read = read;
    }

    private void readQuietly() {
        try {
            read.run();
            if (failing) {
                log.info("{} are read again", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("{} could not be read, trying again every {}: {}", name, interval, e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name.replace(' ', '-') + "-read");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::readQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        reader = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = reader;
        if (running != null) {
            running.shutdownNow();
            reader = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
