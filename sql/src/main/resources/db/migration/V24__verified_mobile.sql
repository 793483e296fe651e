-- Real people: a mobile WeChat verified for the account (its phone-number button), and when. user.mobile holds it, so
-- the unique index uk_user_mobile (V1) is what makes a verified mobile belong to one account at most; a mobile that was
-- merely typed at registration has mobile_verified_at NULL and gives way when its owner verifies it (the typing account
-- loses it, see UserMobiles). A verified time without a mobile means nothing.
ALTER TABLE `user`
    ADD COLUMN mobile_verified_at DATETIME(3) NULL COMMENT 'when WeChat verified user.mobile as the user''s; NULL = typed, unverified',
    ADD CONSTRAINT ck_user_mobile_verified CHECK (mobile_verified_at IS NULL OR mobile IS NOT NULL);
