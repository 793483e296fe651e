-- Lotteries, prizes, clock tasks, participations and the verifiable draw audit
-- (the original's lottery database, bugs fixed).
-- Times are DATETIME(3) in UTC (the JDBC session is forced to UTC); the wire carries Unix seconds.
-- MySQL 8 and MariaDB 10.11 compatible: utf8mb4_unicode_ci, InnoDB, no MySQL-only syntax.
-- Foreign keys carry no ON DELETE/ON UPDATE actions: MySQL 8 forbids them on columns used in CHECKs,
-- and nothing here is ever hard-deleted by cascade.

CREATE TABLE lottery (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    create_time       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id           BIGINT        NOT NULL COMMENT 'owner',
    -- also the "default first-prize name" of the contract
    name              VARCHAR(50)   NOT NULL,
    thumb             VARCHAR(255)  NOT NULL DEFAULT '',
    -- NULL = unpublished test lottery: never listed as live and never drawn
    publish_time      DATETIME(3)   NULL,
    -- participant threshold of announce type 2; kept as the contract names it
    join_number       INT           NOT NULL DEFAULT 0,
    introduce         VARCHAR(2000) NOT NULL DEFAULT '',
    award_deadline    DATETIME(3)   NOT NULL COMMENT 'winners must claim before this',
    is_selected       TINYINT       NOT NULL DEFAULT 0 COMMENT 'featured, set from the admin console',
    announce_type     TINYINT       NOT NULL COMMENT '1 by time, 2 by participant count, 3 instant',
    announce_time     DATETIME(3)   NOT NULL,
    is_announced      TINYINT       NOT NULL DEFAULT 0,
    announced_time    DATETIME(3)   NULL,
    -- NULL = no sponsor. The original defaulted to 0, which pointed nowhere and broke the detail call.
    sponsor_id        BIGINT        NULL,
    is_clocked        TINYINT       NOT NULL DEFAULT 0 COMMENT '1 = has a clock task (clock_task.lottery_id)',
    -- Kept only because the contract exposes clockTaskId. The link is clock_task.lottery_id (unique FK):
    -- a FK in both directions would need an insert-then-update dance for every lottery.
    clock_task_id     BIGINT        NULL,
    -- set by staff; a cancelled lottery is never drawn and takes no more participants
    cancelled_at      DATETIME(3)   NULL,
    cancel_reason     VARCHAR(255)  NULL,
    -- maintained in the participation transaction so type-2 draws and lists need no COUNT(*)
    participant_count INT           NOT NULL DEFAULT 0,
    version           INT           NOT NULL DEFAULT 0 COMMENT 'optimistic locking',
    PRIMARY KEY (id),
    KEY idx_lottery_public (is_announced, id),
    KEY idx_lottery_selected (is_selected, is_announced, id),
    KEY idx_lottery_owner (user_id, id),
    KEY idx_lottery_draw (announce_type, is_announced, announce_time),
    KEY idx_lottery_sponsor (sponsor_id),
    CONSTRAINT fk_lottery_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT fk_lottery_sponsor FOREIGN KEY (sponsor_id) REFERENCES user_sponsor (id),
    CONSTRAINT ck_lottery_announce_type CHECK (announce_type IN (1, 2, 3)),
    CONSTRAINT ck_lottery_flags CHECK (is_selected IN (0, 1) AND is_announced IN (0, 1) AND is_clocked IN (0, 1)),
    -- a type-2 lottery with threshold 0 would be drawn the moment it is published
    CONSTRAINT ck_lottery_join_number CHECK (join_number >= 0 AND (announce_type <> 2 OR join_number > 0)),
    -- the draw audit needs to know when; an unannounced lottery has no announced_time
    CONSTRAINT ck_lottery_announced CHECK ((is_announced = 0 AND announced_time IS NULL)
        OR (is_announced = 1 AND announced_time IS NOT NULL)),
    CONSTRAINT ck_lottery_cancel CHECK (cancelled_at IS NOT NULL OR cancel_reason IS NULL),
    CONSTRAINT ck_lottery_participant_count CHECK (participant_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'lotteries (campaigns)';

CREATE TABLE prize (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    create_time         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    lottery_id          BIGINT       NOT NULL,
    type                TINYINT      NOT NULL COMMENT '1 physical, 2 coupon, 3 redeem code, 4 shop, 5 red-packet cover, 6 red packet',
    name                VARCHAR(24)  NOT NULL,
    level               INT          NOT NULL COMMENT '1 = first prize; draws hand out prizes in level order',
    thumb               VARCHAR(255) NOT NULL DEFAULT '',
    `count`             INT          NOT NULL COMMENT 'units offered',
    -- units left. Decremented only with "WHERE stock > 0"; the CHECK is the last line against overselling.
    stock               INT          NOT NULL,
    grant_type          TINYINT      NOT NULL COMMENT '1 courier, 2 winner contacts me, 3 winner fills in a form, 4 jump to a mini-program',
    -- instant-win odds per attempt in parts per million; NULL = the original's level band (1/4/15/30 %)
    win_probability_ppm INT          NULL,
    PRIMARY KEY (id),
    -- lets lottery_participation prove its prize belongs to the same lottery (composite FK)
    UNIQUE KEY uk_prize_id_lottery (id, lottery_id),
    KEY idx_prize_lottery_level (lottery_id, level),
    CONSTRAINT fk_prize_lottery FOREIGN KEY (lottery_id) REFERENCES lottery (id),
    CONSTRAINT ck_prize_type CHECK (type BETWEEN 1 AND 6),
    CONSTRAINT ck_prize_level CHECK (level >= 1),
    CONSTRAINT ck_prize_count CHECK (`count` > 0),
    CONSTRAINT ck_prize_stock CHECK (stock >= 0 AND stock <= `count`),
    CONSTRAINT ck_prize_grant_type CHECK (grant_type BETWEEN 1 AND 4),
    CONSTRAINT ck_prize_win_probability CHECK (win_probability_ppm IS NULL
        OR win_probability_ppm BETWEEN 0 AND 1000000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'prizes of a lottery';

CREATE TABLE clock_task (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    create_time       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    lottery_id        BIGINT       NOT NULL,
    type              TINYINT      NOT NULL COMMENT '1 try a mini-program, 2 read an official-account article, 3 view an image, 4 watch a channels video',
    seconds           INT          NOT NULL DEFAULT 0 COMMENT 'required dwell time',
    applet_type       TINYINT      NOT NULL DEFAULT 0 COMMENT 'type 1 only: 1 mini-program link, 2 mini-program path; 0 otherwise',
    page_link         VARCHAR(500) NOT NULL DEFAULT '',
    app_id            VARCHAR(64)  NOT NULL DEFAULT '',
    page_path         VARCHAR(255) NOT NULL DEFAULT '',
    image             VARCHAR(255) NOT NULL DEFAULT '',
    video_account_id  VARCHAR(64)  NOT NULL DEFAULT '',
    video_id          VARCHAR(128) NOT NULL DEFAULT '',
    article_link      VARCHAR(500) NOT NULL DEFAULT '',
    copywriting       VARCHAR(255) NOT NULL DEFAULT '',
    chance_type       TINYINT      NOT NULL DEFAULT 1 COMMENT '1 random, 2 specified multiplier',
    -- draw weight of a participant who completed the task (1 = no advantage)
    increase_multiple INT          NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    UNIQUE KEY uk_clock_task_lottery (lottery_id),
    -- target of clock_task_completion's composite FK (task and lottery must match)
    UNIQUE KEY uk_clock_task_id_lottery (id, lottery_id),
    CONSTRAINT fk_clock_task_lottery FOREIGN KEY (lottery_id) REFERENCES lottery (id),
    CONSTRAINT ck_clock_task_type CHECK (type BETWEEN 1 AND 4),
    CONSTRAINT ck_clock_task_seconds CHECK (seconds >= 0),
    CONSTRAINT ck_clock_task_applet_type CHECK (applet_type BETWEEN 0 AND 2),
    CONSTRAINT ck_clock_task_chance_type CHECK (chance_type IN (1, 2)),
    CONSTRAINT ck_clock_task_increase_multiple CHECK (increase_multiple >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'clock task (打卡任务) that raises draw odds, one per lottery';

CREATE TABLE clock_task_completion (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    create_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    clock_task_id BIGINT      NOT NULL,
    lottery_id    BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    -- completing twice must not stack the multiplier
    UNIQUE KEY uk_clock_task_completion_lottery_user (lottery_id, user_id),
    KEY idx_clock_task_completion_task (clock_task_id, lottery_id),
    KEY idx_clock_task_completion_user (user_id),
    CONSTRAINT fk_clock_task_completion_task FOREIGN KEY (clock_task_id, lottery_id)
        REFERENCES clock_task (id, lottery_id),
    CONSTRAINT fk_clock_task_completion_user FOREIGN KEY (user_id) REFERENCES `user` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'users who completed a lottery''s clock task';

CREATE TABLE lottery_participation (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    lottery_id  BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    is_won      TINYINT     NOT NULL DEFAULT 0,
    -- NULL when not won (the original used 0); one row per user, so at most one prize per participant
    prize_id    BIGINT      NULL,
    -- draw weight: 1, or the clock task's increase_multiple once the task is completed
    weight      INT         NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    -- one participation per (lottery, user): the final word against double entries and double wins
    UNIQUE KEY uk_lottery_participation_lottery_user (lottery_id, user_id),
    KEY idx_lottery_participation_user (user_id, id),
    KEY idx_lottery_participation_won (lottery_id, is_won),
    KEY idx_lottery_participation_prize (prize_id, lottery_id),
    CONSTRAINT fk_lottery_participation_lottery FOREIGN KEY (lottery_id) REFERENCES lottery (id),
    CONSTRAINT fk_lottery_participation_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    -- the won prize must belong to this lottery (not checked while prize_id is NULL)
    CONSTRAINT fk_lottery_participation_prize FOREIGN KEY (prize_id, lottery_id) REFERENCES prize (id, lottery_id),
    CONSTRAINT ck_lottery_participation_won CHECK ((is_won = 0 AND prize_id IS NULL)
        OR (is_won = 1 AND prize_id IS NOT NULL)),
    CONSTRAINT ck_lottery_participation_weight CHECK (weight >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'who joined which lottery and what they won';

CREATE TABLE draw_record (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    create_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    lottery_id          BIGINT        NOT NULL,
    -- secret until the draw: whoever knows it before can predict the winners. Revealed once DRAWN.
    seed                VARBINARY(32) NOT NULL,
    -- lower-case hex SHA-256 of the raw seed bytes, published in the lottery detail from publication on
    seed_hash           CHAR(64)      NOT NULL,
    state               VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    -- name and version of the documented selection algorithm, so an old draw stays recomputable
    algorithm           VARCHAR(64)   NULL,
    algorithm_version   INT           NULL,
    participant_count   INT           NULL,
    -- hex SHA-256 over the ordered participant list the draw saw
    participants_digest CHAR(64)      NULL,
    winner_count        INT           NULL,
    job_execution_id    BIGINT        NULL COMMENT 'Spring Batch execution that drew it',
    drawn_time          DATETIME(3)   NULL,
    PRIMARY KEY (id),
    -- one draw per lottery, ever
    UNIQUE KEY uk_draw_record_lottery (lottery_id),
    KEY idx_draw_record_state (state, id),
    CONSTRAINT fk_draw_record_lottery FOREIGN KEY (lottery_id) REFERENCES lottery (id),
    CONSTRAINT ck_draw_record_state CHECK (state IN ('PENDING', 'DRAWING', 'DRAWN', 'CANCELLED')),
    CONSTRAINT ck_draw_record_seed CHECK (LENGTH(seed) = 32 AND LENGTH(seed_hash) = 64),
    -- a DRAWN record must carry everything a third party needs to recompute the winners
    CONSTRAINT ck_draw_record_drawn CHECK (state <> 'DRAWN' OR (drawn_time IS NOT NULL
        AND algorithm IS NOT NULL AND algorithm_version IS NOT NULL AND participant_count IS NOT NULL
        AND participants_digest IS NOT NULL AND winner_count IS NOT NULL)),
    CONSTRAINT ck_draw_record_counts CHECK ((participant_count IS NULL OR participant_count >= 0)
        AND (winner_count IS NULL OR winner_count >= 0)
        AND (participant_count IS NULL OR winner_count IS NULL OR winner_count <= participant_count))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'verifiable draw audit, one per lottery';
