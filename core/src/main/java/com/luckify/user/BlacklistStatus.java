package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether a user is on the blacklist now, asked before every write of the mini-program API. Each process keeps the
 * users a ban is in force on (a few, beside the users who write) and reads them again every
 * {@code luckify.user.blacklist-check.cache} (2 s by default), so a write asks no database and a ban made in any way
 * is in force everywhere within that time; a ban from the console is read again at once in its own process (and
 * kills the user's tokens anyway). A user found among them is asked about in MySQL again, so a ban lifted or
 * expired since counts at once. Until the first read has answered (start-up), every check asks MySQL.
 */
@Component
public class BlacklistStatus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BlacklistStatus.class);

    private final UserMapper users;
    private final Duration refreshInterval;
    private volatile Set<Long> banned;
    private volatile boolean failing;
    private volatile ScheduledExecutorService refresher;

    BlacklistStatus(UserMapper users, @Value("${luckify.user.blacklist-check.cache:2s}") Duration refreshInterval) {
        this.users = users;
        this.refreshInterval = refreshInterval;
    }

    /** Throws {@link ErrorCode#USER_BLACKLISTED} while the user is on the blacklist. */
    public void requireNotBlacklisted(long userId) {
        Set<Long> known = banned;
        if (known != null && !known.contains(userId)) {
            return;
        }
        if (users.isBlacklisted(userId)) {
            throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
        }
    }

    /** Reads the bans in force again now, as after a ban made in this process. */
    public void refresh() {
        banned = Set.copyOf(users.blacklistedNow());
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (failing) {
                log.info("the blacklist is read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("the blacklist could not be read, trying again every {}: {}", refreshInterval, e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "blacklist-refresh");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        refresher = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = refresher;
        if (running != null) {
            running.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
