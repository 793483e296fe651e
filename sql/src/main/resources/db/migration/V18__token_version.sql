-- Tokens can be revoked: each carries the version of its user's tokens it was issued under, and raising the
-- version (a ban, "log out everywhere", a password change) kills every token issued before at once. Tokens issued
-- before this column existed carry none and count as version 0.
ALTER TABLE `user`
    ADD COLUMN token_version INT NOT NULL DEFAULT 0 COMMENT 'tokens issued under an older version are revoked';
