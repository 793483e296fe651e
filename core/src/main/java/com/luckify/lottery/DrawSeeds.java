package com.luckify.lottery;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The draw seeds at rest: made and sealed at publication ({@link SeedVault}), opened only by the draw, revealed in
 * clear by the draw's own record (design: nobody who reads the database before the draw can compute the winners).
 * At start-up it seals the seeds of records from before sealing existed and seals again, under the current key,
 * the pending seeds a retired key sealed, so a rotated-out key can be dropped after one start.
 */
@Component
@EnableConfigurationProperties(DrawSeedKeys.class)
public class DrawSeeds {

    static final String LEGACY_UNSEALED = "legacy-unsealed";
    private static final Logger log = LoggerFactory.getLogger(DrawSeeds.class);
    private static final int PAGE = 500;

    private final SeedVault vault;
    private final DrawSeedMapper seeds;

    DrawSeeds(DrawSeedKeys keys, DrawSeedMapper seeds) {
        this.vault = SeedVault.of(keys);
        this.seeds = seeds;
    }

    /** Makes the lottery's seed and stores it sealed with its public hash; in the publishing transaction. */
    void createFor(long lotteryId) {
        DrawSeed seed = DrawSeed.generate();
        SeedVault.Sealed sealed = vault.seal(lotteryId, seed.seed());
        seeds.insert(lotteryId, sealed.bytes(), sealed.keyId(), seed.sha256Hex());
    }

    /** The seed of a draw that has begun: the clear one of an old record, or the sealed one opened. */
    byte[] open(long lotteryId, byte[] clear, String keyId, byte[] sealed) {
        return clear != null ? clear : vault.open(lotteryId, keyId, sealed);
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAtStartUp() {
        sealPendingWithCurrentKey();
    }

    /** Seals, under the current key, every seed not yet drawn that is in clear or sealed with another key. */
    public int sealPendingWithCurrentKey() {
        int sealed = 0;
        int unknown = 0;
        long after = 0;
        for (List<DrawSeedMapper.SeedRow> page = seeds.notSealedWith(vault.currentKeyId(), after, PAGE); !page.isEmpty();
                page = seeds.notSealedWith(vault.currentKeyId(), after, PAGE)) {
            for (DrawSeedMapper.SeedRow row : page) {
                after = row.id();
                if (row.seed() == null && !vault.knows(row.seedKeyId())) {
                    unknown++;
                    continue;
                }
                byte[] seed = open(row.lotteryId(), row.seed(), row.seedKeyId(), row.sealedSeed());
                SeedVault.Sealed again = vault.seal(row.lotteryId(), seed);
                // guarded by the key it was read with: another process sealing it meanwhile wins, harmlessly
                sealed += seeds.reseal(row.id(), row.seedKeyId(), again.bytes(), again.keyId());
            }
        }
        if (sealed > 0) {
            log.info("sealed {} pending draw seeds with key '{}'", sealed, vault.currentKeyId());
        }
        if (unknown > 0) {
            log.warn("{} pending draw seeds are sealed with keys this process does not have; their draws fail here until "
                    + "luckify.draw.retired-seed-keys names those keys", unknown);
        }
        return sealed;
    }
}
