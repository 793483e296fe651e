-- Prize-show comments (晒单), likes and the sensitive-word list (the original's comment database,
-- bugs fixed).
-- Times are DATETIME(3) in UTC (the JDBC session is forced to UTC); the wire carries Unix seconds.
-- MySQL 8 and MariaDB 10.11 compatible: utf8mb4_unicode_ci, InnoDB, no MySQL-only syntax.

CREATE TABLE `comment` (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    create_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id             BIGINT        NOT NULL COMMENT 'author; never taken from the request body',
    lottery_id          BIGINT        NOT NULL,
    prize_name          VARCHAR(255)  NOT NULL DEFAULT '',
    -- stored as typed; escaping is the renderer's job (admin console, reports)
    content             VARCHAR(1000) NOT NULL DEFAULT '',
    -- comma-separated image URLs: the contract carries one string
    pics                VARCHAR(2000) NOT NULL DEFAULT '',
    -- equals COUNT(praise) of the comment: changed in the praise transaction, checked by reconciliation
    praise_count        INT           NOT NULL DEFAULT 0,
    moderation_state    VARCHAR(16)   NOT NULL DEFAULT 'VISIBLE',
    moderation_reason   VARCHAR(255)  NULL,
    -- soft delete: praise rows and moderation history stay; deleted_by_staff_id NULL = deleted by the author
    deleted_at          DATETIME(3)   NULL,
    deleted_by_staff_id BIGINT        NULL COMMENT 'FK to staff_account added in V5',
    version             INT           NOT NULL DEFAULT 0 COMMENT 'optimistic locking',
    PRIMARY KEY (id),
    KEY idx_comment_newest (moderation_state, deleted_at, id),
    KEY idx_comment_likes (moderation_state, deleted_at, praise_count, id),
    KEY idx_comment_user (user_id, id),
    KEY idx_comment_lottery (lottery_id, id),
    CONSTRAINT fk_comment_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT fk_comment_lottery FOREIGN KEY (lottery_id) REFERENCES lottery (id),
    -- the original's concurrent unlike could drive the counter below zero
    CONSTRAINT ck_comment_praise_count CHECK (praise_count >= 0),
    CONSTRAINT ck_comment_moderation_state CHECK (moderation_state IN ('VISIBLE', 'PENDING', 'HIDDEN')),
    CONSTRAINT ck_comment_deleted_by CHECK (deleted_at IS NOT NULL OR deleted_by_staff_id IS NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'prize-show comments (晒单)';

CREATE TABLE praise (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id     BIGINT      NOT NULL,
    comment_id  BIGINT      NOT NULL,
    PRIMARY KEY (id),
    -- one like per (user, comment): a double toggle hits this key instead of counting twice
    UNIQUE KEY uk_praise_user_comment (user_id, comment_id),
    KEY idx_praise_comment (comment_id),
    CONSTRAINT fk_praise_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    -- the original accepted likes on comments that did not exist
    CONSTRAINT fk_praise_comment FOREIGN KEY (comment_id) REFERENCES `comment` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'likes on comments';

CREATE TABLE sensitive_word (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- utf8mb4_bin: unicode_ci would treat distinct CJK/width variants as duplicates of each other;
    -- case folding for matching is the filter's job
    word        VARCHAR(64) NOT NULL COLLATE utf8mb4_bin,
    enabled     TINYINT     NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sensitive_word_word (word),
    CONSTRAINT ck_sensitive_word_enabled CHECK (enabled IN (0, 1)),
    CONSTRAINT ck_sensitive_word_not_blank CHECK (CHAR_LENGTH(word) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'words that send a comment to moderation';
