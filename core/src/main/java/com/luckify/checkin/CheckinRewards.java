package com.luckify.checkin;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.LockRetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reward of each day of the check-in cycle, from {@code checkin_reward}: seeded from
 * {@code luckify.checkin.rewards} on the first start, edited in the admin console afterwards. Read through a
 * short cache, so a check-in costs no extra query; another process sees an edit within {@link #RELOAD}.
 */
@Component
public class CheckinRewards {

    static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Object ALL = new Object();

    private final CheckinMapper checkins;
    private final CheckinProperties properties;
    private final AuditLog audit;
    private final LockRetry lockRetry;
    private final LoadingCache<Object, List<Integer>> cache;

    CheckinRewards(CheckinMapper checkins, CheckinProperties properties, AuditLog audit, LockRetry lockRetry) {
        this.checkins = checkins;
        this.properties = properties;
        this.audit = audit;
        this.lockRetry = lockRetry;
        this.cache = Caffeine.newBuilder().expireAfterWrite(RELOAD).build(key -> load());
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfEmpty() {
        List<Integer> seed = properties.rewards();
        for (int day = 1; day <= 7; day++) {
            checkins.seedReward(day, seed.get(day - 1));
        }
        cache.invalidateAll();
    }

    /** The seven rewards, day 1 first. */
    public List<Integer> all() {
        return cache.get(ALL);
    }

    int rewardOnDay(int streakDay) {
        return all().get(streakDay - 1);
    }

    /** Changes the rewards; check-ins in this process use them at once, other processes within 30 s. */
    public void change(StaffActor actor, List<Integer> rewards) {
        if (rewards == null || rewards.size() != 7 || rewards.stream().anyMatch(r -> r == null || r < 0 || r > 100_000)) {
            throw ActionRefused.of("checkin.rewards-invalid", "seven rewards of 0 to 100000 are needed");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            List<Integer> before = load();
            for (int day = 1; day <= 7; day++) {
                checkins.setReward(day, rewards.get(day - 1));
            }
            audit.record(actor, "checkin.rewards", "checkin_reward", "cycle", Map.of("rewards", before),
                    Map.of("rewards", rewards));
        });
        cache.invalidateAll();
    }

    /** Falls back to the configured rewards while the table is not seeded yet (the first moments of a start). */
    private List<Integer> load() {
        List<Integer> stored = checkins.rewards();
        return stored.size() == 7 ? List.copyOf(stored) : properties.rewards();
    }
}
