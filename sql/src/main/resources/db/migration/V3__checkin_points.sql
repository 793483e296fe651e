-- Check-in, wish value (心愿值, "integral") and tasks (the original's checkin database, bugs fixed).
-- Times are DATETIME(3) in UTC (the JDBC session is forced to UTC); the wire carries Unix seconds.
-- Business days are DATE values in the business time zone (default Asia/Shanghai), computed by the
-- application, never by the database or the JVM zone.
-- MySQL 8 and MariaDB 10.11 compatible: utf8mb4_unicode_ci (the original used a Czech 0900 collation
-- MariaDB does not have), InnoDB everywhere (the original's ledger was MyISAM and ignored rollbacks).

CREATE TABLE checkin_record (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    create_time     DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time     DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id         BIGINT      NOT NULL,
    -- The original kept one mutable row per user and lost every update; we keep one row per
    -- (user, business day) as history, and the unique key makes a second check-in that day impossible.
    checkin_date    DATE        NOT NULL COMMENT 'business day in the business time zone',
    streak_day      TINYINT     NOT NULL COMMENT 'position in the 7-day reward cycle, 1..7',
    continuous_days INT         NOT NULL COMMENT 'consecutive days including this one',
    reward          INT         NOT NULL COMMENT 'wish value granted for this check-in',
    PRIMARY KEY (id),
    UNIQUE KEY uk_checkin_record_user_date (user_id, checkin_date),
    KEY idx_checkin_record_date (checkin_date, user_id),
    CONSTRAINT fk_checkin_record_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_checkin_record_continuous CHECK (continuous_days >= 1),
    -- the cycle restarts after day 7, so the position follows from the streak length
    CONSTRAINT ck_checkin_record_streak_day CHECK (streak_day BETWEEN 1 AND 7
        AND streak_day = MOD(continuous_days - 1, 7) + 1),
    CONSTRAINT ck_checkin_record_reward CHECK (reward >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'daily check-ins, one row per user and business day';

CREATE TABLE integral (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id     BIGINT      NOT NULL,
    -- always equal to SUM(integral_record.integral) of the user: both change in one transaction,
    -- and the reconciliation job reports any drift
    integral    BIGINT      NOT NULL DEFAULT 0,
    version     INT         NOT NULL DEFAULT 0 COMMENT 'optimistic locking',
    PRIMARY KEY (id),
    UNIQUE KEY uk_integral_user (user_id),
    CONSTRAINT fk_integral_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    -- spending more than the balance fails in the database, whatever the code checked before
    CONSTRAINT ck_integral_non_negative CHECK (integral >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'wish value (心愿值) balance per user';

CREATE TABLE integral_record (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    create_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id       BIGINT       NOT NULL,
    integral      BIGINT       NOT NULL COMMENT 'signed delta',
    balance_after BIGINT       NOT NULL COMMENT 'integral.integral after this entry',
    reason        VARCHAR(32)  NOT NULL COMMENT 'reason code: CHECKIN, TASK_REWARD, ADMIN_ADJUST, SPEND, ...',
    content       VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'display text, e.g. 签到, 任务奖励',
    -- Idempotency key of the business fact (e.g. CHECKIN:<user>:<day>, TASK:<user>:<task>:<period>):
    -- a retried or replayed grant hits the unique key instead of paying twice.
    biz_key       VARCHAR(128) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (id),
    UNIQUE KEY uk_integral_record_biz_key (biz_key),
    KEY idx_integral_record_user (user_id, id),
    CONSTRAINT fk_integral_record_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_integral_record_delta CHECK (integral <> 0),
    CONSTRAINT ck_integral_record_balance CHECK (balance_after >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'append-only wish value ledger';

CREATE TABLE tasks (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    type        TINYINT      NOT NULL COMMENT '1 newbie (once), 2 daily, 3 weekly',
    content     VARCHAR(100) NOT NULL,
    integral    INT          NOT NULL COMMENT 'reward in wish value',
    path        VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'mini-program page the task leads to',
    need_count  INT          NOT NULL DEFAULT 1 COMMENT 'events needed in one period',
    -- the domain event that advances progress: LOTTERY_JOINED, LOTTERY_CREATED, CHECKIN_SUBSCRIBED, CHECKIN
    event_type  VARCHAR(32)  NOT NULL,
    enabled     TINYINT      NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    CONSTRAINT ck_tasks_type CHECK (type IN (1, 2, 3)),
    CONSTRAINT ck_tasks_integral CHECK (integral > 0),
    CONSTRAINT ck_tasks_need_count CHECK (need_count >= 1),
    CONSTRAINT ck_tasks_enabled CHECK (enabled IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'task definitions that earn wish value';

-- Product data, not demo data. Ids are part of the contract: clients hard-code 1..3 (newbie) and read
-- count/needCount for 4 (daily, need 3) and 7 (weekly, need 30); the original never seeded 4 and 7.
INSERT INTO tasks (id, type, content, integral, path, need_count, event_type, enabled) VALUES
    (1, 1, '参与一次抽奖', 10, '/pages/index/home', 1, 'LOTTERY_JOINED', 1),
    (2, 1, '发起一次抽奖', 10, '/pages/index/lottery', 1, 'LOTTERY_CREATED', 1),
    (3, 1, '订阅签到', 15, '', 1, 'CHECKIN_SUBSCRIBED', 1),
    (4, 2, '每日参与3次抽奖', 10, '/pages/index/home', 3, 'LOTTERY_JOINED', 1),
    (7, 3, '每周参与30次抽奖', 50, '/pages/index/home', 30, 'LOTTERY_JOINED', 1);

CREATE TABLE task_progress (
    id                      BIGINT      NOT NULL AUTO_INCREMENT,
    create_time             DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time             DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- unique: the original created duplicates on concurrent first access
    user_id                 BIGINT      NOT NULL,
    is_participated_lottery TINYINT     NOT NULL DEFAULT 0,
    is_initiated_lottery    TINYINT     NOT NULL DEFAULT 0,
    is_sub_checkin          TINYINT     NOT NULL DEFAULT 0 COMMENT 'subscribed to check-in reminders',
    sub_time                DATETIME(3) NULL COMMENT 'last change of is_sub_checkin',
    PRIMARY KEY (id),
    UNIQUE KEY uk_task_progress_user (user_id),
    -- the reminder job scans subscribers
    KEY idx_task_progress_sub (is_sub_checkin, user_id),
    CONSTRAINT fk_task_progress_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_task_progress_flags CHECK (is_participated_lottery IN (0, 1)
        AND is_initiated_lottery IN (0, 1) AND is_sub_checkin IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'newbie task flags and reminder subscription per user';

CREATE TABLE task_record (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    create_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id       BIGINT      NOT NULL,
    task_id       BIGINT      NOT NULL,
    -- 'once' for newbie tasks, the business day ('2026-11-24') for daily, the ISO week ('2026-W48') for weekly
    period_key    VARCHAR(16) NOT NULL,
    progress      INT         NOT NULL DEFAULT 0,
    is_finished   TINYINT     NOT NULL DEFAULT 0 COMMENT '0 not finished, 1 finished (claimable), 2 rewarded',
    rewarded_time DATETIME(3) NULL,
    PRIMARY KEY (id),
    -- one reward per (user, task, period): the original let a rewarded task be claimed again and again
    UNIQUE KEY uk_task_record_user_task_period (user_id, task_id, period_key),
    KEY idx_task_record_task (task_id),
    CONSTRAINT fk_task_record_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT fk_task_record_task FOREIGN KEY (task_id) REFERENCES tasks (id),
    CONSTRAINT ck_task_record_progress CHECK (progress >= 0),
    CONSTRAINT ck_task_record_is_finished CHECK (is_finished IN (0, 1, 2)),
    CONSTRAINT ck_task_record_rewarded CHECK ((is_finished = 2 AND rewarded_time IS NOT NULL)
        OR (is_finished IN (0, 1) AND rewarded_time IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'task progress and reward state per user and period';
