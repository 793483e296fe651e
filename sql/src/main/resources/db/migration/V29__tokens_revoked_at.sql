-- When a user's tokens were last revoked. Each process keeps in memory the users whose tokens were revoked within one
-- token life (RecentRevocations), read through this index a few times a second, so checking a request's token needs
-- no query: a token older than that life has expired anyway. Users revoked before this column existed count as
-- revoked now, so they are in that memory for one token life too.
ALTER TABLE `user`
    ADD COLUMN tokens_revoked_at DATETIME(3) NULL COMMENT 'when token_version was last raised (UTC)',
    ADD INDEX idx_user_tokens_revoked_at (tokens_revoked_at);

UPDATE `user` SET tokens_revoked_at = UTC_TIMESTAMP(3) WHERE token_version > 0;
