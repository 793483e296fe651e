package com.luckify.lottery;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that seal draw seeds until their draw ({@code luckify.draw.seed-key}, {@code luckify.draw.retired-seed-keys};
 * environment {@code LUCKIFY_DRAW_SEED_KEY}, {@code LUCKIFY_DRAW_RETIRED_SEED_KEYS}). Each is {@code <id>:<base64 of
 * 32 random bytes>}; the id is stored with every sealed seed, so a key can be rotated: the new one becomes
 * {@code seed-key}, the old one moves to {@code retired-seed-keys}, and at start-up every pending seed is sealed
 * again under the new key, after which the old key can be dropped (root README, "Draw seed keys").
 */
@ConfigurationProperties("luckify.draw")
public record DrawSeedKeys(String seedKey, @DefaultValue List<String> retiredSeedKeys) {
}
