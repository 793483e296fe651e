-- An OIDC subject is unique only within its issuer: two providers (or two tenants of one) may hand out the same
-- "sub" to different people, so a staff account is linked to the pair. Links made before this migration knew no
-- issuer: '' stands for "the configured provider", matched only through that provider's configured issuer and
-- filled in with it at the account's next OIDC login.
ALTER TABLE staff_account
    ADD COLUMN oidc_issuer VARCHAR(255) NULL COLLATE utf8mb4_bin AFTER last_login_time;

UPDATE staff_account SET oidc_issuer = '' WHERE oidc_subject IS NOT NULL;

ALTER TABLE staff_account
    DROP INDEX uk_staff_account_oidc_subject,
    ADD UNIQUE KEY uk_staff_account_oidc_identity (oidc_issuer, oidc_subject),
    ADD CONSTRAINT ck_staff_account_oidc_link CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
