-- The draw seed is sealed until the draw reveals it (issue 16): whoever reads the database or a backup before the
-- draw must not be able to compute the winners. A pending record keeps the seed only encrypted (AES-256-GCM under a
-- key from configuration, named by seed_key_id); the draw writes the seed in clear into `seed` when it publishes the
-- result, and drops the sealed copy. The commitment (seed_hash) stays public from publication on, as before.
ALTER TABLE draw_record
    MODIFY seed VARBINARY(32) NULL COMMENT 'in clear only once DRAWN (or a record from before V23 until start-up seals it)',
    ADD COLUMN sealed_seed VARBINARY(60) NULL COMMENT 'AES-256-GCM: 12-byte nonce, 32-byte ciphertext, 16-byte tag' AFTER seed,
    ADD COLUMN seed_key_id VARCHAR(32) NULL COMMENT 'which configured key sealed it' AFTER sealed_seed;

-- Records published before this migration hold their seed in clear; SQL cannot encrypt with the application's key,
-- so they are marked, and the application seals them when it starts (DrawSeedSealer). They were in clear in
-- earlier backups whatever happens now: the README says so.
UPDATE draw_record SET seed_key_id = 'legacy-unsealed' WHERE state <> 'DRAWN';

ALTER TABLE draw_record
    DROP CONSTRAINT ck_draw_record_seed,
    ADD CONSTRAINT ck_draw_record_seed CHECK (LENGTH(seed_hash) = 64 AND (seed IS NULL OR LENGTH(seed) = 32)
        AND (sealed_seed IS NULL OR (LENGTH(sealed_seed) = 60 AND seed_key_id IS NOT NULL))
        AND (seed IS NOT NULL OR sealed_seed IS NOT NULL)),
    -- the rule itself: no seed in clear before the draw, except the marked records from before V23
    ADD CONSTRAINT ck_draw_record_seed_sealed CHECK (state = 'DRAWN' OR seed IS NULL OR seed_key_id = 'legacy-unsealed'),
    -- a drawn record publishes its seed
    ADD CONSTRAINT ck_draw_record_seed_revealed CHECK (state <> 'DRAWN' OR seed IS NOT NULL);
