-- Accounts, sponsors and uploads (the original's usercenter and upload databases, bugs fixed).
-- Times are DATETIME(3) in UTC (the JDBC session is forced to UTC); the wire carries Unix seconds.
-- MySQL 8 and MariaDB 10.11 compatible: utf8mb4_unicode_ci, InnoDB, no MySQL-only syntax.

CREATE TABLE `user` (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    create_time       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- NULL for WeChat-only users: the original's NOT NULL DEFAULT '' broke the unique index
    -- from the second WeChat user on. UNIQUE still allows many NULLs.
    mobile            VARCHAR(20)  NULL,
    -- BCrypt ("$2a$..."), or a legacy unsalted MD5 hex imported from the Go system, re-hashed on the next login
    password          VARCHAR(100) NOT NULL DEFAULT '',
    nickname          VARCHAR(50)  NOT NULL DEFAULT '',
    sex               TINYINT      NOT NULL DEFAULT 0 COMMENT '0 male, 1 female',
    avatar            VARCHAR(255) NOT NULL DEFAULT '',
    info              VARCHAR(255) NOT NULL DEFAULT '',
    is_admin          TINYINT      NOT NULL DEFAULT 0,
    signature         VARCHAR(255) NOT NULL DEFAULT '',
    location_name     VARCHAR(100) NOT NULL DEFAULT '',
    longitude         DOUBLE       NOT NULL DEFAULT 0,
    latitude          DOUBLE       NOT NULL DEFAULT 0,
    total_prize       INT          NOT NULL DEFAULT 0,
    fans              INT          NOT NULL DEFAULT 0,
    all_lottery       INT          NOT NULL DEFAULT 0,
    initiation_record INT          NOT NULL DEFAULT 0,
    winning_record    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_mobile (mobile),
    CONSTRAINT ck_user_sex CHECK (sex IN (0, 1)),
    CONSTRAINT ck_user_is_admin CHECK (is_admin IN (0, 1)),
    CONSTRAINT ck_user_counters CHECK (total_prize >= 0 AND fans >= 0 AND all_lottery >= 0
        AND initiation_record >= 0 AND winning_record >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'mini-program users';

CREATE TABLE user_auth (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id     BIGINT      NOT NULL,
    auth_type   VARCHAR(12) NOT NULL COMMENT 'system (mobile) or wxMini (openid)',
    -- utf8mb4_bin: an openid is case sensitive
    auth_key    VARCHAR(64) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_auth_type_key (auth_type, auth_key),
    UNIQUE KEY uk_user_auth_user_type (user_id, auth_type),
    CONSTRAINT fk_user_auth_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_user_auth_type CHECK (auth_type IN ('system', 'wxMini'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'how a user logs in';

CREATE TABLE user_sponsor (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id     BIGINT       NOT NULL,
    type        TINYINT      NOT NULL COMMENT '1 WeChat id, 2 official account, 3 mini-program, 4 WeChat group, 5 channels',
    applet_type TINYINT      NOT NULL DEFAULT 0 COMMENT 'type 3 only: 1 link, 2 path, 3 QR code',
    is_show     TINYINT      NOT NULL DEFAULT 1 COMMENT '1 show, 2 hide',
    name        VARCHAR(12)  NOT NULL,
    `desc`      VARCHAR(100) NOT NULL DEFAULT '',
    avatar      VARCHAR(255) NOT NULL DEFAULT '',
    qr_code     VARCHAR(255) NOT NULL DEFAULT '',
    input_a     VARCHAR(255) NOT NULL DEFAULT '',
    input_b     VARCHAR(255) NOT NULL DEFAULT '',
    -- soft delete: finished lotteries and their audit reports keep showing the sponsor
    deleted_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_user_sponsor_owner (user_id, deleted_at, id),
    CONSTRAINT fk_user_sponsor_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_user_sponsor_type CHECK (type BETWEEN 1 AND 5),
    CONSTRAINT ck_user_sponsor_applet_type CHECK (applet_type BETWEEN 0 AND 3),
    CONSTRAINT ck_user_sponsor_is_show CHECK (is_show IN (1, 2))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'sponsors shown on lotteries';

CREATE TABLE upload_file (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    create_time  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id      BIGINT       NOT NULL,
    -- the client's name, kept for display only; never part of the storage key
    file_name    VARCHAR(100) NOT NULL DEFAULT '',
    ext          VARCHAR(50)  NOT NULL DEFAULT '',
    size         BIGINT       NOT NULL,
    content_type VARCHAR(50)  NOT NULL,
    object_key   VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    url          VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_upload_file_object_key (object_key),
    KEY idx_upload_file_user (user_id, id),
    KEY idx_upload_file_url (url),
    CONSTRAINT fk_upload_file_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_upload_file_size CHECK (size > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'files users uploaded';
