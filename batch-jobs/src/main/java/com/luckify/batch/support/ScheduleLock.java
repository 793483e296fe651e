package com.luckify.batch.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets one process at a time run a schedule, with a lease in the {@code shedlock} table (ShedLock's schema):
 * a process takes the row of a schedule when its {@code lock_until} has passed and holds it for at most
 * {@code atMostFor}, so a process that dies mid-run frees it by itself. Times are the database's own, so
 * the processes' clocks need not agree.
 */
@Component
public class ScheduleLock {

    private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;

    ScheduleLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lease of {@code name} if it is free; true when this process may run the schedule now. */
    public boolean tryLock(String name, Duration atMostFor) {
        long micros = atMostFor.toNanos() / 1_000;
        int taken = jdbc.update("UPDATE shedlock SET lock_until = NOW(3) + INTERVAL ? MICROSECOND, locked_at = NOW(3), "
                + "locked_by = ? WHERE name = ? AND lock_until <= NOW(3)", micros, OWNER, name);
        if (taken == 1) {
            return true;
        }
        return jdbc.update("INSERT IGNORE INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES (?, NOW(3) + INTERVAL ? MICROSECOND, NOW(3), ?)", name, micros, OWNER) == 1;
    }

    /**
     * Runs {@code round} if this process gets the lease of {@code name}, and gives the lease back afterwards
     * (not before {@code atLeastFor}); returns whether it ran.
     */
    public boolean runExclusively(String name, Duration atMostFor, Duration atLeastFor, ScheduledRound round)
            throws Exception {
        if (!tryLock(name, atMostFor)) {
            return false;
        }
        try {
            round.run();
            return true;
        } finally {
            unlock(name, atLeastFor);
        }
    }

    /** One round of a schedule. */
    @FunctionalInterface
    public interface ScheduledRound {
        void run() throws Exception;
    }

    /** Ends this process's lease, but not before {@code atLeastFor} after it was taken (no double run). */
    public void unlock(String name, Duration atLeastFor) {
        jdbc.update("UPDATE shedlock SET lock_until = GREATEST(NOW(3), locked_at + INTERVAL ? MICROSECOND) "
                + "WHERE name = ? AND locked_by = ?", atLeastFor.toNanos() / 1_000, name, OWNER);
    }
}
