package com.luckify.checkin;

import com.luckify.common.GroupCommit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.checkin.*}: the wish value for days 1 to 7 of the check-in cycle on the first start; from then on
 * {@code checkin_reward} holds them ({@link CheckinRewards}, edited in the admin console). {@code group-commit}: the
 * check-in writer's queue and its callers' wait ({@link CheckinWriter}).
 */
@ConfigurationProperties("luckify.checkin")
record CheckinProperties(@DefaultValue({"5", "5", "10", "15", "20", "30", "40"}) List<Integer> rewards,
        @DefaultValue GroupCommit.Limits groupCommit) {

    CheckinProperties {
        if (rewards.size() != 7 || rewards.stream().anyMatch(reward -> reward == null || reward < 0)) {
            throw new IllegalArgumentException("luckify.checkin.rewards needs 7 amounts of at least 0, got " + rewards);
        }
        rewards = List.copyOf(rewards);
    }
}
